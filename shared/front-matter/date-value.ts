/**
 * Whether a front-matter date is one the site's generator can read. Lenient
 * on purpose: `recap set` and the check's `invalid-date` refuse only what the
 * generator itself would refuse (Jekyll stops on a date Ruby cannot parse,
 * Hugo and Zola fail the build), never a form some generator accepts.
 */
import type { SiteKind } from '../model';

/** ISO 8601 and its common front-matter spellings: `2024-05-01`, `2024-05-01 10:00:00 +0200`, `2024-05-01T10:00:00Z`. */
const ISO_LIKE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ ]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?(?:[ ]*(?:[Zz]|[+-]\d{1,2}(?::?\d{2})?|UTC|GMT|[A-Z]{3,5}))?$/;
/** A month by name next to a day and a year (`March 3, 2020`, `Mon, 02 Jan 2006 15:04:05 MST`): Ruby's Time.parse and Hugo read these. */
const MONTH_NAME = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b/i;
/** Eleventy's date keywords (resolved from the file or git). */
const ELEVENTY_WORDS = /^(?:git )?(?:last modified|created)$/i;

/** The date form a message suggests. */
export const DATE_EXAMPLE = '2024-05-01 (or 2024-05-01 10:00:00 +0200)';

export function isGeneratorDate(text: string, kind: SiteKind): boolean {
  const value = text.trim().replace(/^(["'])(.*)\1$/, '$2');
  const iso = ISO_LIKE.exec(value);
  // Ruby's Time.parse (Jekyll) takes any day up to 31 and ignores what follows a date (`2023-01-29 18:30:22 2023 -0800`).
  const lenient = kind === 'jekyll' || kind === 'unknown';
  if (iso) return validCalendar(Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4] === undefined ? 0 : Number(iso[4]), iso[5] === undefined ? 0 : Number(iso[5]), iso[6] === undefined ? 0 : Number(iso[6]), lenient);
  const leading = lenient ? /^(\d{4})-(\d{1,2})-(\d{1,2})(?=[\sT]|$)/.exec(value) : null;
  if (leading) return validCalendar(Number(leading[1]), Number(leading[2]), Number(leading[3]), 0, 0, 0, true);
  if (kind === 'eleventy' && ELEVENTY_WORDS.test(value)) return true;
  if (kind === 'zola') return false; // Zola reads only TOML dates and RFC 3339 text
  return MONTH_NAME.test(value) && /\b\d{4}\b/.test(value) && /\b\d{1,2}\b/.test(value) && !Number.isNaN(Date.parse(value));
}

function validCalendar(year: number, month: number, day: number, hour: number, minute: number, second: number, anyDayTo31: boolean): boolean {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return false;
  return day <= (anyDayTo31 ? 31 : new Date(Date.UTC(year, month, 0)).getUTCDate());
}

/**
 * invalid-date: a date field whose value the site's generator cannot read as a
 * date (Jekyll stops on the post, Hugo and Zola fail the build). Which fields
 * are dates: those the site's posts use as dates (the schema), and the
 * generator's own date keys.
 */
import { DATE_EXAMPLE, isGeneratorDate } from '../../front-matter/date-value';
import type { SiteKind } from '../../model';
import { problemAt, type PostContext } from '../post-context';
import type { Problem } from '../types';
import { frontMatterRawValue } from './front-matter-positions';

/** Keys each generator itself reads as dates. */
const GENERATOR_DATE_KEYS: Partial<Record<SiteKind, readonly string[]>> = {
  jekyll: ['date', 'last_modified_at'],
  hugo: ['date', 'lastmod', 'publishDate', 'expiryDate'],
  zola: ['date', 'updated'],
  eleventy: ['date'],
};

export function checkInvalidDates(context: PostContext): Problem[] {
  const data = context.frontMatter?.data;
  if (!data) return [];
  const kind = context.input.site.kind;
  const keys = new Set(GENERATOR_DATE_KEYS[kind] ?? []);
  for (const field of context.input.schema?.fields ?? []) if (field.type === 'date' || field.type === 'datetime') keys.add(field.key);
  const problems: Problem[] = [];
  for (const key of keys) {
    const value = data[key];
    // Only text can be wrong here: TOML and YAML dates the parser read are dates already.
    if (typeof value !== 'string' || value.trim() === '' || isGeneratorDate(value, kind)) continue;
    const raw = frontMatterRawValue(context, key);
    const at = raw ? raw.offset : 0;
    problems.push(
      problemAt(context, 'invalid-date', at, raw ? raw.text.length : 0, `"${value}" in "${key}" is not a date the site's generator can read; write it like ${DATE_EXAMPLE}.`),
    );
  }
  return problems;
}

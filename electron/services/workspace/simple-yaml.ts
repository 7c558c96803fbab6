/**
 * A fast reader for the front matter most posts have: top-level
 * `key: value` lines whose values are one-line scalars (plain, single- or
 * double-quoted without escapes) or lists of them (`[a, "b"]`, or `- a`
 * lines). It gives exactly what js-yaml's core schema gives (parseYaml),
 * resolving plain scalars with js-yaml's own implicit types; anything else
 * (escapes, multi-line values, nested maps, anchors, comments inside values,
 * duplicate keys, odd characters) returns null and goes to js-yaml.
 *
 * Used on the summary keys picked out of a post's front matter
 * (pickTopLevelYaml), where js-yaml's per-call set-up was most of the time
 * of listing 10,000 posts' titles, dates and tags.
 */
import { CORE_SCHEMA, type Type } from 'js-yaml';
import type { FrontMatterValue } from '../../../shared/model';

/** The implicit types js-yaml tries on a plain scalar, in its order (null, bool, int, float). */
const IMPLICIT: readonly Type[] | null = (() => {
  const types = (CORE_SCHEMA as unknown as { compiledImplicit?: unknown }).compiledImplicit;
  return Array.isArray(types) && types.every((t) => typeof (t as Type).resolve === 'function') ? (types as Type[]) : null;
})();

const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+|$)/;
/** Characters js-yaml refuses (or that make a value mean more than its text): left to it. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const UNUSUAL = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
/** YAML's white space is only spaces and tabs (String#trim would take more). */
const trimEnd = (text: string) => text.replace(/[ \t]+$/, '');
const isBlank = (text: string) => /^[ \t]*$/.test(text);
/** First characters that make a plain scalar something else (YAML indicators), or are reserved. */
const INDICATOR = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
const MAX_CHARS = 16 * 1024;

type Scalar = string | number | boolean | null;

/** The mapping, or null when the text is not of the simple kind (the caller then parses it with js-yaml). */
export function parseSimpleYaml(text: string): Record<string, FrontMatterValue> | null {
  if (!IMPLICIT || text.length > MAX_CHARS || UNUSUAL.test(text)) return null;
  const lines = text.split('\n');
  const out: Record<string, FrontMatterValue> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlankOrComment(line)) continue;
    const key = KEY_LINE.exec(line);
    if (!key || Object.prototype.hasOwnProperty.call(out, key[1]!)) return null;
    const rest = trimEnd(line.slice(key[0].length));
    // The lines below this key, up to the next key: a block list, or nothing.
    let end = i + 1;
    while (end < lines.length && (isBlankOrComment(lines[end]!) || /^[ \t-]/.test(lines[end]!))) end++;
    const below = lines.slice(i + 1, end).filter((l) => !isBlankOrComment(l));
    i = end - 1;
    let value: FrontMatterValue | undefined;
    if (rest === '') value = below.length === 0 ? null : blockList(below);
    else if (below.length === 0) value = rest.startsWith('[') ? flowList(rest) : scalar(rest);
    if (value === undefined) return null;
    out[key[1]!] = value;
  }
  return out;
}

function isBlankOrComment(line: string): boolean {
  // Only a comment at the start of the line: an indented one could sit inside a value.
  return line.charCodeAt(0) === 35 /* # */ || isBlank(line);
}

/** `- a` lines, all at one indentation; undefined for anything else. */
function blockList(lines: string[]): Scalar[] | undefined {
  const indent = /^ */.exec(lines[0]!)![0].length;
  const items: Scalar[] = [];
  for (const line of lines) {
    const item = /^( *)-(?: +(.*))?$/.exec(line);
    if (!item || item[1]!.length !== indent) return undefined;
    const text = trimEnd(item[2] ?? '');
    const value = text === '' ? null : text.startsWith('[') ? undefined : scalar(text);
    if (value === undefined) return undefined;
    items.push(value);
  }
  return items;
}

/** `[a, "b", 'c']` on one line, of simple items; undefined for anything else. */
function flowList(text: string): Scalar[] | undefined {
  if (!text.endsWith(']')) return undefined;
  const inner = text.slice(1, -1);
  if (isBlank(inner)) return [];
  const items: Scalar[] = [];
  let at = 0;
  while (at <= inner.length) {
    while (inner[at] === ' ') at++;
    let raw: string;
    const quote = inner[at];
    if (quote === '"' || quote === "'") {
      const close = closingQuote(inner, at);
      if (close === -1) return undefined;
      raw = inner.slice(at, close + 1);
      at = close + 1;
      while (inner[at] === ' ') at++;
    } else {
      const comma = inner.indexOf(',', at);
      raw = trimEnd(inner.slice(at, comma === -1 ? inner.length : comma));
      at = comma === -1 ? inner.length : comma;
      // Flow context: these characters end or nest a plain scalar.
      if (raw === '' || /[[\]{}]/.test(raw)) return undefined;
    }
    const value = scalar(raw);
    if (value === undefined) return undefined;
    items.push(value);
    if (at >= inner.length) break;
    if (inner[at] !== ',') return undefined;
    at++;
    if (isBlank(inner.slice(at))) return undefined; // a trailing comma: left to js-yaml
  }
  return items;
}

/** Index of the quote closing the one at `open`, or -1 (also for escapes, which are left to js-yaml). */
function closingQuote(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') return -1;
    if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}

/** One scalar written on one line (trimmed); undefined when it is not of the simple kind. */
function scalar(text: string): Scalar | undefined {
  const first = text[0]!;
  if (first === '"' || first === "'") {
    const close = closingQuote(text, 0);
    if (close !== text.length - 1) return undefined; // an escape, or something after the quote
    const content = text.slice(1, -1);
    return first === "'" ? content.replace(/''/g, "'") : content;
  }
  if (INDICATOR.has(first) || /[ \t]#|:(?:[ \t]|$)|\t/.test(text)) return undefined;
  for (const type of IMPLICIT!) {
    if (type.resolve(text)) {
      const value: unknown = type.construct(text);
      // What toFrontMatterValue makes of it: non-finite numbers become their text.
      if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
      return typeof value === 'boolean' || value === null ? value : undefined;
    }
  }
  return text;
}

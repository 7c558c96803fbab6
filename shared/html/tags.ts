/**
 * A light HTML tag scanner for the raw HTML inside Markdown. It finds start
 * and end tags with their attributes and exact offsets; it builds no tree
 * and never executes anything. Script content is skipped as raw text (so
 * `a<b` in a script is not a tag); every other element's content is scanned,
 * which also catches tags hidden in `<style>` inside `<math>` (mXSS).
 */
import { decodeEntities } from './entities';

export interface HtmlAttribute {
  /** Lower-cased. */
  name: string;
  /** As written, without quotes; null for a bare attribute (`allowfullscreen`). */
  raw: string | null;
  /** With character references decoded. */
  value: string | null;
  /** Offset of the attribute name. */
  start: number;
  /** Offsets of the value inside the quotes (equal to start when bare). */
  valueStart: number;
  valueEnd: number;
}

export interface HtmlTag {
  /** Lower-cased tag name. */
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** Offset of `<`. */
  start: number;
  /** Offset just after `>`. */
  end: number;
  attributes: HtmlAttribute[];
  /** For `<script>`: the raw text up to `</script>`, and where it ends (after the end tag). */
  rawText?: { start: number; end: number; elementEnd: number };
}

/** Ranges [start, end) the scanner must not look into (code spans and blocks). */
export type SkipRange = readonly [number, number];

const NAME_START = /[A-Za-z]/;
const NAME_CHAR = /[A-Za-z0-9-]/;
const SPACE = /[\t\n\f\r ]/;
const SCRIPT_END = /<\/script/gi;

export function scanTags(text: string, skip: readonly SkipRange[] = []): HtmlTag[] {
  const tags: HtmlTag[] = [];
  let skipIndex = 0;
  let i = text.indexOf('<');
  while (i !== -1 && i < text.length) {
    while (skipIndex < skip.length && skip[skipIndex]![1] <= i) skipIndex++;
    const range = skip[skipIndex];
    if (range && range[0] <= i) {
      i = text.indexOf('<', range[1]);
      continue;
    }
    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      i = close === -1 ? -1 : text.indexOf('<', close + 3);
      continue;
    }
    const tag = readTag(text, i);
    if (!tag) {
      i = text.indexOf('<', i + 1);
      continue;
    }
    if (tag.name === 'script' && !tag.closing && !tag.selfClosing) {
      SCRIPT_END.lastIndex = tag.end;
      const close = SCRIPT_END.exec(text)?.index ?? -1;
      const contentEnd = close === -1 ? text.length : close;
      const gt = close === -1 ? -1 : text.indexOf('>', close);
      tag.rawText = { start: tag.end, end: contentEnd, elementEnd: gt === -1 ? text.length : gt + 1 };
      tags.push(tag);
      i = text.indexOf('<', contentEnd);
      continue;
    }
    tags.push(tag);
    i = text.indexOf('<', tag.end);
  }
  return tags;
}

function readTag(text: string, start: number): HtmlTag | null {
  let i = start + 1;
  const closing = text[i] === '/';
  if (closing) i++;
  if (!NAME_START.test(text[i] ?? '')) return null;
  const nameStart = i;
  while (i < text.length && NAME_CHAR.test(text[i]!)) i++;
  const after = text[i];
  if (after === undefined || !(SPACE.test(after) || after === '/' || after === '>')) return null;
  const name = text.slice(nameStart, i).toLowerCase();
  const attributes: HtmlAttribute[] = [];
  let selfClosing = false;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '>') return { name, closing, selfClosing, start, end: i + 1, attributes };
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    if (c === '/') {
      selfClosing = text[i + 1] === '>';
      i++;
      continue;
    }
    if (c === '<') return null; // a stray `<` before `>`: not a tag after all
    const attrStart = i;
    while (i < text.length && !SPACE.test(text[i]!) && text[i] !== '>' && text[i] !== '/' && (text[i] !== '=' || i === attrStart)) i++;
    const attrName = text.slice(attrStart, i).toLowerCase();
    let j = i;
    while (j < text.length && SPACE.test(text[j]!)) j++;
    if (text[j] !== '=') {
      attributes.push({ name: attrName, raw: null, value: null, start: attrStart, valueStart: i, valueEnd: i });
      continue;
    }
    j++;
    while (j < text.length && SPACE.test(text[j]!)) j++;
    const quote = text[j];
    let valueStart: number;
    let valueEnd: number;
    if (quote === '"' || quote === "'") {
      valueStart = j + 1;
      valueEnd = text.indexOf(quote, valueStart);
      if (valueEnd === -1) return null;
      i = valueEnd + 1;
    } else {
      valueStart = j;
      while (j < text.length && !SPACE.test(text[j]!) && text[j] !== '>') j++;
      valueEnd = j;
      i = j;
    }
    const raw = text.slice(valueStart, valueEnd);
    attributes.push({ name: attrName, raw, value: decodeEntities(raw), start: attrStart, valueStart, valueEnd });
  }
  return null;
}

export function attribute(tag: HtmlTag, name: string): HtmlAttribute | undefined {
  return tag.attributes.find((a) => a.name === name);
}

/** Offset just after the end tag that closes `open`, counting nested elements of the same name; null when never closed. */
export function elementEnd(tags: readonly HtmlTag[], open: HtmlTag): number | null {
  let depth = 0;
  for (let k = tags.indexOf(open); k < tags.length; k++) {
    const tag = tags[k]!;
    if (tag.name !== open.name) continue;
    if (!tag.closing && !tag.selfClosing) depth++;
    else if (tag.closing && --depth === 0) return tag.end;
  }
  return null;
}

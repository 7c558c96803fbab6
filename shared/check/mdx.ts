/**
 * MDX is Markdown with JavaScript in it: `import`/`export` blocks, JSX
 * component tags (`<Tabs>`, `<Code code={`<script>…`} />`) and `{expressions}`.
 * None of that is HTML, and the Markdown between components is Markdown (a
 * code fence inside `<TabItem>` is code, however far it is indented). This
 * finds the JavaScript ranges of a body and gives the Markdown view of it:
 * the same text with those ranges blanked, so every offset stays the same.
 */
import type { SkipRange } from '../html/tags';

const FENCE = /^[ \t]*(`{3,}|~{3,})/;
const ESM = /^(?:import|export)[\s{*]/;
const BLANK_LINE = /\n[ \t]*\n/g;

export interface MdxView {
  /** The body with ESM, JSX tags and expressions replaced by spaces (line breaks kept). */
  markdown: string;
  /** Those ranges, sorted, in body offsets. */
  script: SkipRange[];
}

export function mdxView(body: string): MdxView {
  const fences = fenceRanges(body);
  const esm = esmRanges(body, fences);
  const plain = [...fences, ...esm];
  const script = [...esm, ...jsxRanges(body, plain.sort((a, b) => a[0] - b[0]))].sort((a, b) => a[0] - b[0]);
  return { markdown: blank(body, script), script };
}

/** `import`/`export` blocks at the start of a line, each running to the next blank line. */
function esmRanges(body: string, fences: readonly SkipRange[]): SkipRange[] {
  const ranges: SkipRange[] = [];
  let inEsm = false;
  let offset = 0;
  for (const line of body.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (fences.some(([s, e]) => lineStart >= s && lineStart < e)) continue;
    inEsm = (inEsm || ESM.test(line)) && line.trim() !== '';
    if (inEsm) ranges.push([lineStart, lineStart + line.length]);
  }
  return ranges;
}

/** Fenced code blocks, any indentation (MDX has no indented code). */
function fenceRanges(body: string): SkipRange[] {
  const ranges: SkipRange[] = [];
  let open: { marker: string; start: number } | null = null;
  let offset = 0;
  for (const line of body.split('\n')) {
    const marker = FENCE.exec(line)?.[1];
    if (open === null && marker) open = { marker, start: offset };
    else if (open && marker && marker[0] === open.marker[0] && marker.length >= open.marker.length && line.trim() === marker) {
      ranges.push([open.start, offset + line.length]);
      open = null;
    }
    offset += line.length + 1;
  }
  if (open) ranges.push([open.start, body.length]);
  return ranges;
}

/** Component tags (capitalised, dotted, or fragments), tags with `{…}` attributes, and `{expressions}`, outside code. */
function jsxRanges(body: string, code: readonly SkipRange[]): SkipRange[] {
  const ranges: SkipRange[] = [];
  let next = 0;
  let i = 0;
  while (i < body.length) {
    // Fences and ESM blocks are jumped over whole, so their backticks never pair with others.
    while (next < code.length && code[next]![1] <= i) next++;
    if (next < code.length && code[next]![0] <= i) {
      i = code[next]![1];
      continue;
    }
    const c = body[i];
    if (c === '`') {
      // An inline code span: skip to its closing run of the same length, within the paragraph (a stray backtick is text).
      const run = /^`+/.exec(body.slice(i, i + 100))![0];
      const close = body.indexOf(run, i + run.length);
      BLANK_LINE.lastIndex = i;
      const paragraphEnd = BLANK_LINE.exec(body)?.index ?? body.length;
      i = close === -1 || close > paragraphEnd ? i + run.length : close + run.length;
      continue;
    }
    if (c === '<' || c === '{') {
      const end = c === '{' ? balancedEnd(body, i) : jsxTagEnd(body, i);
      if (end !== null) {
        ranges.push([i, end]);
        i = end;
        continue;
      }
    }
    i++;
  }
  return ranges;
}

/** End of a JSX tag at `start`, or null when it is not one (plain HTML is left to the HTML rules). */
function jsxTagEnd(body: string, start: number): number | null {
  const head = /^<\/?([A-Za-z][\w.:-]*)?/.exec(body.slice(start, start + 200));
  if (!head) return null;
  const name = head[1] ?? '';
  const component = name === '' ? body[start + head[0].length] === '>' : /^[A-Z]|\./.test(name);
  let i = start + head[0].length;
  let hasExpression = false;
  while (i < body.length) {
    const c = body[i]!;
    if (c === '>') return component || hasExpression ? i + 1 : null;
    if (c === '"' || c === "'") {
      const close = body.indexOf(c, i + 1);
      if (close === -1) return null;
      i = close + 1;
    } else if (c === '{') {
      const close = balancedEnd(body, i);
      if (close === null) return null;
      hasExpression = true;
      i = close;
    } else if (c === '<' || (c === '\n' && body[i + 1] === '\n')) {
      return null; // a stray `<`, or a blank line: not a tag
    } else i++;
  }
  return null;
}

/** Offset just past the `}` matching the `{` at `start`, skipping strings, template literals and comments; null when unbalanced. */
function balancedEnd(body: string, start: number): number | null {
  let depth = 0;
  let i = start;
  while (i < body.length) {
    const c = body[i]!;
    if (c === '{') depth++;
    else if (c === '}') {
      if (--depth === 0) return i + 1;
    } else if (c === '"' || c === "'" || c === '`') {
      const close = stringEnd(body, i);
      if (close === null) return null;
      i = close;
      continue;
    } else if (c === '/' && body[i + 1] === '*') {
      const close = body.indexOf('*/', i + 2);
      if (close === -1) return null;
      i = close + 2;
      continue;
    }
    i++;
  }
  return null;
}

function stringEnd(body: string, start: number): number | null {
  const quote = body[start]!;
  for (let i = start + 1; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') i++;
    else if (c === quote) return i + 1;
    else if (quote === '`' && c === '$' && body[i + 1] === '{') {
      const close = balancedEnd(body, i + 1);
      if (close === null) return null;
      i = close - 1;
    } else if (c === '\n' && quote !== '`') return null;
  }
  return null;
}

function blank(text: string, ranges: readonly SkipRange[]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    out += text.slice(at, start) + text.slice(start, end).replace(/[^\n]/g, ' ');
    at = end;
  }
  return out + text.slice(at);
}

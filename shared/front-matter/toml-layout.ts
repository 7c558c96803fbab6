/**
 * Where each key and table of a TOML document sits in its text. smol-toml
 * parses values but keeps no positions, so this small scanner records the
 * source range of every `key = value` and `[table]` header; the content has
 * already been validated by the real parser.
 */
import { FrontMatterEditError } from './edit-error';

export interface TomlEntry {
  /** Full path: the table's path plus the (dotted) key. */
  path: string[];
  lineStart: number;
  valueStart: number;
  valueEnd: number;
  /** Inside an array of tables (`[[x]]`): not addressable by path. */
  inArrayTable: boolean;
}

export interface TomlHeader {
  path: string[];
  array: boolean;
  lineStart: number;
  lineEnd: number;
}

export interface TomlLayout {
  entries: TomlEntry[];
  headers: TomlHeader[];
}

const BARE_KEY = /[A-Za-z0-9_-]/;

export function scanToml(content: string): TomlLayout {
  const entries: TomlEntry[] = [];
  const headers: TomlHeader[] = [];
  let table: string[] = [];
  let inArrayTable = false;
  let pos = 0;
  while (pos < content.length) {
    const ch = content[pos]!;
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      pos++;
    } else if (ch === '#') {
      pos = endOfLine(content, pos);
    } else if (ch === '[') {
      const array = content[pos + 1] === '[';
      const { keys, end } = scanKey(content, skipSpaces(content, pos + (array ? 2 : 1)));
      const close = skipSpaces(content, end);
      if (!content.startsWith(array ? ']]' : ']', close)) throw unreadable();
      const lineEnd = lineBreakAfter(content, close);
      headers.push({ path: keys, array, lineStart: pos, lineEnd });
      table = keys;
      inArrayTable = array;
      pos = lineEnd;
    } else {
      const lineStart = pos;
      const { keys, end } = scanKey(content, pos);
      const equals = skipSpaces(content, end);
      if (content[equals] !== '=') throw unreadable();
      const valueStart = skipSpaces(content, equals + 1);
      const valueEnd = scanValue(content, valueStart);
      entries.push({ path: [...table, ...keys], lineStart, valueStart, valueEnd, inArrayTable });
      pos = lineBreakAfter(content, valueEnd);
    }
  }
  return { entries, headers };
}

function unreadable(): FrontMatterEditError {
  return new FrontMatterEditError('Recap cannot edit this TOML front matter safely; use the source view.');
}

function skipSpaces(content: string, pos: number): number {
  while (content[pos] === ' ' || content[pos] === '\t') pos++;
  return pos;
}

function endOfLine(content: string, pos: number): number {
  const at = content.indexOf('\n', pos);
  return at === -1 ? content.length : at;
}

/** After the value: optional spaces and comment, then past the line break. */
function lineBreakAfter(content: string, pos: number): number {
  const at = content.indexOf('\n', pos);
  return at === -1 ? content.length : at + 1;
}

function scanKey(content: string, start: number): { keys: string[]; end: number } {
  const keys: string[] = [];
  let pos = start;
  for (;;) {
    pos = skipSpaces(content, pos);
    const ch = content[pos];
    if (ch === '"') {
      const end = scanBasicString(content, pos);
      keys.push(unescapeBasic(content.slice(pos + 1, end - 1)));
      pos = end;
    } else if (ch === "'") {
      const end = content.indexOf("'", pos + 1);
      if (end === -1) throw unreadable();
      keys.push(content.slice(pos + 1, end));
      pos = end + 1;
    } else {
      let end = pos;
      while (end < content.length && BARE_KEY.test(content[end]!)) end++;
      if (end === pos) throw unreadable();
      keys.push(content.slice(pos, end));
      pos = end;
    }
    const next = skipSpaces(content, pos);
    if (content[next] !== '.') return { keys, end: pos };
    pos = next + 1;
  }
}

function unescapeBasic(text: string): string {
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return text;
  }
}

function scanBasicString(content: string, start: number): number {
  for (let i = start + 1; i < content.length; i++) {
    const ch = content[i];
    if (ch === '\\') i++;
    else if (ch === '"') return i + 1;
    else if (ch === '\n') break;
  }
  throw unreadable();
}

function scanMultiline(content: string, start: number, quote: '"""' | "'''"): number {
  for (let i = start + 3; i < content.length; i++) {
    if (quote === '"""' && content[i] === '\\') {
      i++;
    } else if (content.startsWith(quote, i)) {
      let end = i + 3;
      // Up to two quote characters may end the string itself: `""""` closes after one `"`.
      while (end - (i + 3) < 2 && content[end] === quote[0]) end++;
      return end;
    }
  }
  throw unreadable();
}

/** End offset of the value starting at `start` (without trailing spaces or comment). */
export function scanValue(content: string, start: number): number {
  const ch = content[start];
  if (content.startsWith('"""', start)) return scanMultiline(content, start, '"""');
  if (content.startsWith("'''", start)) return scanMultiline(content, start, "'''");
  if (ch === '"') return scanBasicString(content, start);
  if (ch === "'") {
    const end = content.indexOf("'", start + 1);
    if (end === -1) throw unreadable();
    return end + 1;
  }
  if (ch === '[' || ch === '{') {
    const close = ch === '[' ? ']' : '}';
    let pos = start + 1;
    for (;;) {
      while (pos < content.length && /[\s,]/.test(content[pos]!)) pos++;
      if (content[pos] === '#') {
        pos = endOfLine(content, pos);
        continue;
      }
      if (pos >= content.length) throw unreadable();
      if (content[pos] === close) return pos + 1;
      if (ch === '{') {
        const { end } = scanKey(content, pos);
        const equals = skipSpaces(content, end);
        if (content[equals] !== '=') throw unreadable();
        pos = scanValue(content, skipSpaces(content, equals + 1));
      } else {
        pos = scanValue(content, pos);
      }
    }
  }
  const bare = /^[^\s,\]}#]+/.exec(content.slice(start, start + 200));
  if (!bare) throw unreadable();
  let end = start + bare[0].length;
  // A date and a time may be separated by one space: `1979-05-27 07:32:00`.
  const time = /^\d{4}-\d{2}-\d{2}$/.test(bare[0]) ? /^ \d{2}:\d{2}[^\s,\]}#]*/.exec(content.slice(end, end + 64)) : null;
  if (time) end += time[0].length;
  return end;
}

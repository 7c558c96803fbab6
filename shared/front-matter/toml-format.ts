/** Writing TOML values: the replaced value's string style is kept; dates stay native TOML dates. */
import type { FrontMatterValue } from '../model';
import { isRecord, valuesEqual } from './field-path';
import { parseToml } from './parse-values';

const TOML_DATE = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})?)?$|^\d{2}:\d{2}:\d{2}(?:\.\d+)?$/;
const DATE_KEY = /(?:^|_)(?:date|updated|modified|published|created)$/i;

export function formatTomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : basicString(key);
}

function basicString(value: string): string {
  return JSON.stringify(value).replace(/[\u007f\u0080-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function multilineString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"""/g, '""\\"')
    .replace(/\p{Cc}/gu, (c) => (c === '\n' || c === '\t' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  // A closing quote right before the delimiter would merge with it.
  return `"""\n${escaped.endsWith('"') ? escaped.slice(0, -1) + '\\"' : escaped}"""`;
}

export interface TomlFormatOptions {
  /** Source text of the value being replaced, to keep its style. */
  previous?: string;
  /** The key's last segment: a new `date` is written as a TOML date. */
  key?: string;
}

export function formatTomlValue(value: FrontMatterValue, options: TomlFormatOptions = {}): string {
  const { previous, key } = options;
  if (value === null) throw new Error('TOML has no null value');
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : value > 0 ? 'inf' : value < 0 ? '-inf' : 'nan';
  if (Array.isArray(value)) {
    const items = arrayItems(value.filter((item) => item !== null), previous);
    if (previous && previous.includes('\n') && items.length > 0) {
      const indent = /\n([ \t]+)\S/.exec(previous)?.[1] ?? '  ';
      const trailingComma = /,\s*\]$/.test(previous);
      return `[\n${items.map((item) => indent + item).join(',\n')}${trailingComma ? ',' : ''}\n]`;
    }
    return `[${items.join(', ')}]`;
  }
  if (isRecord(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== null);
    return keys.length === 0 ? '{}' : `{ ${keys.map((k) => `${formatTomlKey(k)} = ${formatTomlValue(value[k]!)}`).join(', ')} }`;
  }
  const wasDate = previous !== undefined && TOML_DATE.test(previous);
  if (TOML_DATE.test(value) && (wasDate || (previous === undefined && key !== undefined && DATE_KEY.test(key)))) return value;
  if (value.includes('\n')) return multilineString(value);
  if (previous?.startsWith("'") && !previous.startsWith("'''") && !/['\p{Cc}]/u.test(value)) return `'${value}'`;
  if (previous?.startsWith("'''") && !/'''|\p{Cc}/u.test(value)) return `'''${value}'''`;
  return basicString(value);
}

/**
 * The items of a new array: items that stay keep their text as written
 * (`'literal'`, `"basic"`), new string items take the quoting the old ones use.
 */
function arrayItems(values: readonly FrontMatterValue[], previous: string | undefined): string[] {
  const old = previous === undefined ? [] : splitTomlArray(previous).map((text) => ({ text, value: readTomlItem(text), used: false }));
  const styleOf = old.find((item) => typeof item.value === 'string')?.text;
  return values.map((value) => {
    const same = old.find((item) => !item.used && item.value !== undefined && valuesEqual(item.value, value));
    if (same) {
      same.used = true;
      return same.text;
    }
    return formatTomlValue(value, typeof value === 'string' && styleOf ? { previous: styleOf } : {});
  });
}

function readTomlItem(text: string): FrontMatterValue | undefined {
  try {
    return parseToml(`v = ${text}`).v;
  } catch {
    return undefined;
  }
}

/** The top-level items of an array's source text (`[a, [b, c], "d,e"]` → three); comments are not items. */
export function splitTomlArray(text: string): string[] {
  const source = text.trim();
  if (!source.startsWith('[') || !source.endsWith(']')) return [];
  const items: string[] = [];
  let current = '';
  let depth = 0;
  for (let i = 1; i < source.length - 1; i++) {
    const c = source[i]!;
    if (c === '"' || c === "'") {
      const close = source.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      let j = i + close.length;
      while (j < source.length - 1 && !source.startsWith(close, j)) j += c === '"' && source[j] === '\\' ? 2 : 1;
      current += source.slice(i, j + close.length);
      i = j + close.length - 1;
    } else if (c === '#') {
      const end = source.indexOf('\n', i);
      i = (end === -1 ? source.length - 1 : end) - 1; // a comment runs to the end of its line
    } else if (c === ',' && depth === 0) {
      items.push(current);
      current = '';
    } else {
      if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') depth--;
      current += c;
    }
  }
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

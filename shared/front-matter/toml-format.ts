/** Writing TOML values: the replaced value's string style is kept; dates stay native TOML dates. */
import type { FrontMatterValue } from '../model';
import { isRecord } from './field-path';

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
    const items = value.filter((item) => item !== null).map((item) => formatTomlValue(item));
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

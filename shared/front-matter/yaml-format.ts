/**
 * Writing new YAML values the way a person would: plain when that reads back
 * as the same string (for YAML 1.2 and for Jekyll's YAML 1.1), the existing
 * quoting style when a value is replaced, block scalars for multi-line text.
 */
import { parse } from 'yaml';
import type { FrontMatterValue } from '../model';
import { isRecord } from './field-path';

export type YamlScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[ ]?(?:Z|[+-]\d{1,2}(?::?\d{2})?))?)?$/;
const YAML11_SPECIAL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|=|<<)$/;

/** True when `value` can be written without quotes and reads back as the same string. */
export function isPlainSafe(value: string, flow = false): boolean {
  // Only space and tab are YAML whitespace: a no-break space at either end is still plain text.
  if (value === '' || /^[ ]|[ ]$/.test(value) || /[\n\r\t\u0085\u2028\u2029]/.test(value)) return false;
  if (flow && /[,[\]{}]/.test(value)) return false;
  if (YAML11_SPECIAL.test(value) || /^[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?$/.test(value)) return false; // YAML 1.1 booleans, sexagesimals
  // Control and other invisible characters read better escaped; combining marks (Bengali, Hindi, Arabic
  // vowel signs), no-break spaces and the joiners of Indic and Persian text are ordinary text.
  if (/[^\p{L}\p{M}\p{N}\p{P}\p{S} \u00a0\u202f\u200c\u200d]/u.test(value)) return false;
  try {
    const read: unknown = parse(`k: ${value}\n`, { strict: true, logLevel: 'error' });
    if (!isRecord(read) || read.k !== value) return false;
    if (DATE_LIKE.test(value)) return true; // dates stay unquoted: Jekyll and Hugo read them as dates
    const read11: unknown = parse(`k: ${value}\n`, { schema: 'yaml-1.1', logLevel: 'error' });
    return isRecord(read11) && read11.k === value;
  } catch {
    return false;
  }
}

/**
 * The style a replaced scalar keeps: the author's, except that quotes the old
 * value needed (`"a: b"`) are dropped when the new value does not need them,
 * so a value changed and changed back reads as it was written.
 */
export function replacementStyle(style: string | undefined, previous: unknown, next: unknown): YamlScalarStyle | undefined {
  const quoted = style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE';
  if (quoted && typeof previous === 'string' && !isPlainSafe(previous) && typeof next === 'string' && isPlainSafe(next)) return 'PLAIN';
  return style as YamlScalarStyle | undefined;
}

/** The quoting that list items share by choice (every item quoted the same way though none needs it), for new items. */
export function sharedItemStyle(items: ReadonlyArray<{ type?: string; value: unknown }>, flow: boolean): YamlScalarStyle | undefined {
  const first = items[0]?.type;
  if (first !== 'QUOTE_DOUBLE' && first !== 'QUOTE_SINGLE') return undefined;
  return items.every((item) => item.type === first && (typeof item.value !== 'string' || isPlainSafe(item.value, flow))) ? first : undefined;
}

export function quoteDouble(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function quoteSingle(value: string): string | null {
  return /[\n\r\p{Cc}]/u.test(value) ? null : `'${value.replace(/'/g, "''")}'`;
}

export interface ScalarFormatOptions {
  /** The style of the value being replaced; new values pass undefined. */
  style?: YamlScalarStyle;
  /** Indentation of a block scalar's lines. */
  blockIndent: string;
  /** Inside a flow collection (`[a, b]`). */
  flow?: boolean;
}

/** A scalar's source text. Multi-line text becomes a block scalar (`|`/`>` header, lines on their own). */
export function formatYamlScalar(value: string | number | boolean | null, options: ScalarFormatOptions): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : quoteDouble(String(value));
  if (typeof value === 'boolean') return String(value);
  const { style, blockIndent, flow } = options;
  const body = value.replace(/\n+$/, '');
  if (!flow && (body.includes('\n') || style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED')) {
    const block = formatBlockScalar(value, style === 'BLOCK_FOLDED' && !body.includes('\n') ? '>' : '|', blockIndent);
    if (block !== null) return block;
  }
  if (style === 'QUOTE_SINGLE') return quoteSingle(value) ?? quoteDouble(value);
  if (style === 'QUOTE_DOUBLE') return quoteDouble(value);
  return isPlainSafe(value, flow) ? value : quoteDouble(value);
}

function formatBlockScalar(value: string, header: '|' | '>', indent: string): string | null {
  const body = value.replace(/\n+$/, '');
  // Leading spaces need an indentation indicator and trailing spaces are invisible: quote those instead.
  if (body === '' || /^[ \t]/.test(body) || /[ \t]$/m.test(body) || /[\r\p{Cc}]/u.test(body.replace(/[\n\t]/g, ''))) return null;
  const trailing = value.length - body.length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const lines = value.slice(0, trailing > 1 ? value.length - 1 : body.length).split('\n');
  return `${header}${chomp}\n${lines.map((line) => (line === '' ? '' : indent + line)).join('\n')}`;
}

export function formatYamlKey(key: string): string {
  return /^[A-Za-z_][\w-]*$/.test(key) ? key : quoteDouble(key);
}

/**
 * A whole value for a new or retyped field, as the text after `key:`.
 * Scalars come back as ` value`, collections as `\n`-started indented lines.
 */
export function formatYamlValue(value: FrontMatterValue, indent: string, seqIndent: string): string {
  if (value === null) return '';
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []';
    return value.map((item) => `\n${indent}${seqIndent}-${formatNested(item, indent + seqIndent + '  ', seqIndent)}`).join('');
  }
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return ' {}';
    return keys.map((key) => `\n${indent}  ${formatYamlKey(key)}:${formatYamlValue(value[key]!, indent + '  ', seqIndent)}`).join('');
  }
  const scalar = formatYamlScalar(value, { blockIndent: indent + '  ' });
  return scalar === '' ? '' : ' ' + scalar;
}

/** An item of a block sequence: scalars after `- `, maps continue on the same line. */
function formatNested(value: FrontMatterValue, indent: string, seqIndent: string): string {
  if (isRecord(value) && Object.keys(value).length > 0) {
    const [first, ...rest] = Object.keys(value);
    const head = ` ${formatYamlKey(first!)}:${formatYamlValue(value[first!]!, indent, seqIndent)}`;
    return head + rest.map((key) => `\n${indent}${formatYamlKey(key)}:${formatYamlValue(value[key]!, indent, seqIndent)}`).join('');
  }
  if (Array.isArray(value) && value.length > 0) return ` [${value.map((v) => formatFlowValue(v)).join(', ')}]`;
  return formatYamlValue(value, indent.slice(0, -2), seqIndent);
}

export function formatFlowValue(value: FrontMatterValue): string {
  if (Array.isArray(value)) return `[${value.map(formatFlowValue).join(', ')}]`;
  if (isRecord(value)) return `{${Object.keys(value).map((k) => `${formatYamlKey(k)}: ${formatFlowValue(value[k]!)}`).join(', ')}}`;
  if (value === null) return 'null';
  return formatYamlScalar(value, { blockIndent: '', flow: true });
}

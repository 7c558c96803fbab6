/** How `get` and `set` name fields and values on the command line. */
import { isScalar, parseDocument } from 'yaml';
import type { FrontMatterData } from '../../../shared/front-matter/field-path';
import type { FrontMatterValue } from '../../../shared/model';
import { UsageError } from '../io';

/** `extra.team` is the key "extra.team" when the post has one, else the path extra → team. */
export function fieldPath(data: FrontMatterData, key: string): string[] {
  if (key === '') throw new UsageError('A field name cannot be empty.');
  if (Object.prototype.hasOwnProperty.call(data, key) || !key.includes('.')) return [key];
  const parts = key.split('.');
  if (parts.some((part) => part === '')) throw new UsageError(`"${key}" is not a field name.`);
  return parts;
}

/**
 * A value as YAML would read it after `key: ` (`true`, `3`, `[a, b]`, `"x"`,
 * `null`), except that text YAML would turn into a map (`Paris: the recap`)
 * or cut at a comment (`C# #1`) stays the text typed. A value that starts
 * like YAML (`[`, `{`, a quote) but does not parse is refused with where it
 * breaks, so a typo never turns a list into a string. The parser's warnings
 * (`%bad` reads as a directive) are collected, never printed.
 */
export function parseFieldValue(text: string, key = 'value'): FrontMatterValue {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const doc = parseDocument(trimmed, { strict: true, uniqueKeys: true, logLevel: 'silent' });
  const error = doc.errors[0];
  if (error) {
    if (/^[[{"']/.test(trimmed)) {
      const column = error.linePos?.[0].col ?? error.pos[0] + 1;
      const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      throw new UsageError(`The value of ${key} is not valid YAML at column ${column} of "${trimmed}": ${reason.replace(/\.?$/, '.')} Quote the whole value to write it as text.`);
    }
    return trimmed;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 0 });
  } catch {
    return trimmed;
  }
  if (value === undefined) return '';
  if (isScalar(doc.contents) && doc.contents.type === 'PLAIN' && typeof value === 'string' && value !== trimmed) return trimmed;
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !trimmed.startsWith('{')) return trimmed;
  const converted = toValue(value);
  return converted === undefined ? trimmed : converted;
}

function toValue(value: unknown): FrontMatterValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    const items = value.map(toValue);
    return items.every((item) => item !== undefined) ? (items as FrontMatterValue[]) : undefined;
  }
  if (typeof value === 'object') {
    const out: Record<string, FrontMatterValue> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const item = toValue(v);
      if (item === undefined) return undefined;
      out[k] = item;
    }
    return out;
  }
  return undefined;
}

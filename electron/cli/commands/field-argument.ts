/** How `get` and `set` name fields and values on the command line. */
import { parse } from 'yaml';
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
 * A value as YAML would read it after `key: ` (`true`, `3`, `[a, b]`, `"x"`),
 * except that text YAML would turn into a map (`Paris: the recap`) stays text.
 */
export function parseFieldValue(text: string): FrontMatterValue {
  if (text.trim() === '') return '';
  try {
    const value: unknown = parse(text, { strict: true, maxAliasCount: 0, uniqueKeys: true });
    if (value === undefined) return '';
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && !text.trim().startsWith('{')) return text;
    return toValue(value) ?? text;
  } catch {
    return text;
  }
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

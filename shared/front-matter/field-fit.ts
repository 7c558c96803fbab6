/**
 * Whether a value fits what the site uses a field for (its inferred or
 * declared type): a list where the site keeps a list, text where it keeps
 * text, a date the generator can read. Returns what was expected, or null.
 */
import type { FrontMatterValue, SiteKind } from '../model';
import { DATE_EXAMPLE, isGeneratorDate } from './date-value';
import { isRecord } from './field-path';
import type { FieldType } from './schema';

function describe(value: FrontMatterValue): string {
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a set of fields';
  if (typeof value === 'boolean') return `the boolean ${String(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return `"${String(value)}"`;
}

/**
 * `current` is the post's value now: a tags field the post already writes as
 * text (`tags: a b`, which Jekyll splits) may stay text.
 */
export function fieldMismatch(key: string, type: FieldType, value: FrontMatterValue, current: FrontMatterValue | undefined, kind: SiteKind): string | null {
  if (value === null || value === '') return null; // clearing a field always fits
  const got = describe(value);
  switch (type) {
    case 'tags':
      return Array.isArray(value) || (typeof value === 'string' && typeof current === 'string') ? null : `"${key}" is a list on this site, not ${got}; write ${key}=[a, b]`;
    case 'text':
    case 'long-text':
    case 'image':
    case 'choice':
      return Array.isArray(value) || isRecord(value) ? `"${key}" is text on this site, not ${got}; quote the value to write it as text` : null;
    case 'date':
    case 'datetime':
      return typeof value === 'string' && isGeneratorDate(value, kind) ? null : `"${key}" is a date on this site, and ${got} is not a date the site's generator can read; write it like ${DATE_EXAMPLE}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `"${key}" is true or false on this site, not ${got}`;
    case 'number':
      return typeof value === 'number' ? null : `"${key}" is a number on this site, not ${got}`;
    case 'object':
      return isRecord(value) ? null : `"${key}" is a set of fields on this site, not ${got}; set its parts with ${key}.<name>=…`;
    case 'unknown':
      return null;
  }
}

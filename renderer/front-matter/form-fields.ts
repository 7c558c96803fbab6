/**
 * Which fields the front-matter form shows, in what order, and with which
 * control. Pure, so the rules are tested without rendering: the site schema
 * gives types and order, the post's own values decide when they disagree
 * (a nested map in a "text" field is shown read-only, never flattened).
 */
import type { FrontMatterValue } from '../../shared/model';
import { isRecord, type FrontMatterData } from '../../shared/front-matter/field-path';
import { isDateText, isImagePath } from '../../shared/front-matter/infer-schema';
import { humanizeKey, type FieldSchema, type FieldType, type SiteSchema } from '../../shared/front-matter/schema';

export type ControlKind = 'text' | 'long-text' | 'date' | 'boolean' | 'number' | 'tags' | 'choice' | 'image' | 'read-only';

export interface FormField {
  key: string;
  label: string;
  control: ControlKind;
  /** Undefined when the post does not set the field yet. */
  value: FrontMatterValue | undefined;
  /** Null for keys the site schema does not know. */
  schema: FieldSchema | null;
}

const LONG_TEXT_CHARS = 100;

function isBlank(value: FrontMatterValue | undefined): boolean {
  return value === undefined || value === null || value === '';
}

function isScalarList(value: FrontMatterValue[]): boolean {
  return value.every((item) => typeof item === 'string' || typeof item === 'number');
}

/** The control for a value of a field typed `type` (null: a key the schema does not know). */
export function controlFor(type: FieldType | null, value: FrontMatterValue | undefined): ControlKind {
  if (isRecord(value)) return 'read-only';
  if (Array.isArray(value)) return isScalarList(value) && (type === null || type === 'tags' || type === 'choice' || type === 'unknown') ? 'tags' : 'read-only';
  if (typeof value === 'boolean') return 'boolean';
  if (type === null) {
    if (typeof value === 'number') return 'number';
    if (typeof value !== 'string') return 'text';
    if (isDateText(value)) return 'date';
    if (isImagePath(value)) return 'image';
    return value.includes('\n') || value.length > LONG_TEXT_CHARS ? 'long-text' : 'text';
  }
  switch (type) {
    case 'date':
    case 'datetime':
      // A value that is not a date yet is fixed as text; the picker would show it blank.
      return isBlank(value) || (typeof value === 'string' && isDateText(value.trim())) ? 'date' : 'text';
    case 'boolean':
      return isBlank(value) ? 'boolean' : 'text';
    case 'number':
      return isBlank(value) || typeof value === 'number' ? 'number' : 'text';
    case 'tags':
      // `tags: a b` is Jekyll's space-separated form: editing it as a list would rewrite it.
      return isBlank(value) ? 'tags' : 'text';
    case 'choice':
      return 'choice';
    case 'image':
      return 'image';
    case 'long-text':
      return 'long-text';
    case 'object':
      return isBlank(value) ? 'text' : 'read-only';
    default:
      return 'text';
  }
}

/**
 * The form's rows: schema fields the post sets, requires or the author just
 * added, in schema order; then the post's keys the schema does not know, in
 * the post's order.
 */
export function formFields(schema: SiteSchema | null, data: FrontMatterData, added: ReadonlySet<string>): FormField[] {
  const rows: FormField[] = [];
  const known = new Set<string>();
  for (const field of schema?.fields ?? []) {
    known.add(field.key);
    const has = Object.prototype.hasOwnProperty.call(data, field.key);
    if (!has && !field.required && !added.has(field.key)) continue;
    const value = has ? data[field.key] : undefined;
    rows.push({ key: field.key, label: field.label, control: controlFor(field.type, value), value, schema: field });
  }
  for (const key of Object.keys(data)) {
    if (known.has(key)) continue;
    rows.push({ key, label: humanizeKey(key), control: controlFor(null, data[key]), value: data[key], schema: null });
  }
  return rows;
}

/** Schema fields not on the form yet, offered behind "Add field". */
export function addableFields(schema: SiteSchema | null, shown: readonly FormField[]): FieldSchema[] {
  const keys = new Set(shown.map((field) => field.key));
  return (schema?.fields ?? []).filter((field) => !keys.has(field.key) && field.type !== 'object' && field.type !== 'unknown');
}

/** A draft has no publication date yet, so a missing date is not flagged. */
export function isDraftPost(path: string, data: FrontMatterData): boolean {
  return data.draft === true || path.startsWith('_drafts/') || path.includes('/_drafts/');
}

/** What a read-only value looks like in one line: `{team: …, city: …}`, `[3 items]`. */
export function summarizeValue(value: FrontMatterValue | undefined): string {
  if (value === undefined || value === null) return '(empty)';
  if (Array.isArray(value)) return value.length === 1 ? 'A list of 1 item' : `A list of ${value.length} items`;
  if (isRecord(value)) {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'An empty map' : `A map of ${keys.join(', ')}`;
  }
  return String(value);
}

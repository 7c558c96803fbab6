/**
 * Checks a post's values against the site's schema. The form (messages and
 * aria-invalid) and the pre-publish check both use this one judgement.
 */
import type { FrontMatterValue } from '../model';
import type { FrontMatterData } from './field-path';
import { isDateText } from './infer-schema';
import type { FieldSchema, SiteSchema } from './schema';

export type FieldIssueKind = 'required' | 'unknown-value' | 'bad-date' | 'bad-type';

export interface FieldIssue {
  key: string;
  message: string;
  kind: FieldIssueKind;
}

export interface ValidateOptions {
  /** A draft has no date until it is published. */
  draft?: boolean;
}

function isEmpty(value: FrontMatterValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** A real calendar date, not just the right shape (`2024-02-30` is not). */
function isRealDate(text: string): boolean {
  if (!isDateText(text)) return false;
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function validateFrontMatter(data: FrontMatterData, schema: SiteSchema, options: ValidateOptions = {}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of schema.fields) {
    const value = data[field.key];
    if (isEmpty(value)) {
      const dateOfDraft = options.draft && (field.type === 'date' || field.type === 'datetime' || field.key === 'date');
      if (field.required && !dateOfDraft) issues.push({ key: field.key, kind: 'required', message: `${field.label} is required.` });
      continue;
    }
    const issue = checkValue(field, value!);
    if (issue) issues.push(issue);
  }
  return issues;
}

function checkValue(field: FieldSchema, value: FrontMatterValue): FieldIssue | null {
  const { key, label } = field;
  const badType = (expected: string): FieldIssue => ({ key, kind: 'bad-type', message: `${label} should be ${expected}.` });
  switch (field.type) {
    case 'date':
    case 'datetime':
      return typeof value === 'string' && isRealDate(value.trim())
        ? null
        : { key, kind: 'bad-date', message: `${label} is not a valid date (write it as YYYY-MM-DD${field.type === 'datetime' ? ' or YYYY-MM-DD HH:MM' : ''}).` };
    case 'boolean':
      return typeof value === 'boolean' ? null : badType('true or false');
    case 'number':
      return typeof value === 'number' ? null : badType('a number');
    case 'tags':
      if (typeof value === 'string') return checkChoices(field, [value]);
      if (!Array.isArray(value) || value.some((item) => typeof item === 'object' && item !== null)) return badType('a list of words');
      return checkChoices(field, value);
    case 'choice':
      if (Array.isArray(value)) return checkChoices(field, value);
      return typeof value === 'object' ? badType('one of the listed values') : checkChoices(field, [value]);
    case 'text':
    case 'long-text':
    case 'image':
      return typeof value === 'string' || typeof value === 'number' ? null : badType('text');
    default:
      return null;
  }
}

function checkChoices(field: FieldSchema, values: readonly FrontMatterValue[]): FieldIssue | null {
  if (!field.choices || field.choices.length === 0) return null;
  const unknown = values.find((v) => v !== null && !field.choices!.includes(String(v)));
  if (unknown === undefined) return null;
  const list = field.choices.length <= 8 ? field.choices.join(', ') : `${field.choices.length} known values`;
  return { key: field.key, kind: 'unknown-value', message: `"${String(unknown)}" is not a known ${field.label.toLowerCase()} (expected one of ${list}).` };
}

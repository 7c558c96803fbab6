/**
 * What a site's front matter looks like, inferred from its posts (and its
 * template, data and collections). The form, the new-post dialog and the
 * pre-publish check all read this one shape.
 */
import type { FrontMatterValue } from '../model';

export const fieldTypes = ['text', 'long-text', 'date', 'datetime', 'boolean', 'number', 'tags', 'image', 'choice', 'object', 'unknown'] as const;
export type FieldType = (typeof fieldTypes)[number];

export interface FieldSchema {
  key: string;
  /** The key humanised: `author_staff_member` → "Author staff member". */
  label: string;
  type: FieldType;
  /** Set in at least 90 % of posts (or declared required in .recap.json). */
  required: boolean;
  /** `.recap.json` declares it required: missing, it is a check error on every page. */
  declaredRequired?: boolean;
  /** Share of posts that set it, 0..1. */
  frequency: number;
  /** Allowed values of a choice field (e.g. the site's staff members). */
  choices?: string[];
  /** Values seen before, most used first (tags, categories). */
  suggestions?: string[];
  /** Value a new post starts with (from the site's template). */
  default?: FrontMatterValue;
}

export interface SiteSchema {
  /** In the order the site's template (or most posts) writes them. */
  fields: FieldSchema[];
  /**
   * Per group of sibling pages (see post-group.ts): how many there are and the
   * fields at least 90 % of them set. A page is expected to set only what its
   * own siblings do.
   */
  groups?: Record<string, { pages: number; required: string[] }>;
}

export function humanizeKey(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

/**
 * The text of a new post: front matter in the site's language, fields in
 * the template's order with its defaults, title and date filled in, a draft
 * flag where the site uses one. Built through the same editor as every edit.
 */
import { setField } from '../../../shared/front-matter/edit-front-matter';
import type { FrontMatterData } from '../../../shared/front-matter/field-path';
import type { FrontMatterLanguage, FrontMatterValue, SiteKind } from '../../../shared/model';
import type { SiteFacts } from '../schema/read-site-facts';

export interface NewPostValues {
  title: string;
  /** YYYY-MM-DD, or null for a draft that gets its date when published. */
  date: string | null;
  draft: boolean;
}

export function newPostLanguage(kind: SiteKind, facts: SiteFacts): FrontMatterLanguage {
  const configured = facts.settings?.newPost?.language ?? facts.template?.language;
  if (configured) return configured;
  const { yaml, toml, json } = facts.languages;
  if (yaml + toml + json === 0) return kind === 'zola' ? 'toml' : 'yaml';
  return toml > yaml && toml >= json ? 'toml' : json > yaml ? 'json' : 'yaml';
}

export function newPostFields(kind: SiteKind, facts: SiteFacts, values: NewPostValues): FrontMatterData {
  const fields: FrontMatterData = {};
  const order = facts.settings?.order ?? facts.template?.order ?? facts.schema.fields.filter((f) => f.required).map((f) => f.key);
  const keys = [...new Set(['title', ...order])];
  const dateKey = order.includes('date') || facts.schema.fields.some((f) => f.key === 'date' && f.frequency >= 0.5) || kind !== 'zola';
  for (const key of keys) {
    const field = facts.schema.fields.find((f) => f.key === key);
    fields[key] = field?.default ?? facts.template?.defaults[key] ?? null;
  }
  Object.assign(fields, facts.settings?.newPost?.fields ?? {});
  fields.title = values.title;
  if (dateKey || values.date !== null) {
    if (values.date !== null) fields.date = values.date;
    else if (!('date' in fields)) fields.date = null;
  }
  // Hugo and Zola publish whatever is not marked draft; Jekyll drafts are marked by their folder.
  if (facts.usesDraftField || (values.draft && (kind === 'hugo' || kind === 'zola' || kind === 'astro' || kind === 'eleventy'))) fields.draft = values.draft;
  return fields;
}

export function newPostText(language: FrontMatterLanguage, fields: FrontMatterData): string {
  const empty = language === 'toml' ? '+++\n+++\n' : language === 'json' ? '{\n}\n' : '---\n---\n';
  let text = empty + '\n';
  for (const [key, value] of Object.entries(fields)) {
    if (value === null && language !== 'yaml') continue; // TOML and JSON have no empty field to fill in later
    text = setField(text, key, value as FrontMatterValue);
  }
  return text;
}

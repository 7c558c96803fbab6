/**
 * Infers a site's front-matter schema from its posts, its new-post template,
 * the allowed values found in its data, and `.recap.json` overrides. Pure: the
 * workspace reads the files and hands the contents here.
 */
import type { FrontMatterValue } from '../model';
import type { FrontMatterData } from './field-path';
import { humanizeKey, type FieldSchema, type FieldType, type SiteSchema } from './schema';
import type { FieldSettings, RecapSettings } from './site-settings';

export interface SiteTemplate {
  /** Keys in the order the template writes them. */
  order: string[];
  /** Values the template gives (placeholders such as `{{ .Date }}` already dropped). */
  defaults: FrontMatterData;
}

/** A list of allowed values found in the site: a collection, a data file, a taxonomy. */
export interface ChoiceSource {
  /** `staff_members`, `events`, `authors`…: matched against field names. */
  name: string;
  values: string[];
}

export interface SchemaSources {
  posts: FrontMatterData[];
  /** Each post's group of siblings (postGroup), in the order of `posts`: what each group requires is inferred too. */
  groups?: string[];
  template?: SiteTemplate | null;
  choiceSources?: ChoiceSource[];
  settings?: RecapSettings | null;
}

export const REQUIRED_SHARE = 0.9;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?$/;
const IMAGE_PATH = /\.(?:png|jpe?g|gif|webp|avif|svg)(?:[?#].*)?$/i;
const IMAGE_KEY = /(?:^|_)(?:image|img|cover|thumbnail|banner|hero|picture|photo|avatar)(?:_path|_url)?$/i;
const TAG_KEY = /^(?:tags|categories|keywords|authors|series|topics)$/i;
const LONG_TEXT_KEY = /^(?:description|summary|excerpt|abstract|lead|subtitle)$/i;
const BOOLEAN_KEY = /^(?:draft|published|featured|hidden|toc|comments)$/i;
const LONG_TEXT_CHARS = 100;
const MAX_SUGGESTIONS = 500;

export function isDateText(value: string): boolean {
  return DATE_ONLY.test(value) || DATE_TIME.test(value);
}

export function isImagePath(value: string): boolean {
  return IMAGE_PATH.test(value.trim());
}

/** `staff_members` → `staff_member`, `categories` → `category`. */
export function singular(name: string): string {
  if (/ies$/.test(name)) return name.slice(0, -3) + 'y';
  if (/(?:ss|x|ch|sh)es$/.test(name)) return name.slice(0, -2);
  if (/s$/.test(name) && !/ss$/.test(name)) return name.slice(0, -1);
  return name;
}

/** A field takes its choices from a source whose name it ends with: `author_staff_member` ← `staff_members`. */
export function choicesFor(key: string, sources: readonly ChoiceSource[]): string[] | undefined {
  const lower = key.toLowerCase();
  for (const source of sources) {
    const plural = source.name.toLowerCase().replace(/[-\s]+/g, '_');
    const one = singular(plural);
    if (lower === plural || lower === one || lower.endsWith('_' + one) || lower.endsWith('_' + plural)) return source.values;
  }
  return undefined;
}

function isSet(value: FrontMatterValue | undefined): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '') && !(Array.isArray(value) && value.length === 0);
}

export function inferFieldType(key: string, values: readonly FrontMatterValue[]): FieldType {
  const set = values.filter((v) => isSet(v));
  if (set.length === 0) {
    if (/(?:^|_)date$|^(?:updated|lastmod|publishdate|expirydate)$/i.test(key)) return 'date';
    if (IMAGE_KEY.test(key)) return 'image';
    if (TAG_KEY.test(key)) return 'tags';
    if (BOOLEAN_KEY.test(key)) return 'boolean';
    if (LONG_TEXT_KEY.test(key)) return 'long-text';
    return 'text';
  }
  if (set.every((v) => typeof v === 'boolean')) return 'boolean';
  if (set.every((v) => typeof v === 'number')) return 'number';
  const scalarList = (v: FrontMatterValue) => Array.isArray(v) && v.every((item) => typeof item === 'string' || typeof item === 'number');
  if (set.every((v) => scalarList(v) || (TAG_KEY.test(key) && typeof v === 'string'))) return 'tags';
  if (set.some((v) => typeof v === 'object')) return set.every((v) => typeof v === 'object' && !Array.isArray(v)) ? 'object' : 'unknown';
  const strings = set.map(String);
  // Most, not all: one odd date among a hundred is a typo for the check to flag, not a text field.
  const dates = strings.filter(isDateText);
  if (dates.length >= strings.length * REQUIRED_SHARE) return dates.filter((s) => !DATE_ONLY.test(s)).length * 2 >= dates.length ? 'datetime' : 'date';
  if (IMAGE_KEY.test(key) || strings.filter(isImagePath).length * 2 > strings.length) return 'image';
  if (key === 'title') return 'text';
  const averageLength = strings.reduce((sum, s) => sum + s.length, 0) / strings.length;
  if (LONG_TEXT_KEY.test(key) || strings.some((s) => s.includes('\n')) || averageLength > LONG_TEXT_CHARS) return 'long-text';
  return 'text';
}

/** Values seen before, most used first: the items of lists, or short text that repeats. */
function suggestionsFor(type: FieldType, values: readonly FrontMatterValue[]): string[] | undefined {
  const counts = new Map<string, number>();
  const add = (v: FrontMatterValue) => {
    if (typeof v === 'string' || typeof v === 'number') {
      const text = String(v).trim();
      if (text) counts.set(text, (counts.get(text) ?? 0) + 1);
    }
  };
  if (type === 'tags') {
    for (const v of values) {
      if (Array.isArray(v)) v.forEach(add);
      else if (typeof v === 'string') v.split(v.includes(',') ? ',' : /\s+/).forEach(add);
    }
  } else if (type === 'text') {
    values.forEach(add);
    const repeats = [...counts.values()].some((n) => n > 1);
    if (!repeats || counts.size > 50 || [...counts.keys()].some((k) => k.length > 60)) return undefined;
  } else {
    return undefined;
  }
  if (counts.size === 0) return undefined;
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_SUGGESTIONS)
    .map(([value]) => value);
}

export function inferSchema(sources: SchemaSources): SiteSchema {
  const { posts, template, choiceSources = [], settings } = sources;
  const valuesByKey = new Map<string, FrontMatterValue[]>();
  const positions = new Map<string, number[]>();
  for (const data of posts) {
    const keys = Object.keys(data);
    keys.forEach((key, index) => {
      if (!valuesByKey.has(key)) valuesByKey.set(key, []);
      valuesByKey.get(key)!.push(data[key]!);
      if (!positions.has(key)) positions.set(key, []);
      positions.get(key)!.push(keys.length > 1 ? index / (keys.length - 1) : 0);
    });
  }
  const templateKeys = template?.order ?? [];
  for (const key of [...templateKeys, ...Object.keys(settings?.fields ?? {})]) if (!valuesByKey.has(key)) valuesByKey.set(key, []);

  const fields = [...valuesByKey.entries()].map(([key, values]): FieldSchema => {
    const frequency = posts.length === 0 ? 0 : values.filter(isSet).length / posts.length;
    const choices = choicesFor(key, choiceSources);
    let type: FieldType = choices ? 'choice' : inferFieldType(key, values);
    if (choices && values.some((v) => Array.isArray(v))) type = 'tags';
    const field: FieldSchema = { key, label: humanizeKey(key), type, required: posts.length > 0 && frequency >= REQUIRED_SHARE, frequency };
    if (choices) field.choices = [...choices];
    const suggestions = choices ?? suggestionsFor(type, values);
    if (suggestions && suggestions.length > 0) field.suggestions = [...suggestions];
    const templateDefault = template?.defaults[key];
    if (templateDefault !== undefined && templateDefault !== null) field.default = templateDefault;
    return applySettings(field, settings?.fields?.[key]);
  });

  const mean = (key: string) => {
    const list = positions.get(key) ?? [];
    return list.length === 0 ? 1 : list.reduce((a, b) => a + b, 0) / list.length;
  };
  const explicit = settings?.order ?? templateKeys;
  const rank = (key: string) => {
    const at = explicit.indexOf(key);
    return at === -1 ? Number.POSITIVE_INFINITY : at;
  };
  // Without a template: the usual fields in the position posts give them, then the rare ones.
  const rare = (field: FieldSchema) => (field.frequency >= 0.5 ? 0 : 1);
  fields.sort((a, b) => rank(a.key) - rank(b.key) || rare(a) - rare(b) || mean(a.key) - mean(b.key) || b.frequency - a.frequency || a.key.localeCompare(b.key));
  const schema: SiteSchema = { fields };
  if (sources.groups) schema.groups = requiredByGroup(posts, sources.groups);
  return schema;
}

/** Too few siblings say nothing about what a page must set. */
export const MIN_GROUP_PAGES = 5;

function requiredByGroup(posts: readonly FrontMatterData[], groups: readonly string[]): NonNullable<SiteSchema['groups']> {
  const members = new Map<string, FrontMatterData[]>();
  posts.forEach((data, i) => {
    const group = groups[i] ?? '';
    members.set(group, [...(members.get(group) ?? []), data]);
  });
  const out: NonNullable<SiteSchema['groups']> = {};
  // Sorted: posts are read in parallel, and the same site should give the same schema.
  for (const [group, pages] of [...members].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const counts = new Map<string, number>();
    // Tables (`[extra]`, `taxonomies`) group optional settings: their presence is not a field a page must fill in.
    const counted = (value: FrontMatterValue) => isSet(value) && !(typeof value === 'object' && !Array.isArray(value));
    for (const data of pages) for (const [key, value] of Object.entries(data)) if (counted(value)) counts.set(key, (counts.get(key) ?? 0) + 1);
    const required = pages.length < MIN_GROUP_PAGES ? [] : [...counts].filter(([, n]) => n >= pages.length * REQUIRED_SHARE).map(([key]) => key);
    out[group] = { pages: pages.length, required: required.sort() };
  }
  return out;
}

function applySettings(field: FieldSchema, settings: FieldSettings | undefined): FieldSchema {
  if (!settings) return field;
  const out = { ...field };
  if (settings.label) out.label = settings.label;
  if (settings.choices) {
    out.choices = [...settings.choices];
    out.type = 'choice';
  }
  if (settings.type) out.type = settings.type;
  if (settings.required !== undefined) {
    out.required = settings.required;
    if (settings.required) out.declaredRequired = true;
  }
  if (settings.suggestions) out.suggestions = [...settings.suggestions];
  if (settings.default !== undefined) out.default = settings.default;
  return out;
}

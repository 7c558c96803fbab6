/**
 * `.recap.json`: optional per-site settings a site may commit at its root to
 * override what Recap infers. Validated here so every door reports the same
 * clear error for a malformed file.
 */
import { z } from 'zod';
import { exportSettingsSchema } from '../export-settings';
import type { FrontMatterValue } from '../model';
import { fieldTypes } from './schema';

const frontMatterValue: z.ZodType<FrontMatterValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(frontMatterValue), z.record(z.string(), frontMatterValue)]),
);

const fieldSettings = z
  .object({
    type: z.enum(fieldTypes).optional(),
    label: z.string().min(1).optional(),
    required: z.boolean().optional(),
    choices: z.array(z.string()).optional(),
    suggestions: z.array(z.string()).optional(),
    default: frontMatterValue.optional(),
  })
  .strict();

export const recapSettingsSchema = z
  .object({
    /** Per field: overrides of the inferred type, label, required flag, choices, suggestions, default. */
    fields: z.record(z.string(), fieldSettings).optional(),
    /** Field order for the form and new posts (fields not listed follow). */
    order: z.array(z.string()).optional(),
    newPost: z
      .object({
        /** Site-relative folder new posts go to (e.g. `content/blog`). */
        folder: z.string().min(1).optional(),
        /** Create `slug/index.md` page bundles instead of `slug.md`. */
        bundle: z.boolean().optional(),
        /** Front-matter language of new posts. */
        language: z.enum(['yaml', 'toml', 'json']).optional(),
        /** Extra fields (and their values) every new post starts with. */
        fields: z.record(z.string(), frontMatterValue).optional(),
      })
      .strict()
      .optional(),
    /** Git export: branch pattern, remote, or another repository as the target. */
    export: exportSettingsSchema.optional(),
    /** New event write-ups: the body's sections, and categories instead of those learned from event posts. */
    eventWriteUp: z
      .object({
        sections: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
        categories: z.array(z.string().min(1).max(200)).max(50).optional(),
      })
      .strict()
      .optional(),
    /** Photos added to posts: their largest width in pixels, and the site folder they go to (`<slug>` is the post's slug). */
    photos: z
      .object({
        maxWidth: z.number().int().min(16).max(20000).optional(),
        folder: z.string().min(1).max(500).optional(),
        /** Output format of JPEG/WebP/AVIF photos: as they came, or converted. */
        format: z.enum(['keep', 'webp', 'avif']).optional(),
        /** Size budget per photo in KB: quality is lowered (then the width) until it fits. */
        maxKB: z.number().int().min(10).max(50000).optional(),
      })
      .strict()
      .optional(),
    /** Archived tweets: the markup of a static quote, with {text} {author} {handle} {date} {url} filled in (HTML-escaped) and {photos} (the saved photos as <img> tags). */
    tweets: z
      .object({
        archiveMarkup: z.string().min(1).max(4000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type RecapSettings = z.infer<typeof recapSettingsSchema>;
export type FieldSettings = z.infer<typeof fieldSettings>;

export class RecapSettingsError extends Error {}

/** Parses `.recap.json` text; throws RecapSettingsError with one sentence naming the bad entry. */
export function parseRecapSettings(text: string): RecapSettings {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new RecapSettingsError(`.recap.json is not valid JSON: ${(error as Error).message}.`);
  }
  const parsed = recapSettingsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at "${issue.path.join('.')}"` : '';
    throw new RecapSettingsError(`.recap.json is malformed${where}: ${issue?.message ?? 'unexpected content'}.`);
  }
  return parsed.data;
}

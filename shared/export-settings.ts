/**
 * The `export` section of `.recap.json`, for the git export:
 *   {"export": {"branch": "post/{slug}", "remote": "origin",
 *               "target": "../other-clone", "postsDir": "_posts", "imagesDir": "images"}}
 * Pure zod, so the one `.recap.json` schema (shared/front-matter/site-settings.ts)
 * can include it and every reader agrees on what is valid.
 */
import { z } from 'zod';

/**
 * The one default for where an export commits, for the app and the CLI
 * alike: a new branch per post, never the branch the site publishes from,
 * unless `.recap.json` `export.branch` says otherwise.
 */
export const DEFAULT_EXPORT_BRANCH = 'post/{slug}';

/**
 * Branch names sites publish from by convention (besides the remote's own
 * default branch): pushing to one of them needs the author's confirmation.
 */
export const PUBLISHING_BRANCH_NAMES: readonly string[] = ['main', 'master', 'gh-pages', 'pages', 'publish', 'production'];

const folderInside = z
  .string()
  .min(1)
  .max(512)
  .refine((p) => !/^([a-zA-Z]:)?[\\/]/.test(p) && !p.split(/[\\/]/).includes('..'), 'must be a folder inside the target repository');

export const exportSettingsSchema = z
  .object({
    /** Branch name for "new branch"; `{slug}`, `{date}` and `{year}` are filled from the post. */
    branch: z
      .string()
      .min(1)
      .max(200)
      .refine((b) => !b.replace(/\{(slug|date|year)\}/g, '').includes('{'), 'may only use {slug}, {date} and {year}')
      .optional(),
    /** The remote the dialog preselects. */
    remote: z.string().min(1).max(200).optional(),
    /** Another clone to export into, relative to the site root (or absolute). */
    target: z.string().min(1).max(4096).optional(),
    /** The target's posts folder (default `_posts`). */
    postsDir: folderInside.optional(),
    /** The target's image folder (default `images`); `/images/…` URLs in the post are rewritten to it. */
    imagesDir: folderInside.optional(),
  })
  .strict();

export type ExportSettings = z.infer<typeof exportSettingsSchema>;

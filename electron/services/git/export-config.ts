/**
 * The `export` section of a site's optional `.recap.json`:
 *   {"export": {"branch": "post/{slug}", "remote": "origin",
 *               "target": "../other-clone", "postsDir": "_posts", "imagesDir": "images"}}
 * (schema in shared/export-settings.ts).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { RecapError } from '../../../shared/errors';
import { DEFAULT_EXPORT_BRANCH, exportSettingsSchema } from '../../../shared/export-settings';

// Only the export section is read here; the rest of the file belongs to other features.
const recapJson = z.looseObject({ export: exportSettingsSchema.optional() });

export interface ExportConfig {
  branchPattern: string;
  remote: string | null;
  /** Absolute path of the other repository, or null to commit in the site's own. */
  target: string | null;
  postsDir: string;
  imagesDir: string;
}

export const DEFAULT_BRANCH_PATTERN = DEFAULT_EXPORT_BRANCH;

export async function readExportConfig(siteRoot: string): Promise<ExportConfig> {
  const file = path.join(siteRoot, '.recap.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return defaults();
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new RecapError('refused', `.recap.json is not valid JSON (${(error as Error).message}). Fix it or remove it.`);
  }
  const parsed = recapJson.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the file';
    throw new RecapError('refused', `.recap.json: ${where} ${issue?.message ?? 'is invalid'}. Fix it or remove it.`);
  }
  const section = parsed.data.export ?? {};
  const fallback = defaults();
  return {
    branchPattern: section.branch ?? fallback.branchPattern,
    remote: section.remote ?? null,
    target: section.target ? await requireFolder(path.resolve(siteRoot, section.target), section.target) : null,
    postsDir: section.postsDir ?? fallback.postsDir,
    imagesDir: section.imagesDir ?? fallback.imagesDir,
  };
}

function defaults(): ExportConfig {
  return { branchPattern: DEFAULT_BRANCH_PATTERN, remote: null, target: null, postsDir: '_posts', imagesDir: 'images' };
}

/** The target must be an existing folder; that it is a repository is checked when it is opened. */
async function requireFolder(absolute: string, written: string): Promise<string> {
  try {
    if ((await stat(absolute)).isDirectory()) return absolute;
  } catch {
    // reported below
  }
  throw new RecapError('refused', `.recap.json: export.target "${written}" is not an existing folder. Point it at a clone of the site you export to.`);
}

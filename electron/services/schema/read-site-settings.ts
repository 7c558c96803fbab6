/** Reads `.recap.json` at the site root; a malformed file is a clear error, a missing one is no settings. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RecapError } from '../../../shared/errors';
import { parseRecapSettings, RecapSettingsError, type RecapSettings } from '../../../shared/front-matter/site-settings';

export const SETTINGS_FILE = '.recap.json';

export async function readSiteSettings(root: string): Promise<RecapSettings | null> {
  let text: string;
  try {
    text = await readFile(path.join(root, SETTINGS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new RecapError('io', `Could not read ${SETTINGS_FILE} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
  }
  try {
    return parseRecapSettings(text);
  } catch (error) {
    if (error instanceof RecapSettingsError) throw new RecapError('bad-request', error.message);
    throw error;
  }
}

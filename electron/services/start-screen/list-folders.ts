/**
 * Completion of a folder path typed on browser mode's start screen. A
 * deliberate exception to folder confinement, allowed only while no folder is
 * open: it names sub-folders, never files, and reads no file contents.
 */
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RecapError } from '../../../shared/errors';
import type { FolderListing } from '../../../shared/model';

/** Enough to complete a name; a folder with more shows the first ones in order. */
const MAX_FOLDERS = 200;

/** `~` and `~/…` are the home folder; anything else must be a full path. */
export function expandTypedPath(typed: string, home = os.homedir()): string {
  const trimmed = typed.trim();
  const expanded = trimmed === '~' ? home : trimmed.startsWith('~/') ? path.join(home, trimmed.slice(2)) : trimmed;
  if (!path.isAbsolute(expanded)) throw new RecapError('bad-request', `Type the full path of the folder (starting with / or ~), not "${trimmed}".`);
  return expanded;
}

/**
 * `/home/ada/si` → the folders of /home/ada whose names start with "si";
 * `/home/ada/sites/` → every folder of /home/ada/sites. Hidden folders only
 * when the typed name starts with a dot.
 */
export async function listFolders(typed: string, home = os.homedir()): Promise<FolderListing> {
  const expanded = expandTypedPath(typed, home);
  const endsInSeparator = /[/\\]$/.test(typed.trim()) || typed.trim() === '~';
  const folder = endsInSeparator ? path.resolve(expanded) : path.dirname(path.resolve(expanded));
  const prefix = endsInSeparator ? '' : path.basename(expanded);
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return { folder, folders: [] }; // a folder that does not exist (yet) simply completes to nothing
  }
  const folders = entries
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(prefix) && (prefix.startsWith('.') || !entry.name.startsWith('.')))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b))
    .slice(0, MAX_FOLDERS);
  return { folder, folders };
}

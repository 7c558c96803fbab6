/**
 * Per-site preview settings in the per-user state folder:
 * `<stateDir>/sites/<sha256 of the site root>.json`. Never inside the site,
 * so a privacy choice cannot be committed by accident. A missing or corrupt
 * file means the defaults (offline).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RecapError } from '../../../shared/errors';
import { DEFAULT_PREVIEW_SETTINGS, type PreviewSettings } from '../../../shared/preview-settings';
import { writeFileAtomic } from '../documents/atomic-write';
import { isInside } from '../documents/confine';

export class PreviewSettingsStore {
  constructor(readonly dir: string) {}

  static inStateDir(stateDir: string): PreviewSettingsStore {
    return new PreviewSettingsStore(path.join(stateDir, 'sites'));
  }

  fileFor(root: string): string {
    return path.join(this.dir, `${createHash('sha256').update(root).digest('hex')}.json`);
  }

  async get(root: string): Promise<PreviewSettings> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.fileFor(root), 'utf8'));
      const stored = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
      return { externalContent: stored.externalContent === true };
    } catch {
      return { ...DEFAULT_PREVIEW_SETTINGS };
    }
  }

  async set(root: string, settings: PreviewSettings): Promise<PreviewSettings> {
    const file = this.fileFor(root);
    // A state folder set inside the site (RECAP_STATE_DIR) would put per-user choices where git can commit them.
    if (isInside(path.resolve(root), path.resolve(file))) {
      throw new RecapError('refused', 'Preview settings would be stored inside the site folder; set RECAP_STATE_DIR to a folder outside it.');
    }
    const next: PreviewSettings = { externalContent: settings.externalContent };
    await writeFileAtomic(file, JSON.stringify({ root, ...next }, null, 2) + '\n', { createDirs: true });
    return next;
  }
}

/**
 * The recovery journal: unsaved editor text, one file per post, in the
 * per-user state folder (`<stateDir>/journal/<hash of site root>/<hash of
 * path>.json`), never inside the site. Each write is atomic, so a crash
 * mid-write leaves the previous draft, never half of one.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { RecapError } from '../../../shared/errors';
import { MAX_POST_BYTES } from '../../../shared/api';
import { writeFileAtomic } from './atomic-write';
import { isInside } from './confine';

export interface DraftRecord {
  /** Absolute site root, as the workspace names it. */
  root: string;
  /** Site-relative path of the post, `/` separators. */
  path: string;
  baseHash: string;
  /** The editor's full text. */
  text: string;
  /** ISO timestamp of this write. */
  savedAt: string;
}

export interface DraftInput {
  path: string;
  text: string;
  baseHash: string;
}

/** A journal file holds JSON-escaped text: leave room beyond the largest post. */
const MAX_RECORD_BYTES = MAX_POST_BYTES * 2 + 64 * 1024;

export class DraftJournal {
  /** Writes and removals of one post run in order, so a late write cannot resurrect a discarded draft. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(readonly dir: string) {}

  static inStateDir(stateDir: string): DraftJournal {
    return new DraftJournal(path.join(stateDir, 'journal'));
  }

  /** The folder holding one site's drafts. */
  siteDir(root: string): string {
    return path.join(this.dir, sha256(root));
  }

  fileFor(root: string, relative: string): string {
    return path.join(this.siteDir(root), `${sha256(relative)}.json`);
  }

  async write(root: string, draft: DraftInput, now: Date = new Date()): Promise<void> {
    const siteDir = this.siteDir(root);
    // A state folder set inside the site (RECAP_STATE_DIR) would put private drafts where git can commit them.
    if (isInside(path.resolve(root), path.resolve(siteDir))) {
      throw new RecapError('refused', 'The recovery journal would be inside the site folder; set RECAP_STATE_DIR to a folder outside it.');
    }
    const record: DraftRecord = { root, path: draft.path, baseHash: draft.baseHash, text: draft.text, savedAt: now.toISOString() };
    const file = this.fileFor(root, draft.path);
    await this.inOrder(file, async () => {
      // Drafts are private writing: only the user may read them.
      await mkdir(siteDir, { recursive: true, mode: 0o700 });
      await writeFileAtomic(file, JSON.stringify(record), { mode: 0o600 });
    });
  }

  async read(root: string, relative: string): Promise<DraftRecord | null> {
    const file = this.fileFor(root, relative);
    await this.settled(file);
    const record = await readRecord(file);
    return record && record.root === root && record.path === relative ? record : null;
  }

  /** Every draft journaled for a site, oldest first. Unreadable or foreign files are skipped. */
  async list(root: string): Promise<DraftRecord[]> {
    const siteDir = this.siteDir(root);
    let names: string[];
    try {
      names = await readdir(siteDir);
    } catch {
      return [];
    }
    const records: DraftRecord[] = [];
    for (const name of names) {
      if (!/^[0-9a-f]{64}\.json$/.test(name)) continue; // temp files of a write cut short
      const file = path.join(siteDir, name);
      await this.settled(file);
      const record = await readRecord(file);
      if (record && record.root === root && this.fileFor(root, record.path) === file) records.push(record);
    }
    return records.sort((a, b) => a.savedAt.localeCompare(b.savedAt) || a.path.localeCompare(b.path));
  }

  async discard(root: string, relative: string): Promise<void> {
    const file = this.fileFor(root, relative);
    await this.inOrder(file, () =>
      unlink(file).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      }),
    );
  }

  /** Waits for a pending write or removal of `file`, whatever its outcome. */
  private async settled(file: string): Promise<void> {
    await this.queues.get(file)?.catch(() => undefined);
  }

  private inOrder(file: string, work: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(file) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.queues.set(file, next);
    const forget = () => {
      if (this.queues.get(file) === next) this.queues.delete(file);
    };
    next.then(forget, forget);
    return next;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

async function readRecord(file: string): Promise<DraftRecord | null> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  if (raw.length > MAX_RECORD_BYTES) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isDraftRecord(value) ? value : null;
  } catch {
    return null;
  }
}

function isDraftRecord(value: unknown): value is DraftRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.root === 'string' &&
    typeof r.path === 'string' &&
    typeof r.text === 'string' &&
    typeof r.savedAt === 'string' &&
    typeof r.baseHash === 'string' &&
    /^[0-9a-f]{64}$/.test(r.baseHash)
  );
}

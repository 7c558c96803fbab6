/**
 * The recovery journal: unsaved editor text, one slot per post and window
 * (or browser tab), in the per-user state folder (`<stateDir>/journal/<hash
 * of site root>/<hash of path>[-<tab>].json`), never inside the site. Two
 * tabs editing one post each keep their own slot: neither overwrites, nor
 * (by saving) forgets, the other's text. Each write is atomic, so a crash
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
  /** The window or tab that wrote it; absent for a client that names none. */
  tab?: string;
}

export interface DraftInput {
  path: string;
  text: string;
  baseHash: string;
  tab?: string | undefined;
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

  fileFor(root: string, relative: string, tab?: string): string {
    return path.join(this.siteDir(root), `${sha256(relative)}${tab ? `-${tab}` : ''}.json`);
  }

  async write(root: string, draft: DraftInput, now: Date = new Date()): Promise<void> {
    const siteDir = this.siteDir(root);
    // A state folder set inside the site (RECAP_STATE_DIR) would put private drafts where git can commit them.
    if (isInside(path.resolve(root), path.resolve(siteDir))) {
      throw new RecapError('refused', 'The recovery journal would be inside the site folder; set RECAP_STATE_DIR to a folder outside it.');
    }
    const record: DraftRecord = { root, path: draft.path, baseHash: draft.baseHash, text: draft.text, savedAt: now.toISOString(), ...(draft.tab ? { tab: draft.tab } : {}) };
    const file = this.fileFor(root, draft.path, draft.tab);
    await this.inOrder(file, async () => {
      try {
        // Drafts are private writing: only the user may read them.
        await mkdir(siteDir, { recursive: true, mode: 0o700 });
        await writeFileAtomic(file, JSON.stringify(record), { mode: 0o600 });
      } catch (error) {
        // Said in the status bar: a crash now would lose the unsaved text.
        const code = (error as NodeJS.ErrnoException).code;
        const why = code === 'ENOSPC' || code === 'EDQUOT' ? 'the disk holding Recap’s state folder is full' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'Recap’s state folder is read-only' : `the recovery journal could not be written (${code ?? 'unknown error'})`;
        throw new RecapError('io', `${why}; free space there or save the post.`);
      }
    });
  }

  async read(root: string, relative: string, tab?: string): Promise<DraftRecord | null> {
    const file = this.fileFor(root, relative, tab);
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
      if (!SLOT_FILE.test(name)) continue; // temp files of a write cut short
      const file = path.join(siteDir, name);
      await this.settled(file);
      const record = await readRecord(file);
      if (record && record.root === root && this.fileFor(root, record.path, record.tab) === file) records.push(record);
    }
    return records.sort((a, b) => a.savedAt.localeCompare(b.savedAt) || a.path.localeCompare(b.path));
  }

  /** Forgets one slot: the tab's own, or the slot of a client that names no tab. */
  async discard(root: string, relative: string, tab?: string): Promise<void> {
    const file = this.fileFor(root, relative, tab);
    await this.inOrder(file, () =>
      unlink(file).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      }),
    );
  }

  /** Forgets every slot of a post (the author discarded a recovered draft). */
  async discardAll(root: string, relative: string): Promise<void> {
    const prefix = sha256(relative);
    let names: string[];
    try {
      names = await readdir(this.siteDir(root));
    } catch {
      return;
    }
    for (const name of names) {
      const match = SLOT_FILE.exec(name);
      if (match?.[1] === prefix) await this.discard(root, relative, match[2]);
    }
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

/** `<sha256 of path>[-<tab>].json` */
const SLOT_FILE = /^([0-9a-f]{64})(?:-([0-9a-f]{16,32}))?\.json$/;

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
    /^[0-9a-f]{64}$/.test(r.baseHash) &&
    (r.tab === undefined || (typeof r.tab === 'string' && /^[0-9a-f]{16,32}$/.test(r.tab)))
  );
}

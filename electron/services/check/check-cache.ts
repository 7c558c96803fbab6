/**
 * `recap check`'s memory between runs: each post's problems, keyed by its
 * path and the SHA-256 of its bytes, valid for one set of inputs (Recap's
 * rules, the site kind and schema) and for the site files the rules asked
 * about (missing-image). An unchanged post costs a stat: its size, mtime and
 * inode vouch for the stored hash; otherwise it is read and hashed, and only
 * a different hash means checking again. Kept in the per-user state folder
 * (`<stateDir>/check/`), sealed like the post index: a damaged or foreign
 * file is ignored and rebuilt.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Problem } from '../../../shared/check';
import { pruneOldest, readSealed, sealedPath, writeSealed, type SealedId } from '../cache/sealed-file';
import type { CheckedPost, CheckFacts } from './check-bytes';

const FORMAT = 1;
const MAX_SITES = 32;
const MAX_POSTS = 100_000;
/** As in the post index: a file changed this recently may change again unseen within its mtime tick. */
const RACY_MS = 2000;

export interface CachedCheck extends CheckedPost {
  size: number;
  mtimeMs: number;
  ino: number;
  sha256: string;
  /** The inputs besides the bytes: see inputsKey. */
  inputs: string;
}

/** One key for everything besides the post and the site files that changes its problems: the rules, the site's kind and folders, its schema. */
export function inputsKey(rules: string, { site, schema }: Pick<CheckFacts, 'site' | 'schema'>): string {
  return createHash('sha256').update(canonicalJson([rules, site, schema ?? null])).digest('hex');
}

/** JSON with object keys sorted: the inferred schema's objects are filled in the order files happen to be read. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export class CheckCache {
  private readonly file: string;
  private readonly id: SealedId;
  private entries: Map<string, CachedCheck> | null = null;
  private dirty = false;

  constructor(
    private readonly dir: string,
    root: string,
  ) {
    this.file = sealedPath(dir, root);
    this.id = { kind: 'recap-check', format: FORMAT, key: root };
  }

  static inStateDir(stateDir: string, root: string): CheckCache {
    return new CheckCache(path.join(stateDir, 'check'), root);
  }

  private load(): Map<string, CachedCheck> {
    if (this.entries) return this.entries;
    this.entries = new Map();
    const stored = readSealed(this.file, this.id);
    if (stored && typeof stored === 'object' && !Array.isArray(stored)) {
      const rows = Object.entries(stored as Record<string, unknown>);
      if (rows.length <= MAX_POSTS && rows.every(([, entry]) => isEntry(entry))) for (const [p, entry] of rows) this.entries.set(p, entry as CachedCheck);
    }
    return this.entries;
  }

  /** The stored entry of a path, whatever it is valid for (the caller compares). */
  get(relative: string): CachedCheck | undefined {
    return this.load().get(relative);
  }

  set(relative: string, entry: CachedCheck): void {
    this.load().set(relative, entry);
    this.dirty = true;
  }

  /** Drops entries of posts that are no longer there (a whole site was checked). */
  keepOnly(paths: ReadonlySet<string>): void {
    for (const key of this.load().keys()) if (!paths.has(key)) this.dirty = this.load().delete(key) || this.dirty;
  }

  async save(): Promise<void> {
    if (!this.dirty || !this.entries || this.entries.size > MAX_POSTS) return;
    const cutoff = Date.now() - RACY_MS;
    const stored: Record<string, CachedCheck> = {};
    for (const [p, entry] of this.entries) stored[p] = entry.mtimeMs < cutoff ? entry : { ...entry, mtimeMs: -1 }; // racy: the hash is checked next time
    try {
      await writeSealed(this.file, this.id, stored);
      await pruneOldest(this.dir, MAX_SITES);
      this.dirty = false;
    } catch {
      /* a cache that cannot be written costs the next run a full check, nothing else */
    }
  }
}

/** Whether the site files the rules asked about answer the same today. */
export function lookupsHold(lookups: CachedCheck['lookups'], files: ReadonlySet<string>): boolean {
  return lookups.every(([p, exists]) => files.has(p) === exists);
}

function isEntry(value: unknown): value is CachedCheck {
  if (!value || typeof value !== 'object') return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.size === 'number' &&
    typeof e.mtimeMs === 'number' &&
    typeof e.ino === 'number' &&
    typeof e.sha256 === 'string' &&
    typeof e.inputs === 'string' &&
    Array.isArray(e.lookups) &&
    e.lookups.every((l) => Array.isArray(l) && l.length === 2 && typeof l[0] === 'string' && typeof l[1] === 'boolean') &&
    Array.isArray(e.problems) &&
    e.problems.every(isProblem)
  );
}

function isProblem(value: unknown): value is Problem {
  if (!value || typeof value !== 'object') return false;
  const p = value as Record<string, unknown>;
  return typeof p.rule === 'string' && typeof p.severity === 'string' && typeof p.line === 'number' && typeof p.column === 'number' && typeof p.message === 'string' && typeof p.offset === 'number' && typeof p.length === 'number';
}

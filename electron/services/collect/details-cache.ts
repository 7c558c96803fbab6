/**
 * Provider answers on disk in the per-user state folder, keyed by the
 * request URL, so pasting a link again (or reopening the post) asks nobody.
 * Only answers that became details are kept; failures are retried next time.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CardDetails } from '../../../shared/collect/types';
import { writeFileAtomic } from '../documents/atomic-write';

/** A tweet or a title rarely changes; a week keeps the cache useful and stale details short-lived. */
export const DEFAULT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

interface Entry {
  request: string;
  storedAt: number;
  details: CardDetails;
}

export class DetailsCache {
  constructor(
    readonly dir: string,
    private readonly ttlMs: number = DEFAULT_TTL_MS,
  ) {}

  static inStateDir(stateDir: string, ttlMs?: number): DetailsCache {
    return new DetailsCache(path.join(stateDir, 'details-cache'), ttlMs);
  }

  async get(request: string, now: number = Date.now()): Promise<CardDetails | null> {
    try {
      const entry = JSON.parse(await readFile(this.fileFor(request), 'utf8')) as Entry;
      if (entry.request !== request || typeof entry.storedAt !== 'number' || now - entry.storedAt > this.ttlMs) return null;
      return entry.details && typeof entry.details === 'object' ? entry.details : null;
    } catch {
      return null;
    }
  }

  async set(request: string, details: CardDetails, now: number = Date.now()): Promise<void> {
    const entry: Entry = { request, storedAt: now, details };
    await writeFileAtomic(this.fileFor(request), JSON.stringify(entry), { createDirs: true, mode: 0o600 });
  }

  private fileFor(request: string): string {
    return path.join(this.dir, `${createHash('sha256').update(request).digest('hex')}.json`);
  }
}

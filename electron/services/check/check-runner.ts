/**
 * Checks the posts of one site for `recap check`: each post's problems come
 * from the check cache when the post, the rules' inputs and the site files
 * the rules asked about are unchanged, and otherwise from the check worker
 * pool (in-process where no worker is built, as in tests).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_POST_BYTES } from '../../../shared/api';
import type { Problem } from '../../../shared/check';
import { RecapError } from '../../../shared/errors';
import { checkBytes, fileProblem, tooComplexToCheck, type CheckedPost, type CheckFacts } from './check-bytes';
import { CheckCache, inputsKey, lookupsHold } from './check-cache';
import { CheckPool, bundledCheckWorker, rulesKey } from './check-pool';

export interface CheckRunOptions {
  /** The per-user state folder; with it (and `cache` not false) results are kept between runs. */
  stateDir?: string;
  /** False: check every post afresh and store nothing (`--no-cache`). */
  cache?: boolean;
  /** The check worker script; null checks in-process. Default: the bundled one, if built. */
  worker?: string | null;
}

/** Posts in flight at once: keeps the disk and the workers busy without running out of file handles. */
const CONCURRENCY = 32;

export class CheckRunner {
  private readonly cache: CheckCache | null;
  private readonly pool: CheckPool | null;
  private readonly inputs: string;
  private readonly tooComplex = tooComplexToCheck().message;

  constructor(
    private readonly root: string,
    private readonly facts: CheckFacts,
    options: CheckRunOptions = {},
  ) {
    const worker = options.worker === undefined ? bundledCheckWorker() : options.worker;
    this.pool = worker ? new CheckPool(worker) : null;
    this.cache = options.stateDir && options.cache !== false ? CheckCache.inStateDir(options.stateDir, root) : null;
    this.inputs = inputsKey(rulesKey(worker ?? undefined), facts);
  }

  /** Problems of each post, in the order given. */
  async checkAll(paths: readonly string[]): Promise<Problem[][]> {
    const results: Problem[][] = new Array(paths.length);
    let next = 0;
    const lane = async () => {
      while (next < paths.length) {
        const index = next++;
        results[index] = await this.check(paths[index]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, paths.length) }, lane));
    return results;
  }

  async check(relative: string): Promise<Problem[]> {
    const absolute = path.join(this.root, relative);
    let info;
    let bytes: Buffer;
    try {
      info = await stat(absolute);
      if (info.size > MAX_POST_BYTES) return [fileProblem(`This file is ${(info.size / 1024 / 1024).toFixed(1)} MB, too large to be a post; it was not checked.`)];
      const cached = this.cache?.get(relative);
      const valid = cached !== undefined && cached.inputs === this.inputs && lookupsHold(cached.lookups, this.facts.files);
      // Same size, mtime and inode: the stored hash still describes the bytes, which need not be read.
      if (valid && cached.size === info.size && cached.mtimeMs === info.mtimeMs && cached.ino === info.ino) return cached.problems;
      bytes = await readFile(absolute);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (valid && cached.sha256 === sha256) {
        this.cache!.set(relative, { ...cached, size: info.size, mtimeMs: info.mtimeMs, ino: info.ino });
        return cached.problems;
      }
      const checked = await this.run(relative, bytes);
      // A blown budget depends on the machine's load as much as on the post: not remembered.
      if (!checked.problems.some((p) => p.message === this.tooComplex)) {
        this.cache?.set(relative, { ...checked, size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, sha256, inputs: this.inputs });
      }
      return checked.problems;
    } catch (error) {
      if (error instanceof RecapError) throw error;
      throw new RecapError('io', `Could not read ${relative} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
    }
  }

  /** Stores what was learnt (dropping posts no longer listed, when `posts` is the whole site) and stops the workers. */
  async close(posts?: ReadonlySet<string>): Promise<void> {
    if (posts) this.cache?.keepOnly(posts);
    await Promise.all([this.cache?.save(), this.pool?.close()]);
  }

  private run(relative: string, bytes: Buffer): Promise<CheckedPost> {
    if (!this.pool) return Promise.resolve(checkBytes(bytes, relative, this.facts));
    return this.pool.check(this.facts, relative, { bytes }).catch((error: unknown) => {
      throw new RecapError('internal', `Checking ${relative} failed (${error instanceof Error ? error.message : String(error)}).`);
    });
  }
}

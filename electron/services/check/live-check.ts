/**
 * The live check off the event loop: the editor's text is checked on a
 * worker thread with a time and memory budget (see check-pool.ts), so a
 * post that makes the parser run away is reported as too complex to check
 * while the server keeps answering every client. In-process only where no
 * worker is built (tests of the sources).
 */
import type { Problem } from '../../../shared/check';
import { checkText, type CheckFacts } from './check-bytes';
import { CheckPool, bundledCheckWorker } from './check-pool';

/** Two workers at most: a post stuck in its budget does not hold up the next check. */
const LIVE_WORKERS = 2;

export class LiveCheck {
  private readonly pool: CheckPool | null;
  /** The facts last sent, reused while the files, schema and folders are the same (the worker keeps them). */
  private last: { key: string; facts: CheckFacts } | null = null;

  constructor(worker: string | null | undefined = bundledCheckWorker(), options: { timeMs?: number; memoryMb?: number } = {}) {
    this.pool = worker ? new CheckPool(worker, { size: LIVE_WORKERS, ...options }) : null;
  }

  async check(relative: string, text: string, facts: CheckFacts): Promise<Problem[]> {
    const same = this.stable(facts);
    if (!this.pool) return checkText(text, relative, same).problems;
    return (await this.pool.check(same, relative, { text })).problems;
  }

  close(): Promise<void> {
    return this.pool?.close() ?? Promise.resolve();
  }

  private stable(facts: CheckFacts): CheckFacts {
    const key = JSON.stringify([facts.site, facts.schema ?? null]);
    if (this.last && this.last.key === key && this.last.facts.files === facts.files) return this.last.facts;
    this.last = { key, facts };
    return facts;
  }
}

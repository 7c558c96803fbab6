/**
 * Summarises many posts on worker threads: reading, YAML parsing and word
 * counting are CPU-bound, so a big site indexes about twice as fast on two
 * cores. The calling thread can take batches from the same queue
 * (`inProcess`): it starts at once, while the workers are still starting up,
 * and a two-core machine needs only one worker beside it.
 *
 * Results come back packed (see index-worker.ts): one array of scalars per
 * batch, which the structured clone copies several times faster than
 * thousands of small objects.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IndexJob, IndexJobResult } from './index-worker';
import { unpackIndexedFiles } from './packed-files';
import type { IndexedFile } from './summarize-file';

/** Files per worker batch (about 20 ms of work), and per batch on the calling thread, which must answer the workers between its batches. */
const BATCH_FILES = 200;
const MIN_BATCH = 40;

export class IndexPool {
  private readonly workers: Worker[] = [];
  private nextId = 0;

  constructor(
    private readonly script: string,
    private readonly size = Math.max(1, Math.min(4, availableParallelism())),
  ) {}

  /**
   * Every path's summary (files gone since listing are left out), in no particular order.
   * `inProcess`, when given, summarises batches on the calling thread too.
   */
  async summarize(root: string, paths: string[], words: boolean, inProcess?: (paths: string[]) => IndexedFile[]): Promise<IndexedFile[]> {
    this.start();
    const threads = this.workers.length + (inProcess ? 1 : 0);
    let next = 0;
    // Batches shrink towards the end, so every thread finishes at about the same time.
    const take = (most: number): string[] | null => {
      if (next >= paths.length) return null;
      const size = Math.max(MIN_BATCH, Math.min(most, Math.ceil((paths.length - next) / (threads * 2))));
      return paths.slice(next, (next += size));
    };
    const results: IndexedFile[][] = [];
    const here = async () => {
      // Small batches here: while this thread works, finished workers wait for it to hand them more.
      for (let batch = take(MIN_BATCH); batch; batch = take(MIN_BATCH)) {
        results.push(inProcess!(batch));
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const lane = async (worker: Worker) => {
      for (let batch = take(BATCH_FILES); batch; batch = take(BATCH_FILES)) {
        results.push(await this.run(worker, { id: this.nextId++, root, paths: batch, words }));
      }
    };
    // Two batches in flight per worker: the next one is already queued when a worker finishes one.
    await Promise.all([...this.workers.flatMap((worker) => [lane(worker), lane(worker)]), ...(inProcess ? [here()] : [])]);
    return results.flat();
  }

  private start(): void {
    while (this.workers.length < this.size) {
      const worker = new Worker(this.script);
      // Idle workers must not keep a CLI process alive.
      worker.unref();
      this.workers.push(worker);
    }
  }

  close(): Promise<void> {
    const workers = this.workers.splice(0);
    return Promise.all(workers.map((w) => w.terminate())).then(() => undefined);
  }

  private run(worker: Worker, job: IndexJob): Promise<IndexedFile[]> {
    return new Promise((resolve, reject) => {
      const onMessage = (result: IndexJobResult) => {
        if (result.id !== job.id) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        if (result.ok) resolve(unpackIndexedFiles(result.packed));
        else reject(new Error(result.message));
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.postMessage(job);
    });
  }
}

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

/** Files per batch: about 10–20 ms of work, so the calling thread yields often enough to take the workers' results. */
const BATCH_FILES = 200;

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
    // Several small batches per thread, so a thread with slow files does not hold up the rest.
    const batchSize = Math.max(50, Math.min(BATCH_FILES, Math.ceil(paths.length / (threads * 4))));
    const batches: string[][] = [];
    for (let i = 0; i < paths.length; i += batchSize) batches.push(paths.slice(i, i + batchSize));
    const results: IndexedFile[][] = [];
    const here = async () => {
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        results.push(inProcess!(batch));
        // Let the workers' finished batches in, and hand them the next ones.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const lane = async (worker: Worker) => {
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        results.push(await this.run(worker, { id: this.nextId++, root, paths: batch, words }));
      }
    };
    // Two batches in flight per worker: the next one is already queued when a worker finishes one,
    // even while this thread is busy with its own batch and cannot answer at once.
    await Promise.all([...this.workers.flatMap((worker) => [lane(worker), lane(worker)]), ...(inProcess ? [here()] : [])]);
    return results.flat();
  }

  close(): Promise<void> {
    const workers = this.workers.splice(0);
    return Promise.all(workers.map((w) => w.terminate())).then(() => undefined);
  }

  private start(): void {
    while (this.workers.length < this.size) {
      const worker = new Worker(this.script);
      // Idle workers must not keep a CLI process alive.
      worker.unref();
      this.workers.push(worker);
    }
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

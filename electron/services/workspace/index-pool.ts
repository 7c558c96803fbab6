/**
 * Summarises many posts on worker threads, one per core: YAML parsing is
 * CPU-bound, so a big site indexes about twice as fast on two cores.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IndexJob, IndexJobResult } from './index-worker';
import type { IndexedFile } from './summarize-file';

export class IndexPool {
  private readonly workers: Worker[] = [];
  private nextId = 0;

  constructor(
    private readonly script: string,
    private readonly size = Math.max(1, Math.min(4, availableParallelism())),
  ) {}

  async summarize(root: string, paths: string[], words: boolean): Promise<IndexedFile[]> {
    this.start();
    // Several small batches per worker, so a worker with slow files does not hold up the rest.
    const batchSize = Math.max(50, Math.ceil(paths.length / (this.workers.length * 4)));
    const batches: string[][] = [];
    for (let i = 0; i < paths.length; i += batchSize) batches.push(paths.slice(i, i + batchSize));
    const results: IndexedFile[] = [];
    await Promise.all(
      this.workers.map(async (worker) => {
        for (let batch = batches.shift(); batch; batch = batches.shift()) {
          results.push(...(await this.run(worker, { id: this.nextId++, root, paths: batch, words })));
        }
      }),
    );
    return results;
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
        if (result.ok) resolve(result.files);
        else reject(new Error(result.message));
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.postMessage(job);
    });
  }
}

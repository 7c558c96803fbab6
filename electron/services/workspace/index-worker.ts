/** Worker thread entry (bundled to out/workers/index-worker.cjs): summarises batches of posts. */
import { parentPort } from 'node:worker_threads';
import { packIndexedFiles, type PackedFiles } from './packed-files';
import { summarizeFileSync, type IndexedFile } from './summarize-file';

export interface IndexJob {
  id: number;
  root: string;
  paths: string[];
  words: boolean;
}

export type IndexJobResult = { id: number; ok: true; packed: PackedFiles } | { id: number; ok: false; message: string };

parentPort?.on('message', (job: IndexJob) => {
  try {
    const files: IndexedFile[] = [];
    for (const relative of job.paths) {
      const file = summarizeFileSync(job.root, relative, job.words);
      if (file) files.push(file);
    }
    parentPort!.postMessage({ id: job.id, ok: true, packed: packIndexedFiles(files) } satisfies IndexJobResult);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies IndexJobResult);
  }
});

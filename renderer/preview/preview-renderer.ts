import type { Root } from 'hast';
import type { PreviewRequest, PreviewResponse } from './preview-protocol';

/**
 * Sends Markdown to the preview worker, one request at a time. While one is
 * being rendered, newer text replaces any waiting request, so a fast typist
 * never builds a queue; a superseded request resolves null.
 */
export interface PreviewRenderer {
  render(markdown: string): Promise<Root | null>;
}

interface Job {
  markdown: string;
  resolve: (tree: Root | null) => void;
  reject: (error: Error) => void;
}

export function createPreviewRenderer(): PreviewRenderer {
  let worker: Worker | null | undefined;
  let running: { id: number; job: Job } | null = null;
  let waiting: Job | null = null;
  let nextId = 1;

  const inThread = async (markdown: string): Promise<Root> => {
    // Loaded only where there is no worker (tests, a worker blocked by policy).
    const { markdownToHast } = await import('./render-markdown');
    return markdownToHast(markdown);
  };

  const startWorker = (): Worker | null => {
    if (typeof Worker === 'undefined') return null;
    try {
      const created = new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module' });
      created.addEventListener('message', (event: MessageEvent<PreviewResponse>) => finish(event.data));
      created.addEventListener('error', () => {
        // The worker could not start or crashed: render in-thread from now on.
        worker = null;
        created.terminate();
        const job = running?.job;
        running = null;
        if (job) void inThread(job.markdown).then(job.resolve, job.reject);
        pump();
      });
      return created;
    } catch {
      return null;
    }
  };

  const finish = (response: PreviewResponse) => {
    if (!running || running.id !== response.id) return;
    const { job } = running;
    running = null;
    if ('tree' in response) job.resolve(response.tree);
    else job.reject(new Error(response.error));
    pump();
  };

  const pump = () => {
    if (running || !waiting) return;
    const job = waiting;
    waiting = null;
    if (worker === undefined) worker = startWorker();
    if (!worker) {
      void inThread(job.markdown).then(job.resolve, job.reject);
      return;
    }
    const id = nextId++;
    running = { id, job };
    worker.postMessage({ id, markdown: job.markdown } satisfies PreviewRequest);
  };

  return {
    render(markdown) {
      return new Promise<Root | null>((resolve, reject) => {
        waiting?.resolve(null);
        waiting = { markdown, resolve, reject };
        pump();
      });
    },
  };
}

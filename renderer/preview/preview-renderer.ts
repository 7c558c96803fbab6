import type { Root } from 'hast';
import type { RenderedBlock } from './pipeline/block-renderer';
import type { PreviewRequest, PreviewResponse } from './preview-protocol';

/** A block ready to show: the worker's answer joined with the trees kept from earlier answers. */
export interface PreviewBlock {
  id: string;
  line: number;
  endLine: number;
  tree: Root;
}

/**
 * Sends Markdown to the preview worker, one request at a time. While one is
 * being rendered, newer text replaces any waiting request, so a fast typist
 * never builds a queue; a superseded request resolves null.
 */
export interface PreviewRenderer {
  render(markdown: string): Promise<PreviewBlock[] | null>;
}

interface Job {
  markdown: string;
  resolve: (blocks: PreviewBlock[] | null) => void;
  reject: (error: Error) => void;
}

export function createPreviewRenderer(): PreviewRenderer {
  let worker: Worker | null | undefined;
  let running: { id: number; job: Job } | null = null;
  let waiting: Job | null = null;
  let nextId = 1;
  // The worker sends each block's tree once; the main thread keeps them while they are in use.
  let trees = new Map<string, Root>();
  let inThreadRenderer: { render(body: string, resend?: boolean): RenderedBlock[] } | null = null;
  let resend = false;

  const join = (blocks: RenderedBlock[]): PreviewBlock[] => {
    const next = new Map<string, Root>();
    const joined = blocks.map(({ id, line, endLine, tree }) => {
      const known = tree ?? trees.get(id) ?? next.get(id);
      if (!known) throw new Error('The preview lost track of a block; it renders afresh on the next change.');
      next.set(id, known);
      return { id, line, endLine, tree: known };
    });
    trees = next;
    return joined;
  };

  const inThread = async (markdown: string): Promise<PreviewBlock[]> => {
    // Loaded only where there is no worker (tests, a worker blocked by policy).
    if (!inThreadRenderer) {
      const { BlockRenderer } = await import('./pipeline/block-renderer');
      inThreadRenderer = new BlockRenderer();
    }
    return join(inThreadRenderer.render(markdown));
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
        trees = new Map();
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
    if ('blocks' in response) {
      try {
        job.resolve(join(response.blocks));
      } catch (error) {
        trees = new Map();
        resend = true;
        job.reject(error as Error);
      }
    } else job.reject(new Error(response.error));
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
    worker.postMessage({ id, markdown: job.markdown, resend } satisfies PreviewRequest);
    resend = false;
  };

  return {
    render(markdown) {
      return new Promise<PreviewBlock[] | null>((resolve, reject) => {
        waiting?.resolve(null);
        waiting = { markdown, resolve, reject };
        pump();
      });
    },
  };
}

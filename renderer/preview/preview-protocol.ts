import type { RenderedBlock } from './pipeline/block-renderer';

/** Main thread → preview worker. */
export interface PreviewRequest {
  id: number;
  markdown: string;
  /** The main thread lost its trees: send every block's tree again. */
  resend?: boolean;
}

/** Preview worker → main thread: the blocks, with trees only for blocks the main thread has not seen. */
export type PreviewResponse = { id: number; blocks: RenderedBlock[] } | { id: number; error: string };

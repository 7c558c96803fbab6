import type { Root } from 'hast';

/** Main thread → preview worker. */
export interface PreviewRequest {
  id: number;
  markdown: string;
}

/** Preview worker → main thread. */
export type PreviewResponse = { id: number; tree: Root } | { id: number; error: string };

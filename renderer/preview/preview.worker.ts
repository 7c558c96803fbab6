/// <reference lib="webworker" />
import { BlockRenderer } from './pipeline/block-renderer';
import type { PreviewRequest, PreviewResponse } from './preview-protocol';

// A Markdown parse is one uninterruptible chunk; here it never blocks typing.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const renderer = new BlockRenderer();

scope.addEventListener('message', (event: MessageEvent<PreviewRequest>) => {
  const { id, markdown, resend } = event.data;
  try {
    scope.postMessage({ id, blocks: renderer.render(markdown, resend === true) } satisfies PreviewResponse);
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies PreviewResponse);
  }
});

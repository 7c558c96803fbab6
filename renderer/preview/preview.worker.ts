/// <reference lib="webworker" />
import type { PreviewRequest, PreviewResponse } from './preview-protocol';
import { markdownToHast } from './render-markdown';

// A Markdown parse is one uninterruptible chunk; here it never blocks typing.
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<PreviewRequest>) => {
  const { id, markdown } = event.data;
  markdownToHast(markdown).then(
    (tree) => scope.postMessage({ id, tree } satisfies PreviewResponse),
    (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies PreviewResponse),
  );
});

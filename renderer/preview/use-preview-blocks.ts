import { startTransition, useEffect, useState } from 'react';
import { createPreviewRenderer, type PreviewBlock, type PreviewRenderer } from './preview-renderer';

let shared: PreviewRenderer | null = null;

/**
 * Typing settles for this long before the preview re-renders. Short: the
 * worker re-renders only changed blocks, and a newer text replaces any
 * waiting one, so a fast typist still never builds a queue.
 */
const DEBOUNCE_MS = 25;

/** The rendered blocks of `markdown`, a moment behind the editor; the newest text always wins. */
export function usePreviewBlocks(markdown: string): { blocks: PreviewBlock[] | null; error: string | null } {
  const [state, setState] = useState<{ blocks: PreviewBlock[] | null; error: string | null }>({ blocks: null, error: null });

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      shared ??= createPreviewRenderer();
      shared.render(markdown).then(
        (blocks) => {
          // A transition: React may pause this render for a keystroke, so the preview never delays typing.
          if (live && blocks) startTransition(() => setState({ blocks, error: null }));
        },
        (error: unknown) => {
          if (live) setState((prev) => ({ blocks: prev.blocks, error: error instanceof Error ? error.message : String(error) }));
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [markdown]);

  return state;
}

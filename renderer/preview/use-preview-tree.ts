import type { Root } from 'hast';
import { useEffect, useState } from 'react';
import { createPreviewRenderer, type PreviewRenderer } from './preview-renderer';

let shared: PreviewRenderer | null = null;

/** Typing settles for this long before the preview re-renders. */
const DEBOUNCE_MS = 80;

/** The rendered tree of `markdown`, a moment behind the editor; the newest text always wins. */
export function usePreviewTree(markdown: string): { tree: Root | null; error: string | null } {
  const [state, setState] = useState<{ tree: Root | null; error: string | null }>({ tree: null, error: null });

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      shared ??= createPreviewRenderer();
      shared.render(markdown).then(
        (tree) => {
          if (live && tree) setState({ tree, error: null });
        },
        (error: unknown) => {
          if (live) setState((prev) => ({ tree: prev.tree, error: error instanceof Error ? error.message : String(error) }));
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

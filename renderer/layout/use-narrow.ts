import { useSyncExternalStore } from 'react';

/** Below this width the preview and side panels stop sharing the row with the text: they are toggled, or float over it. */
export const NARROW_QUERY = '(max-width: 1199px)';

function subscribe(listener: () => void): () => void {
  const query = window.matchMedia?.(NARROW_QUERY);
  query?.addEventListener('change', listener);
  return () => query?.removeEventListener('change', listener);
}

export function useNarrowWindow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia?.(NARROW_QUERY).matches ?? false);
}

import { useSyncExternalStore } from 'react';
import type { DocumentState, DocumentStore } from './document-store';

export { fullText, type DiskState, type DocumentState, type OpenPost } from './document-store';

/** The open post's whole state: re-renders on every keystroke, so only the document view and its tools read it. */
export function useDocumentState(store: DocumentStore): DocumentState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/**
 * One value from the open post's state: re-renders only when that value
 * changes (compared with Object.is), so the workspace around the post does
 * not re-render per keystroke.
 */
export function useDocumentValue<T>(store: DocumentStore, select: (state: DocumentState) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.getSnapshot()));
}

/**
 * Whether unsaved text is being journaled. A failed write (a full or
 * read-only state disk) must not disturb typing, but the author must know
 * that a crash would now lose it: the status bar reads this store.
 */
import { useSyncExternalStore } from 'react';

type Listener = () => void;

let failure: string | null = null;
const listeners = new Set<Listener>();

export const journalStatus = {
  failed(message: string): void {
    if (failure === message) return;
    failure = message;
    for (const listener of listeners) listener();
  },
  ok(): void {
    if (failure === null) return;
    failure = null;
    for (const listener of listeners) listener();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  current: (): string | null => failure,
};

/** The last journal failure's message, or null while journaling works. */
export function useJournalFailure(): string | null {
  return useSyncExternalStore(journalStatus.subscribe, journalStatus.current, journalStatus.current);
}

/** This window's (or browser tab's) own journal slot: two tabs on one post never overwrite each other's draft. */
export const TAB_ID = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');

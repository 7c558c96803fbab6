/** The open post's collected links: listed, added, removed, reordered and detailed through the main process. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecapBridge } from '../../shared/bridge';
import { readPastedLinks, type CollectedCard } from '../../shared/collect';
import { describeError } from '../app/error-message';

export interface CollectedState {
  /** Null until the first list arrives. */
  cards: CollectedCard[] | null;
  /** What the last paste did ("Added 3 links."), or why an action failed. */
  message: { text: string; tone: 'info' | 'error' } | null;
  /** Words of the last paste that were not links. */
  ignored: string[];
  loadingDetails: boolean;
  add: (text: string) => Promise<boolean>;
  remove: (id: string) => void;
  /** Moves a card one place up (-1) or down (+1). */
  move: (id: string, delta: -1 | 1) => void;
}

export function useCollected(api: RecapBridge, path: string | null, externalContent: boolean): CollectedState {
  const [cards, setCards] = useState<CollectedCard[] | null>(null);
  const [message, setMessage] = useState<CollectedState['message']>(null);
  const [ignored, setIgnored] = useState<string[]>([]);
  const [loadingDetails, setLoadingDetails] = useState(false);
  // Answers for a post closed meanwhile are dropped.
  const pathRef = useRef(path);
  const cardsRef = useRef<CollectedCard[] | null>(null);
  useEffect(() => {
    pathRef.current = path;
  });

  const show = useCallback((forPath: string, next: CollectedCard[]) => {
    if (pathRef.current !== forPath) return;
    cardsRef.current = next;
    setCards(next);
  }, []);

  const fail = useCallback((forPath: string, error: unknown) => {
    if (pathRef.current === forPath) setMessage({ text: describeError(error).message, tone: 'error' });
  }, []);

  const loadDetails = useCallback(
    async (forPath: string, ids?: string[]) => {
      if (ids?.length === 0) return;
      setLoadingDetails(true);
      try {
        show(forPath, await api.loadCollectedDetails(ids ? { path: forPath, ids } : { path: forPath }));
      } catch (error) {
        fail(forPath, error);
      } finally {
        if (pathRef.current === forPath) setLoadingDetails(false);
      }
    },
    [api, show, fail],
  );

  // Another post: start from nothing (during render, so the old post's cards never show under the new one).
  const [shownPath, setShownPath] = useState(path);
  if (shownPath !== path) {
    setShownPath(path);
    setCards(null);
    setMessage(null);
    setIgnored([]);
    setLoadingDetails(false);
  }

  useEffect(() => {
    cardsRef.current = null;
    if (path === null) return;
    api.listCollected({ path }).then(
      (listed) => show(path, listed),
      (error: unknown) => {
        show(path, []);
        fail(path, error);
      },
    );
  }, [api, path, show, fail]);

  // Turning "Load external content" on (or opening a post with it on) fills in what the cards lack.
  // Cards added later ask for their own details (see add).
  const listed = cards !== null;
  useEffect(() => {
    if (!externalContent || path === null || !listed || cardsRef.current?.length === 0) return;
    void loadDetails(path);
  }, [externalContent, path, listed, loadDetails]);

  const add = useCallback(
    async (text: string) => {
      const forPath = pathRef.current;
      if (forPath === null || text.trim() === '') return false;
      try {
        const result = await api.addCollected({ path: forPath, text });
        show(forPath, result.cards);
        if (pathRef.current !== forPath) return false;
        setIgnored(result.ignored);
        // Links read here the same way the main process read them: those not added were collected before.
        const duplicates = readPastedLinks(text).links.length - result.added.length;
        const skipped = duplicates > 0 && result.added.length === 0;
        setMessage({ text: addedText(result.added.length, duplicates), tone: 'info' });
        // Details are asked for even with the switch off: the main process answers from its cache then and asks nobody.
        void loadDetails(forPath, result.added);
        return result.added.length > 0 || skipped;
      } catch (error) {
        fail(forPath, error);
        return false;
      }
    },
    [api, show, fail, loadDetails],
  );

  const remove = useCallback(
    (id: string) => {
      const forPath = pathRef.current;
      if (forPath === null) return;
      api.removeCollected({ path: forPath, id }).then((next) => show(forPath, next), (error: unknown) => fail(forPath, error));
    },
    [api, show, fail],
  );

  const move = useCallback(
    (id: string, delta: -1 | 1) => {
      const forPath = pathRef.current;
      const current = cardsRef.current;
      if (forPath === null || !current) return;
      const from = current.findIndex((card) => card.id === id);
      const to = from + delta;
      if (from < 0 || to < 0 || to >= current.length) return;
      const next = [...current];
      next.splice(to, 0, ...next.splice(from, 1));
      show(forPath, next); // at once, so repeated key presses move it on from where it now is
      api.reorderCollected({ path: forPath, ids: next.map((card) => card.id) }).then((stored) => show(forPath, stored), (error: unknown) => fail(forPath, error));
    },
    [api, show, fail],
  );

  return { cards, message, ignored, loadingDetails, add, remove, move };
}

/** "Added 3 links; 2 already collected." */
export function addedText(count: number, duplicates: number): string {
  const added = count === 0 ? '' : count === 1 ? 'Added 1 link' : `Added ${count} links`;
  const already = duplicates === 0 ? '' : `${duplicates} already collected`;
  return added || already ? `${[added, already].filter(Boolean).join('; ')}.` : 'No links found.';
}

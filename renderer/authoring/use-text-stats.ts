/**
 * Stats of the open post's body, recomputed a moment after typing pauses
 * (on a 200 KB post a pass takes a few milliseconds: too much for every key).
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import { textStats, type TextStats } from './text-stats';

export const STATS_DELAY_MS = 300;

/** The last body and its stats: re-rendering or reopening the same text costs nothing. */
let memo: { body: string; stats: TextStats } | null = null;

function statsOf(body: string): TextStats {
  if (memo?.body !== body) memo = { body, stats: textStats(body) };
  return memo.stats;
}

export function useTextStats(body: string, documentKey: string): TextStats {
  const [stats, setStats] = useState(() => statsOf(body));
  const shownKey = useRef(documentKey);
  useEffect(() => {
    // Another post: its outline at once; the same post: after the pause.
    const delay = shownKey.current === documentKey ? STATS_DELAY_MS : 0;
    const timer = setTimeout(() => {
      shownKey.current = documentKey;
      const next = statsOf(body);
      startTransition(() => setStats(next));
    }, delay);
    return () => clearTimeout(timer);
  }, [body, documentKey]);
  return stats;
}

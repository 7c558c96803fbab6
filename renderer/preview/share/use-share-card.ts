import { useEffect, useState } from 'react';
import type { RecapBridge } from '../../../shared/bridge';
import type { ShareCardView } from '../../../shared/share/share-card';
import { describeError } from '../../app/error-message';

const SHARE_DEBOUNCE_MS = 250;

/** The share card of the post as the editor holds it, resolved in the main process once typing pauses. */
export function useShareCard(api: RecapBridge, path: string, text: string): { view: ShareCardView | null; error: string | null } {
  const [view, setView] = useState<ShareCardView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api.shareCard({ path, text }).then(
        (result) => {
          if (!live) return;
          setView(result);
          setError(null);
        },
        (failure: unknown) => {
          if (live) setError(describeError(failure).message);
        },
      );
    }, SHARE_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, path, text]);
  return { view, error };
}

import { useCallback, useEffect, useState } from 'react';
import type { RecapBridge } from '../../shared/bridge';
import type { RecoveredDraft } from '../../shared/model';

export interface RecoveredDrafts {
  /** Drafts still waiting for a decision; empty until the journal has been read. */
  drafts: RecoveredDraft[];
  /** Restored: the draft now lives in the editor (and is journaled from there). */
  take: (path: string) => void;
  /** Thrown away: forgotten here and in the journal. */
  discard: (path: string) => Promise<void>;
}

/** Unsaved text left in the journal by a crash, read once when the site opens. */
export function useRecoveredDrafts(api: RecapBridge): RecoveredDrafts {
  const [drafts, setDrafts] = useState<RecoveredDraft[]>([]);

  useEffect(() => {
    let live = true;
    api.listDrafts({}).then(
      (found) => {
        if (live) setDrafts(found);
      },
      () => undefined, // no journal to offer is not worth an error
    );
    return () => {
      live = false;
    };
  }, [api]);

  const take = useCallback((path: string) => setDrafts((current) => current.filter((draft) => draft.path !== path)), []);
  const discard = useCallback(
    async (path: string) => {
      await api.discardDraft({ path });
      take(path);
    },
    [api, take],
  );

  return { drafts, take, discard };
}

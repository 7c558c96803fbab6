import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecapBridge } from '../../shared/bridge';
import type { GitStatus } from '../../shared/export';

export interface GitStatusState {
  /** Null until known, and whenever the site is not a git repository: the list then shows no git state at all. */
  status: GitStatus | null;
  /** Asks git again (after an export; saves and disk changes refresh on their own). */
  refresh: () => void;
}

/**
 * The site's git branch and each post's state, for the post list. Asked again
 * when `refreshKey` changes (a session, a save) and when files change on disk.
 */
export function useGitStatus(api: RecapBridge, refreshKey: unknown): GitStatusState {
  const [status, setStatus] = useState<GitStatus | null>(null);
  const [bumps, setBumps] = useState(0);
  // Latest wins: a slow `git status` must not overwrite a newer answer.
  const ticket = useRef(0);

  const refresh = useCallback(() => setBumps((n) => n + 1), []);
  useEffect(() => api.on('postsChanged', refresh), [api, refresh]);

  useEffect(() => {
    const mine = ++ticket.current;
    api.gitStatus({}).then(
      (next) => {
        if (mine === ticket.current) setStatus(next.repo ? next : null);
      },
      // Git state is a hint in the list, never a reason for an error there; the Export dialog explains problems.
      () => {
        if (mine === ticket.current) setStatus(null);
      },
    );
  }, [api, refreshKey, bumps]);

  return { status, refresh };
}

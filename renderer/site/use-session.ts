import { useCallback, useEffect, useState } from 'react';
import type { RecapBridge } from '../../shared/bridge';
import type { ErrorInfo } from '../../shared/errors';
import type { Session } from '../../shared/model';
import { describeError } from '../app/error-message';

export interface SessionState {
  session: Session | null;
  error: ErrorInfo | null;
  /** Bumps whenever a session arrives, so the post list reloads even for the same folder. */
  version: number;
  openFolder: (path?: string) => Promise<void>;
  /** "Try the sample site" (browser mode's start screen). */
  openSampleSite: () => Promise<void>;
}

/** The opened site and recent folders; replaced when a folder is opened here or from the native menu. */
export function useSession(api: RecapBridge): SessionState {
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [version, setVersion] = useState(0);

  const accept = useCallback((next: Session) => {
    setSession(next);
    setError(null);
    setVersion((v) => v + 1);
  }, []);

  useEffect(() => {
    let live = true;
    api.getSession({}).then(
      (next) => {
        if (live) accept(next);
      },
      (err: unknown) => {
        if (live) setError(describeError(err));
      },
    );
    const off = api.on('session', accept);
    return () => {
      live = false;
      off();
    };
  }, [api, accept]);

  const openFolder = useCallback(
    async (path?: string) => {
      try {
        accept(await api.openFolder(path === undefined ? {} : { path }));
      } catch (err) {
        setError(describeError(err));
      }
    },
    [api, accept],
  );

  const openSampleSite = useCallback(async () => {
    try {
      accept(await api.openSampleSite({}));
    } catch (err) {
      setError(describeError(err));
    }
  }, [api, accept]);

  return { session, error, version, openFolder, openSampleSite };
}

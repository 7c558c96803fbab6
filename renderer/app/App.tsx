import { useEffect } from 'react';
import type { RecapBridge } from '../../shared/bridge';
import { LOST_CONNECTION_MESSAGE, type Connection } from '../api';
import { OpenFolder } from '../site/OpenFolder';
import { useSession } from '../site/use-session';
import { ApiContext } from './api-context';
import { useColorScheme } from './use-color-scheme';
import { useConnectionState } from './use-connection';
import { Workspace } from './Workspace';
import './app.css';

interface AppProps {
  /** The Electron bridge, the browser-mode client, or a fake in tests. */
  api: RecapBridge;
  /** Browser mode's socket state, to say when the server is gone. */
  connection?: Connection | null;
}

export function App({ api, connection = null }: AppProps) {
  const colorScheme = useColorScheme();
  const connectionState = useConnectionState(connection);
  const { session, error, version, openFolder, openSampleSite } = useSession(api);
  const site = session?.site ?? null;

  // With no site open, the menu's Open Folder is the one command that applies.
  useEffect(() => {
    if (site) return;
    document.title = 'Recap';
    return api.on('menu', (command) => {
      if (command === 'open-folder') void openFolder();
    });
  }, [api, site, openFolder]);

  return (
    <ApiContext value={api}>
      <div className="app" data-color-mode={colorScheme}>
        {connectionState === 'lost' && (
          <div role="alert" className="connection-lost">
            {LOST_CONNECTION_MESSAGE}
          </div>
        )}
        {session === null ? (
          <div className="app-loading">{error ? <p role="alert">{error.message}</p> : <p>Starting Recap…</p>}</div>
        ) : site ? (
          <Workspace
            key={site.root}
            api={api}
            site={site}
            mode={session.mode}
            version={version}
            colorScheme={colorScheme}
            openFolder={openFolder}
            sessionError={error}
          />
        ) : (
          <OpenFolder session={session} error={error} onOpen={openFolder} onOpenSample={openSampleSite} />
        )}
      </div>
    </ApiContext>
  );
}

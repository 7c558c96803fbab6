import { useState } from 'react';
import type { ErrorInfo } from '../../shared/errors';
import type { Session } from '../../shared/model';
import { FolderPathForm } from './FolderPathForm';
import './open-folder.css';

interface OpenFolderProps {
  session: Session;
  error: ErrorInfo | null;
  onOpen: (path?: string) => void | Promise<void>;
  onOpenSample?: () => void | Promise<void>;
}

/** The first screen: no site is open yet. The desktop app and browser mode without a folder show the same one. */
export function OpenFolder({ session, error, onOpen, onOpenSample }: OpenFolderProps) {
  const [busy, setBusy] = useState(false);
  const trySample = async () => {
    setBusy(true);
    try {
      await onOpenSample?.();
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="open-folder">
      <div className="open-folder-card">
        <h1>Open a folder</h1>
        {session.canChooseFolder || session.canTypeFolder ? (
          <p>Choose the folder of your static site (Jekyll, Hugo, Zola, Eleventy, Astro…) to see and edit its posts.</p>
        ) : (
          <p>
            Browser mode edits the one folder it serves. Stop this server and start it on your site with{' '}
            <code>recap serve &lt;folder&gt;</code>, then open the address it prints.
          </p>
        )}
        <div className="open-folder-actions">
          {session.canChooseFolder && (
            <button type="button" className="button primary" onClick={() => void onOpen()}>
              Choose folder…
            </button>
          )}
          {session.canOpenSample && onOpenSample && (
            <button type="button" className="button" disabled={busy} onClick={() => void trySample()}>
              Try the sample site
            </button>
          )}
        </div>
        {session.canTypeFolder && <FolderPathForm onOpen={onOpen} />}
        {error && (
          <p role="alert" className="open-folder-error">
            {error.message}
          </p>
        )}
        {session.recent.length > 0 && (
          <section aria-labelledby="recent-folders-heading" className="recent-folders">
            <h2 id="recent-folders-heading">Recent folders</h2>
            <ul>
              {session.recent.map((folder) => (
                <li key={folder}>
                  <button type="button" className="recent-folder" onClick={() => void onOpen(folder)}>
                    {folder}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}

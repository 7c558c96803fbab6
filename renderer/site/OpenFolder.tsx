import type { ErrorInfo } from '../../shared/errors';
import type { Session } from '../../shared/model';
import './open-folder.css';

interface OpenFolderProps {
  session: Session;
  error: ErrorInfo | null;
  onOpen: (path?: string) => void;
}

/** The first screen: no site is open yet. */
export function OpenFolder({ session, error, onOpen }: OpenFolderProps) {
  return (
    <main className="open-folder">
      <div className="open-folder-card">
        <h1>Open a folder</h1>
        {session.canChooseFolder ? (
          <>
            <p>Choose the folder of your static site (Jekyll, Hugo, Zola, Eleventy, Astro…) to see and edit its posts.</p>
            <button type="button" className="button primary" onClick={() => onOpen()}>
              Choose folder…
            </button>
          </>
        ) : (
          <p>
            Browser mode edits the one folder it serves. Stop this server and start it on your site with{' '}
            <code>recap serve &lt;folder&gt;</code>, then open the address it prints.
          </p>
        )}
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
                  <button type="button" className="recent-folder" onClick={() => onOpen(folder)}>
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

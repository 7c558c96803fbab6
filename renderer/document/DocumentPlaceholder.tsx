import type { DocumentState } from './document-store';

/** What the main area shows before a post is open: a hint, progress or why it failed. */
export function DocumentPlaceholder({ doc }: { doc: Pick<DocumentState, 'loading' | 'loadError'> }) {
  return (
    <div className="document-placeholder">
      {doc.loadError ? (
        <p role="alert" className="notice danger">
          {doc.loadError.message}
        </p>
      ) : doc.loading ? (
        <p>Opening…</p>
      ) : (
        <p>Choose a post from the list, or search for one.</p>
      )}
    </div>
  );
}

import { Dialog } from '../dialog/Dialog';

/** Creating posts from the app arrives with the front-matter form; until then, point to the CLI. */
export function NewPostDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      title="New post"
      onClose={onClose}
      actions={
        <button type="button" className="button primary" onClick={onClose}>
          Close
        </button>
      }
    >
      <p>
        Creating posts from the app is coming next; for now use <code>recap new</code>.
      </p>
      <p>
        For example: <code>recap new &lt;folder&gt; --title "My talk" --draft</code>
      </p>
    </Dialog>
  );
}

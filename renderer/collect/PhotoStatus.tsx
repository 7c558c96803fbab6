import type { PhotoImportState } from './use-photo-import';

interface PhotoStatusProps {
  photos: PhotoImportState;
  /** Shows the Collected panel, where a cover is chosen. */
  onShowPhotos: () => void;
  panelShown: boolean;
}

/** Under the editor, in its live region: import progress, then what was added and what was not. */
export function PhotoStatus({ photos, onShowPhotos, panelShown }: PhotoStatusProps) {
  if (photos.progress) return <p className="authoring-notice">{photos.progress}</p>;
  const outcomes = photos.outcomes;
  if (!outcomes || outcomes.length === 0) return null;
  const added = outcomes.filter((o) => o.photo).length;
  const failed = outcomes.filter((o) => o.error);
  return (
    <div className="photo-status">
      <p className="authoring-notice">
        {added > 0 && (added === 1 ? 'Added 1 photo; write its alt text in the brackets.' : `Added ${added} photos; write their alt text in the brackets.`)}
        {added > 0 && !panelShown && (
          <>
            {' '}
            <button type="button" className="button small" onClick={onShowPhotos}>
              Choose a cover
            </button>
          </>
        )}{' '}
        <button type="button" className="button small" onClick={photos.dismiss}>
          Dismiss
        </button>
      </p>
      {failed.length > 0 && (
        <ul className="photo-status-errors">
          {failed.map((o, index) => (
            <li key={`${index}:${o.name}`}>
              Could not add {o.name}: {o.error}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { useId } from 'react';

interface LoadControlProps {
  /** The button's accessible name, e.g. "Play YouTube video NckMekZXRt8". */
  label: string;
  /** Visible text of the button. */
  text: string;
  externalContent: boolean;
  /** Why it cannot load at all (a host off the allowlist, an invalid id), or null. */
  blocked: string | null;
  onLoad: () => void;
}

/**
 * Click to load. With external content off the button stays in the tab
 * order but only explains itself: loading needs the switch, and nothing is
 * requested until the author turns it on.
 */
export function LoadControl({ label, text, externalContent, blocked, onLoad }: LoadControlProps) {
  const noteId = useId();
  const disabled = blocked !== null || !externalContent;
  const note = blocked ?? (externalContent ? null : 'Loading needs “Load external content” (above the preview) to be on.');
  return (
    <span className="embed-load">
      <button
        type="button"
        className="button small"
        aria-label={label}
        aria-disabled={disabled || undefined}
        aria-describedby={note ? noteId : undefined}
        onClick={() => {
          if (!disabled) onLoad();
        }}
      >
        {text}
      </button>
      {note && (
        <span id={noteId} className="embed-note">
          {note}
        </span>
      )}
    </span>
  );
}

import { useJournalFailure } from './journal-status';

/** In the status bar while unsaved text cannot be journaled (full or read-only state disk). */
export function JournalStatus() {
  const failure = useJournalFailure();
  if (failure === null) return null;
  return (
    <span role="alert" className="document-status journal-failed">
      Unsaved changes are not backed up: {failure}
    </span>
  );
}

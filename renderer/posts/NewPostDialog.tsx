import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useApi } from '../app/api-context';
import { describeError } from '../app/error-message';
import { Dialog } from '../dialog/Dialog';
import { EventWriteUpFields } from '../collect/EventWriteUpFields';
import { useEventWriteUp } from '../collect/use-event-write-up';
import './new-post.css';

interface NewPostDialogProps {
  onClose: () => void;
  /** The post file exists now: list it and open it (the unsaved-changes question was answered before it was made). */
  onCreated: (path: string) => void;
  /**
   * Runs the creation once the open post's unsaved changes are dealt with
   * (Save / Don't Save); Cancel there creates nothing. Without it, at once.
   */
  guard?: (action: () => void) => void;
}

/** Asking for the planned file name waits for a pause in typing. */
const PLAN_DELAY_MS = 150;

/** Today in the author's time zone, as the date input and the file name want it. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Dialog "New post": a title, a date (today unless changed) and whether it is
 * a draft. The main process names and places the file by the site's
 * conventions and never overwrites one.
 */
export function NewPostDialog({ onClose, onCreated, guard = (action) => action() }: NewPostDialogProps) {
  const api = useApi();
  const formId = useId();
  const titleRef = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(localToday);
  const [dateChosen, setDateChosen] = useState(false);
  const [draft, setDraft] = useState(false);
  const [titleMissing, setTitleMissing] = useState(false);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A title the author typed stands; until then (or once cleared) the event's suggestion fills it.
  const titleTyped = useRef(false);
  const writeUp = useEventWriteUp(api, (suggested) => {
    if (titleTyped.current) return;
    setTitle(suggested);
    setTitleMissing(false);
  });

  // The file "Create" would make, shown before anything is made (a dry run in the main process).
  const [plan, setPlan] = useState<{ title: string; path: string } | null>(null);
  const withDate = date !== '' && (!draft || dateChosen);
  const planned = plan && plan.title === title.trim() ? plan.path : null;
  useEffect(() => {
    const wanted = title.trim();
    if (wanted === '') return;
    let live = true;
    const timer = setTimeout(() => {
      api.planPost({ title: wanted, draft, ...(withDate && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { date } : {}) }).then(
        (answer) => live && setPlan({ title: wanted, path: answer.path }),
        () => live && setPlan(null),
      );
    }, PLAN_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, title, date, draft, withDate]);

  const create = (event: FormEvent | KeyboardEvent) => {
    event.preventDefault();
    if (creating) return;
    if (writeUp.on ? !writeUp.validate() : title.trim() === '') {
      if (!writeUp.on) {
        setTitleMissing(true);
        titleRef.current?.focus();
      }
      return;
    }
    // Nothing is written until the open post's unsaved changes are answered for.
    guard(() => void make());
  };

  const make = async () => {
    if (writeUp.on) {
      setCreating(true);
      setError(null);
      try {
        onCreated(await writeUp.create({ title: title.trim(), draft, ...(date !== '' && (!draft || dateChosen) ? { date } : {}) }));
      } catch (err) {
        setError(describeError(err).message);
        setCreating(false);
      }
      return;
    }
    setCreating(true);
    setError(null);
    // A draft the author did not date takes its date when published (Jekyll's _drafts); the site decides.
    try {
      const { path } = await api.createPost({ title: title.trim(), draft, ...(withDate ? { date } : {}) });
      onCreated(path);
    } catch (err) {
      setError(describeError(err).message);
      setCreating(false);
    }
  };

  return (
    <Dialog
      title="New post"
      onClose={onClose}
      // The title first, though the event's fields come above it.
      initialFocus="[data-new-post-title]"
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button primary" disabled={creating}>
            {creating ? 'Creating…' : 'Create'}
          </button>
        </>
      }
    >
      <form id={formId} className="new-post-form" onSubmit={create} noValidate>
        {/* The event's fields come first: they suggest the title below. */}
        <EventWriteUpFields writeUp={writeUp} />
        <div className="new-post-field">
          <label htmlFor={`${formId}-title`}>Title</label>
          <input
            id={`${formId}-title`}
            ref={titleRef}
            data-new-post-title
            type="text"
            className="new-post-input"
            value={title}
            autoComplete="off"
            aria-invalid={titleMissing || undefined}
            aria-describedby={titleMissing ? `${formId}-title-missing` : undefined}
            onKeyDown={(event) => {
              // Enter creates, whichever control is the form's default button in this browser.
              if (event.key === 'Enter' && !event.nativeEvent.isComposing) create(event);
            }}
            onChange={(event) => {
              setTitle(event.target.value);
              titleTyped.current = event.target.value !== '';
              if (event.target.value.trim() !== '') setTitleMissing(false);
            }}
          />
        </div>
        {titleMissing && (
          <p id={`${formId}-title-missing`} className="new-post-message">
            A title is required.
          </p>
        )}
        <div className="new-post-field">
          <label htmlFor={`${formId}-date`}>Date</label>
          <input
            id={`${formId}-date`}
            type="date"
            className="new-post-input new-post-date"
            value={date}
            onChange={(event) => {
              setDate(event.target.value);
              setDateChosen(true);
            }}
          />
        </div>
        <div className="new-post-check">
          <input id={`${formId}-draft`} type="checkbox" checked={draft} onChange={(event) => setDraft(event.target.checked)} />
          <label htmlFor={`${formId}-draft`}>Draft</label>
        </div>
        <p className="new-post-plan" aria-live="polite">
          {planned ? (
            <>
              Creates <code>{planned}</code>
            </>
          ) : (
            'Type a title to see the file it creates.'
          )}
        </p>
        {error && (
          <p role="alert" className="notice danger new-post-error">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}

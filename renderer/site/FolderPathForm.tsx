import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { FolderListing } from '../../shared/model';
import { useApi } from '../app/api-context';

/** Completions of what was typed, written the way it was typed (`~/si` → `~/sites/`): the matching sub-folders, each ending in `/`. */
function completionsOf(typed: string, listing: FolderListing | null): string[] {
  if (!listing) return [];
  const text = typed.trim();
  const dir = text === '~' ? '~/' : text.slice(0, text.lastIndexOf('/') + 1);
  return listing.folders.map((name) => `${dir}${name}/`);
}

function commonPrefix(values: readonly string[]): string {
  if (values.length === 0) return '';
  let prefix = values[0]!;
  for (const value of values) while (!value.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * Browser mode's start screen: a folder path to type, completed like a shell
 * (Tab completes as far as the folders agree; the list offers each match).
 */
export function FolderPathForm({ onOpen }: { onOpen: (path: string) => void | Promise<void> }) {
  const api = useApi();
  const listId = useId();
  const [typed, setTyped] = useState('');
  // The listing answers one typed text; a stale one (the text changed since) completes nothing.
  const [answer, setAnswer] = useState<{ typed: string; listing: FolderListing } | null>(null);
  const asked = useRef(0);

  useEffect(() => {
    const text = typed.trim();
    if (text === '' || !/^[~/]/.test(text)) return;
    const ask = ++asked.current;
    const timer = setTimeout(() => {
      api.listFolders({ path: text }).then(
        (listing) => {
          if (ask === asked.current) setAnswer({ typed: text, listing });
        },
        () => undefined, // no completion is all a failed listing means here
      );
    }, 120);
    return () => clearTimeout(timer);
  }, [api, typed]);

  const completions = answer && answer.typed === typed.trim() ? completionsOf(typed, answer.listing) : [];

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Tab' || event.shiftKey || completions.length === 0) return;
    const prefix = commonPrefix(completions);
    if (prefix.length <= typed.trim().length || !prefix.startsWith(typed.trim())) return;
    event.preventDefault();
    setTyped(prefix);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim() !== '') void onOpen(typed.trim());
  };

  return (
    <form className="folder-path" onSubmit={submit}>
      <label htmlFor={`${listId}-input`}>Folder path</label>
      <div className="folder-path-row">
        <input
          id={`${listId}-input`}
          type="text"
          list={`${listId}-list`}
          value={typed}
          placeholder="~/sites/my-blog"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="button primary" disabled={typed.trim() === ''}>
          Open
        </button>
      </div>
      <datalist id={`${listId}-list`}>
        {completions.map((completion) => (
          <option key={completion} value={completion} />
        ))}
      </datalist>
    </form>
  );
}

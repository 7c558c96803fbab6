import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import '../dialog/dialog.css';
import './commands.css';

export interface PickerItem {
  id: string;
  label: string;
  /** Shown to the right (a path, a shortcut). */
  detail?: string;
  disabled?: boolean;
}

interface PickerProps {
  /** The dialog's name: "Open post", "Commands". */
  title: string;
  placeholder: string;
  /** The items for a query, best first. */
  search: (query: string) => readonly PickerItem[];
  onChoose: (id: string) => void;
  onClose: () => void;
  empty: ReactNode;
}

const MAX_SHOWN = 60;

/** A modal with a search box driving a list (a combobox): arrows move, Enter chooses, Escape closes. */
export function Picker({ title, placeholder, search, onChoose, onClose, empty }: PickerProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const titleId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const items = search(query).slice(0, MAX_SHOWN);
  const current = Math.min(active, items.length - 1);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    inputRef.current?.focus();
    return () => {
      if (previous?.isConnected && !document.querySelector('[role="dialog"]')) previous.focus();
    };
  }, []);

  useEffect(() => {
    if (current >= 0) document.getElementById(`${listId}-${current}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [current, listId]);

  const choose = (item: PickerItem | undefined) => {
    if (!item || item.disabled) return;
    onClose();
    onChoose(item.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive(Math.min(current + 1, items.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(Math.max(current - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(items[current]);
    } else if (event.key === 'Tab') {
      // The search box is the one stop: Tab stays in the dialog.
      event.preventDefault();
    }
  };

  return (
    <div className="dialog-backdrop picker-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div className="dialog picker" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <h2 id={titleId} className="visually-hidden">
          {title}
        </h2>
        <input
          ref={inputRef}
          className="picker-input"
          role="combobox"
          aria-label={title}
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={current >= 0 ? `${listId}-${current}` : undefined}
          aria-autocomplete="list"
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
        />
        <ul id={listId} role="listbox" aria-label={title} className="picker-list">
          {items.map((item, index) => (
            <li
              key={item.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === current}
              aria-disabled={item.disabled || undefined}
              className="picker-item"
              onMouseMove={() => index !== current && setActive(index)}
              onClick={() => choose(item)}
            >
              <span className="picker-label">{item.label}</span>
              {item.detail && <span className="picker-detail">{item.detail}</span>}
            </li>
          ))}
        </ul>
        {items.length === 0 && <p className="picker-empty">{empty}</p>}
      </div>
    </div>
  );
}

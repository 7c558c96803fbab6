import { useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { controlAria, type FieldProps } from './field-props';

interface TagsFieldProps extends FieldProps {
  /** Appends items to the list (creating it when missing); false when the edit failed. */
  onAdd: (items: string[]) => boolean;
  onRemove: (index: number) => boolean;
}

/**
 * A list of words as chips: each with a remove button, then a text box that
 * adds on Enter (or on picking a suggestion). Only the list's lines change.
 */
export function TagsField(props: TagsFieldProps) {
  const { id, field, onAdd, onRemove } = props;
  const items = Array.isArray(field.value) ? field.value.map((item) => String(item)) : [];
  const [text, setText] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  // After a chip is removed, focus moves to the chip that took its place (or the text box).
  const focusAfterRemove = useRef<number | null>(null);

  useEffect(() => {
    const index = focusAfterRemove.current;
    if (index === null || !rootRef.current) return;
    focusAfterRemove.current = null;
    const buttons = rootRef.current.querySelectorAll<HTMLButtonElement>('.fm-chip button');
    (buttons[Math.min(index, buttons.length - 1)] ?? rootRef.current.querySelector<HTMLInputElement>('input'))?.focus();
  });

  const suggestions = (field.schema?.suggestions ?? field.schema?.choices ?? []).filter((s) => !items.includes(s));
  const listId = `${id}-suggestions`;

  const add = (raw: string) => {
    // "a, b" adds both: pasting a list is common.
    const words = raw
      .split(',')
      .map((word) => word.trim())
      .filter((word) => word !== '');
    const fresh = words.filter((word, index) => !items.includes(word) && words.indexOf(word) === index);
    if (fresh.length > 0 && !onAdd(fresh)) return;
    setText('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (text.trim() !== '') add(text);
  };

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.target.value;
    // Picking from the suggestion list is a choice made: add it straight away.
    const native = event.nativeEvent as InputEvent;
    if (native.inputType === 'insertReplacementText' && suggestions.includes(value)) add(value);
    else setText(value);
  };

  return (
    <div className="fm-tags" ref={rootRef}>
      {items.length > 0 && (
        <ul className="fm-chips">
          {items.map((item, index) => (
            <li key={`${index}-${item}`} className="fm-chip">
              <span className="fm-chip-text">{item}</span>
              <button
                type="button"
                className="fm-chip-remove"
                aria-label={`Remove ${item}`}
                title={`Remove ${item}`}
                onClick={() => {
                  if (onRemove(index)) focusAfterRemove.current = index;
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        type="text"
        className="fm-input fm-tag-input"
        value={text}
        list={suggestions.length > 0 ? listId : undefined}
        placeholder={items.length === 0 ? 'Type and press Enter' : 'Add…'}
        autoComplete="off"
        onChange={onChange}
        onKeyDown={onKeyDown}
        {...controlAria(props)}
      />
      {suggestions.length > 0 && (
        <datalist id={listId}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      )}
    </div>
  );
}

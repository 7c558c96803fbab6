import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type ClipboardEvent, type FormEvent, type KeyboardEvent } from 'react';
import { insertedCards } from '../../shared/collect';
import { PhotosPanel } from '../photos/PhotosPanel';
import { CollectedCardItem, type CardControl } from './CollectedCardItem';
import type { CollectTools } from './use-collect-tools';
import './collect.css';

export const COLLECTED_PANEL_ID = 'collected-panel';

interface CollectedPanelProps {
  tools: CollectTools;
  readOnly: boolean;
}

/**
 * Links and photos gathered for the open post, kept outside the site until
 * inserted. A card is selected by focus (arrow keys move between cards,
 * Enter inserts, Alt+arrows reorder, Delete removes) or dragged into the editor.
 */
export function CollectedPanel({ tools, readOnly }: CollectedPanelProps) {
  const id = useId();
  const { collected, externalContent, inserting } = tools;
  const cards = useMemo(() => collected.cards ?? [], [collected.cards]);
  // Deferred, and only while the panel is shown: typing never waits for the post to be searched for embeds.
  const body = useDeferredValue(tools.body);
  const inserted = useMemo(() => insertedCards(cards, body), [cards, body]);
  const [pasted, setPasted] = useState('');
  const [activeId, setActiveId] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  /** After a move or removal the keyboard stays with the card (or its neighbour). */
  const [pendingFocus, setPendingFocus] = useState<{ id: string; control: CardControl } | null>(null);

  const active = cards.some((card) => card.id === activeId) ? activeId : (cards[0]?.id ?? null);

  useEffect(() => {
    if (!pendingFocus) return;
    const item = listRef.current?.querySelector<HTMLElement>(`[data-card-id="${pendingFocus.id}"]`);
    if (!item) return;
    const control = pendingFocus.control === 'item' ? null : item.querySelector<HTMLButtonElement>(`[data-control="${pendingFocus.control}"]`);
    (control && !control.disabled ? control : item).focus();
    setPendingFocus(null);
  }, [pendingFocus, cards]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (await collected.add(pasted)) setPasted('');
  };

  /** Pasting is adding: the links become cards at once, no extra click. */
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const text = event.clipboardData.getData('text/plain');
    if (text.trim() === '' || pasted.trim() !== '') return; // typing several links by hand still works
    event.preventDefault();
    void collected.add(text);
  };

  /** A card already in the post is inserted again only when asked twice. */
  const [confirmAgain, setConfirmAgain] = useState<string | null>(null);
  const insertOne = (cardId: string) => {
    if (inserted.has(cardId) && confirmAgain !== cardId) {
      setConfirmAgain(cardId);
      return;
    }
    setConfirmAgain(null);
    void tools.insertCards([cardId]);
  };

  const focusCard = (index: number) => {
    const card = cards[Math.max(0, Math.min(index, cards.length - 1))];
    if (card) setPendingFocus({ id: card.id, control: 'item' });
  };

  const remove = (cardId: string, control: CardControl) => {
    const index = cards.findIndex((card) => card.id === cardId);
    const neighbour = cards[index + 1] ?? cards[index - 1];
    collected.remove(cardId);
    if (neighbour) {
      setActiveId(neighbour.id);
      setPendingFocus({ id: neighbour.id, control: control === 'remove' ? 'remove' : 'item' });
    }
  };

  const move = (cardId: string, delta: -1 | 1, control: CardControl) => {
    collected.move(cardId, delta);
    setPendingFocus({ id: cardId, control });
  };

  const onItemKeyDown = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    const card = cards[index];
    // Keys typed on the card's own buttons keep their usual meaning.
    if (!card || event.target !== event.currentTarget) return;
    const key = event.key;
    if (key === 'Enter' && !readOnly) insertOne(card.id);
    else if (key === 'ArrowDown' && event.altKey) move(card.id, 1, 'item');
    else if (key === 'ArrowUp' && event.altKey) move(card.id, -1, 'item');
    else if (key === 'ArrowDown') focusCard(index + 1);
    else if (key === 'ArrowUp') focusCard(index - 1);
    else if (key === 'Home') focusCard(0);
    else if (key === 'End') focusCard(cards.length - 1);
    else if (key === 'Delete') remove(card.id, 'item');
    else return;
    event.preventDefault();
  };

  return (
    <section id={COLLECTED_PANEL_ID} aria-label="Collected" className="collected" aria-busy={collected.cards === null || collected.loadingDetails || undefined}>
      <div className="collected-bar">
        <h2 className="collected-title">Collected</h2>
        <button type="button" className="button small" disabled={readOnly || inserting || cards.length === 0} onClick={() => void tools.insertAll()}>
          Insert all
        </button>
        <button
          type="button"
          className="button small"
          disabled={readOnly || tools.archiving}
          title="Turn the post's tweet embeds into static quotes (with their photos while external content is on): nothing of Twitter loads for readers"
          onClick={() => void tools.archiveTweets()}
        >
          Archive tweets
        </button>
      </div>
      <form className="collected-add" onSubmit={(event) => void add(event)}>
        <label htmlFor={`${id}-paste`} className="collected-label">
          Paste links
        </label>
        <div className="collected-add-row">
          <textarea
            id={`${id}-paste`}
            className="collected-input"
            rows={2}
            value={pasted}
            placeholder="Tweets, videos, decks, repositories… one or many"
            aria-describedby={`${id}-paste-help`}
            onChange={(event) => setPasted(event.target.value)}
            onPaste={onPaste}
            onKeyDown={(event) => {
              // Enter adds; Shift+Enter starts a new line for typing several links.
              if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) void add(event);
            }}
          />
          <button type="submit" className="button small" disabled={pasted.trim() === ''}>
            Add
          </button>
        </div>
        <p id={`${id}-paste-help`} className="collected-help">
          Select a card and press Enter to insert it at the caret, or drag it into the editor.
        </p>
      </form>
      <div className="collected-messages" aria-live="polite">
        {collected.message && (
          <p className={collected.message.tone === 'error' ? 'collected-message error' : 'collected-message'}>{collected.message.text}</p>
        )}
        {collected.ignored.length > 0 && (
          <p className="collected-message">
            Not {collected.ignored.length === 1 ? 'a link' : 'links'}, ignored: {collected.ignored.slice(0, 4).map((text) => `“${text}”`).join(', ')}
            {collected.ignored.length > 4 ? ` and ${collected.ignored.length - 4} more` : ''}.
          </p>
        )}
        {tools.insertError && <p className="collected-message error">Could not insert: {tools.insertError}</p>}
        {tools.notice && <p className="collected-message">{tools.notice}</p>}
        {confirmAgain && inserted.has(confirmAgain) && (
          <p className="collected-message">This card is already in the post; choose Insert again to add it once more.</p>
        )}
        {collected.loadingDetails && <p className="collected-message">Loading details…</p>}
      </div>
      <div className="collected-scroll">
        {collected.cards !== null && cards.length === 0 && <p className="collected-empty">Nothing collected for this post yet.</p>}
        {cards.length > 0 && (
          <ul ref={listRef} className="collected-list" aria-label="Collected links">
            {cards.map((card, index) => (
              <CollectedCardItem
                key={card.id}
                card={card}
                active={card.id === active}
                first={index === 0}
                last={index === cards.length - 1}
                externalContent={externalContent}
                readOnly={readOnly}
                inserting={inserting}
                inserted={inserted.has(card.id)}
                onActivate={() => setActiveId(card.id)}
                onKeyDown={(event) => onItemKeyDown(event, index)}
                onInsert={() => insertOne(card.id)}
                onRemove={(control) => remove(card.id, control)}
                onMove={(delta, control) => move(card.id, delta, control)}
              />
            ))}
          </ul>
        )}
        <PhotosPanel tools={tools} readOnly={readOnly} />
      </div>
    </section>
  );
}

/** "Collected (11)": the count is in the name, so it is heard as well as seen. */
export function CollectedToggle({ tools }: { tools: CollectTools }) {
  return (
    <button type="button" className="button" aria-expanded={tools.shown} aria-controls={COLLECTED_PANEL_ID} onClick={tools.toggle}>
      Collected ({tools.collected.cards?.length ?? 0})
    </button>
  );
}

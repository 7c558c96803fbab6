import { memo, type DragEvent, type KeyboardEvent } from 'react';
import type { CollectedCard } from '../../shared/collect';
import { cardLabel, KIND_ICONS, KIND_NAMES, offlineFacts } from './card-text';
import { CARD_DRAG_TYPE } from './use-collect-tools';

export type CardControl = 'item' | 'insert' | 'up' | 'down' | 'remove';

interface CollectedCardItemProps {
  card: CollectedCard;
  /** The one card in the Tab order (roving tabindex); its buttons are too. */
  active: boolean;
  first: boolean;
  last: boolean;
  externalContent: boolean;
  readOnly: boolean;
  inserting: boolean;
  /** The post already holds this card's embed or link. */
  inserted: boolean;
  onActivate: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLLIElement>) => void;
  onInsert: () => void;
  onRemove: (control: CardControl) => void;
  onMove: (delta: -1 | 1, control: CardControl) => void;
}

export const CollectedCardItem = memo(function CollectedCardItem({
  card,
  active,
  first,
  last,
  externalContent,
  readOnly,
  inserting,
  inserted,
  onActivate,
  onKeyDown,
  onInsert,
  onRemove,
  onMove,
}: CollectedCardItemProps) {
  const { details } = card;
  const tabIndex = active ? 0 : -1;
  const title = details?.title ?? null;

  const onDragStart = (event: DragEvent<HTMLLIElement>) => {
    event.dataTransfer.setData(CARD_DRAG_TYPE, card.id);
    // Dropped anywhere else (another app, the preview) it is still its link.
    event.dataTransfer.setData('text/plain', card.url);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <li
      className="collected-card"
      data-card-id={card.id}
      data-active={active || undefined}
      tabIndex={tabIndex}
      aria-label={cardLabel(card)}
      aria-keyshortcuts="Enter Alt+ArrowUp Alt+ArrowDown Delete"
      draggable={!readOnly}
      onDragStart={onDragStart}
      onFocus={onActivate}
      onKeyDown={onKeyDown}
    >
      <div className="collected-card-body">
        {externalContent && details?.thumbnailUrl && (
          // A remote image: shown only while the author allows external content; it says nothing a screen reader needs.
          <img className="collected-thumb" src={details.thumbnailUrl} alt="" loading="lazy" referrerPolicy="no-referrer" />
        )}
        <div className="collected-card-text">
          <div className="collected-kind">
            <span aria-hidden="true" className="collected-icon">
              {KIND_ICONS[card.kind]}
            </span>
            {KIND_NAMES[card.kind]} <span className="collected-facts">{offlineFacts(card)}</span>
          </div>
          {title && <div className={card.kind === 'tweet' ? 'collected-card-quote' : 'collected-card-title'}>{title}</div>}
          {details?.author && <div className="collected-card-meta">by {details.author}</div>}
          {details?.description && <div className="collected-card-meta">{details.description}</div>}
          {card.kind === 'tweet' && !details?.html && <div className="collected-card-meta collected-card-pending">Text not loaded: the post gets the handle and link, which widgets.js turns into the tweet.</div>}
          {card.error && <div className="collected-card-error">No details: {card.error}</div>}
          <div className="collected-url">{card.url}</div>
        </div>
      </div>
      <div className="collected-card-actions">
        <button type="button" className="button small" data-control="insert" tabIndex={tabIndex} disabled={readOnly || inserting} onClick={onInsert}>
          {inserted ? 'Insert again' : 'Insert'}
        </button>
        {inserted && <span className="collected-inserted">Inserted</span>}
        <button type="button" className="button small" data-control="up" tabIndex={tabIndex} disabled={first} aria-label="Move up" title="Move up (Alt+↑)" onClick={() => onMove(-1, 'up')}>
          ↑
        </button>
        <button type="button" className="button small" data-control="down" tabIndex={tabIndex} disabled={last} aria-label="Move down" title="Move down (Alt+↓)" onClick={() => onMove(1, 'down')}>
          ↓
        </button>
        <button type="button" className="button small" data-control="remove" tabIndex={tabIndex} onClick={() => onRemove('remove')}>
          Remove
        </button>
      </div>
    </li>
  );
});

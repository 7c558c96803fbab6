import { useEffect, useId, useRef } from 'react';
import type { EventWriteUp } from './use-event-write-up';
import './collect.css';

/**
 * In dialog "New post": the "Event write-up" choice and, once chosen, the
 * event's name, city and dates, and the categories the post will get.
 */
export function EventWriteUpFields({ writeUp }: { writeUp: EventWriteUp }) {
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const startRef = useRef<HTMLInputElement>(null);
  const { missing, defaults } = writeUp;

  // Create found a required field empty: the keyboard goes there.
  useEffect(() => {
    if (missing === 'eventName') nameRef.current?.focus();
    else if (missing === 'startDate') startRef.current?.focus();
  }, [missing]);

  const categoryName = defaults?.categoryKey === 'tags' ? 'Tags' : 'Categories';
  return (
    <div className="event-write-up">
      <div className="new-post-check">
        <input id={`${id}-on`} type="checkbox" checked={writeUp.on} onChange={(event) => writeUp.setOn(event.target.checked)} />
        <label htmlFor={`${id}-on`}>Event write-up</label>
      </div>
      {writeUp.on && (
        <div className="event-write-up-fields">
          <div className="new-post-field">
            <label htmlFor={`${id}-name`}>Event name</label>
            <input
              id={`${id}-name`}
              ref={nameRef}
              type="text"
              className="new-post-input"
              value={writeUp.eventName}
              autoComplete="off"
              placeholder="KubeCon"
              aria-invalid={missing === 'eventName' || undefined}
              aria-describedby={missing === 'eventName' ? `${id}-missing` : undefined}
              onChange={(event) => writeUp.setEventName(event.target.value)}
            />
          </div>
          <div className="new-post-field">
            <label htmlFor={`${id}-city`}>City</label>
            <input
              id={`${id}-city`}
              type="text"
              className="new-post-input"
              value={writeUp.city}
              autoComplete="off"
              onChange={(event) => writeUp.setCity(event.target.value)}
            />
          </div>
          <div className="event-write-up-dates">
            <div className="new-post-field">
              <label htmlFor={`${id}-start`}>Start date</label>
              <input
                id={`${id}-start`}
                ref={startRef}
                type="date"
                className="new-post-input new-post-date"
                value={writeUp.startDate}
                aria-invalid={missing === 'startDate' || undefined}
                aria-describedby={missing === 'startDate' ? `${id}-missing` : undefined}
                onChange={(event) => writeUp.setStartDate(event.target.value)}
              />
            </div>
            <div className="new-post-field">
              <label htmlFor={`${id}-end`}>End date</label>
              <input
                id={`${id}-end`}
                type="date"
                className="new-post-input new-post-date"
                value={writeUp.endDate}
                min={writeUp.startDate || undefined}
                onChange={(event) => writeUp.setEndDate(event.target.value)}
              />
            </div>
          </div>
          {missing && (
            <p id={`${id}-missing`} className="new-post-message event-write-up-missing">
              {missing === 'eventName' ? 'The event’s name is required.' : 'The start date is required.'}
            </p>
          )}
          {defaults && defaults.categoryKey !== null && (
            <p className="event-write-up-note">
              {categoryName}: {defaults.categories.length > 0 ? defaults.categories.join(', ') : 'none (the site’s event posts share none)'}
            </p>
          )}
          {defaults && defaults.sections.length > 0 && (
            <p className="event-write-up-note">Sections: {defaults.sections.join(', ')}</p>
          )}
        </div>
      )}
    </div>
  );
}

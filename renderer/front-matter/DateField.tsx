import { splitDateText, withDate, withTime } from './date-text';
import { controlAria, textOf, type FieldProps } from './field-props';

/**
 * A date picker that writes the date back in the shape it was written:
 * `2019-11-26` stays a date; `2024-03-22 09:30:00 +0100` gets a time box too
 * and keeps its seconds and zone.
 */
export function DateField(props: FieldProps) {
  const { id, field, onSet } = props;
  const written = textOf(field.value).trim();
  const parts = splitDateText(written);
  return (
    <div className="fm-date">
      <input
        id={id}
        type="date"
        className="fm-input fm-short"
        value={parts?.date ?? ''}
        onChange={(event) => {
          const date = event.target.value;
          onSet(date === '' ? null : parts ? withDate(written, date) : date);
        }}
        {...controlAria(props)}
      />
      {parts?.time && (
        <input
          type="time"
          className="fm-input fm-short"
          aria-label="Time"
          // Seconds are shown (and kept) only where the author wrote them.
          step={parts.time.length > 5 ? 1 : 60}
          value={parts.time}
          onChange={(event) => {
            // Clearing the time box is not a way to drop the time: that changes the date's shape.
            if (event.target.value !== '') onSet(withTime(written, event.target.value));
          }}
          // Named "Time" and described by its field's label, so two timestamps stay apart.
          aria-describedby={[`${id}-label`, props.describedBy].filter(Boolean).join(' ')}
        />
      )}
      {parts?.zone && (
        <span className="fm-zone" title="Time zone, as written">
          {parts.zone}
        </span>
      )}
    </div>
  );
}

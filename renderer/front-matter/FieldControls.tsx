/** The simple controls of the form: text, long text, number, checkbox, choice and read-only values. */
import { summarizeValue } from './form-fields';
import { controlAria, textOf, type FieldProps } from './field-props';

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Suggestions of a text field (values other posts use), as a native datalist. */
function Suggestions({ id, values }: { id: string; values: readonly string[] }) {
  return (
    <datalist id={id}>
      {values.map((value) => (
        <option key={value} value={value} />
      ))}
    </datalist>
  );
}

export function TextField(props: FieldProps) {
  const { id, field, onSet } = props;
  const suggestions = field.schema?.suggestions ?? [];
  const listId = suggestions.length > 0 ? `${id}-suggestions` : undefined;
  return (
    <>
      <input
        id={id}
        type="text"
        className="fm-input"
        value={textOf(field.value)}
        list={listId}
        autoComplete="off"
        spellCheck={field.key === 'title' || field.schema?.type === 'text'}
        onChange={(event) => {
          const text = event.target.value;
          // A number written as a number stays one while it is still a number (`weight: 10` → `weight: 12`).
          onSet(typeof field.value === 'number' && NUMBER.test(text) ? Number(text) : text);
        }}
        {...controlAria(props)}
      />
      {listId && <Suggestions id={listId} values={suggestions} />}
    </>
  );
}

export function LongTextField(props: FieldProps) {
  const { id, field, onSet } = props;
  const text = textOf(field.value);
  const lines = text.split('\n').length + Math.floor(text.length / 90);
  return (
    <textarea
      id={id}
      className="fm-input fm-textarea"
      value={text}
      rows={Math.min(Math.max(lines, 2), 6)}
      onChange={(event) => onSet(event.target.value)}
      {...controlAria(props)}
    />
  );
}

export function NumberField(props: FieldProps) {
  const { id, field, onSet } = props;
  return (
    <input
      id={id}
      type="number"
      step="any"
      className="fm-input fm-short"
      value={textOf(field.value)}
      onChange={(event) => {
        const raw = event.target.value;
        // "-" or "1e" on the way to a number: the browser reports '' with badInput; wait for the rest.
        if (raw === '' && event.target.validity.badInput) return;
        onSet(raw === '' ? null : Number(raw));
      }}
      {...controlAria(props)}
    />
  );
}

export function BooleanField(props: FieldProps) {
  const { id, field, onSet } = props;
  return (
    <input
      id={id}
      type="checkbox"
      className="fm-checkbox"
      checked={field.value === true}
      onChange={(event) => onSet(event.target.checked)}
      {...controlAria(props)}
    />
  );
}

export function ChoiceField(props: FieldProps) {
  const { id, field, onSet } = props;
  const choices = field.schema?.choices ?? [];
  if (choices.length === 0) return <TextField {...props} />;
  const current = textOf(field.value);
  const blank = current === '';
  const unknown = !blank && !choices.includes(current);
  return (
    <select
      id={id}
      className="fm-input fm-select"
      value={current}
      onChange={(event) => onSet(event.target.value === '' ? null : event.target.value)}
      {...controlAria(props)}
    >
      {(blank || !field.schema?.required) && <option value="">{blank ? 'Choose…' : 'None'}</option>}
      {choices.map((choice) => (
        <option key={choice} value={choice}>
          {choice}
        </option>
      ))}
      {/* The written value stays selectable, so opening the post never changes it silently. */}
      {unknown && <option value={current}>{current} (unknown)</option>}
    </select>
  );
}

interface ReadOnlyFieldProps extends FieldProps {
  labelId: string;
  onEditSource: () => void;
}

/** Nested maps and lists of maps: shown, and edited in the source where their layout is the author's. */
export function ReadOnlyField(props: ReadOnlyFieldProps) {
  const { id, field, labelId, onEditSource } = props;
  return (
    <div className="fm-readonly">
      <output id={id} className="fm-readonly-value" aria-describedby={props.describedBy}>
        {summarizeValue(field.value)}
      </output>
      <button type="button" className="button small" aria-describedby={labelId} onClick={onEditSource}>
        Edit in source
      </button>
    </div>
  );
}

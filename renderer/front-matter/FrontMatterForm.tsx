import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { addListItem, FrontMatterEditError, removeListItem, setField } from '../../shared/front-matter/edit-front-matter';
import type { FrontMatterData } from '../../shared/front-matter/field-path';
import type { SiteSchema } from '../../shared/front-matter/schema';
import { validateFrontMatter } from '../../shared/front-matter/validate-front-matter';
import type { FrontMatterValue } from '../../shared/model';
import { DateField } from './DateField';
import { BooleanField, ChoiceField, LongTextField, NumberField, ReadOnlyField, TextField } from './FieldControls';
import type { FieldProps } from './field-props';
import { addableFields, formFields, isDraftPost, type FormField } from './form-fields';
import { ImageField } from './ImageField';
import { TagsField } from './TagsField';

interface FrontMatterFormProps {
  path: string;
  /** The front-matter block, fences included; every edit returns a new one. */
  source: string;
  /** Its values (the last readable ones while the source is broken). */
  data: FrontMatterData;
  schema: SiteSchema | null;
  /** Shown but not editable: the source does not parse, or the post is read-only. */
  locked: boolean;
  onChange: (source: string) => void;
  onEditSource: () => void;
}

/**
 * One labelled control per field. Every edit goes through the shared
 * front-matter editor on the block alone (a few lines, not the post), so only
 * the lines of that field change and typing stays cheap.
 */
export function FrontMatterForm({ path, source, data, schema, locked, onChange, onEditSource }: FrontMatterFormProps) {
  const baseId = useId();
  // Fields the author added from "Add field": shown before they have a value.
  const [added, setAdded] = useState<ReadonlySet<string>>(() => new Set());
  const [addOpen, setAddOpen] = useState(false);
  const [editError, setEditError] = useState<{ key: string; message: string } | null>(null);
  const rootRef = useRef<HTMLFieldSetElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);

  const fields = useMemo(() => formFields(schema, data, added), [schema, data, added]);
  const addable = useMemo(() => addableFields(schema, fields), [schema, fields]);
  const order = useMemo(() => schema?.fields.map((field) => field.key) ?? [], [schema]);
  const issues = useMemo(() => {
    if (!schema) return new Map<string, string>();
    const found = validateFrontMatter(data, schema, { draft: isDraftPost(path, data) });
    return new Map(found.map((issue) => [issue.key, issue.message]));
  }, [data, schema, path]);

  useEffect(() => {
    const key = pendingFocus.current;
    if (key === null || !rootRef.current) return;
    pendingFocus.current = null;
    const row = Array.from(rootRef.current.querySelectorAll<HTMLElement>('[data-field-key]')).find((el) => el.dataset.fieldKey === key);
    row?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  });

  const apply = (key: string, edit: (text: string) => string): boolean => {
    let next: string;
    try {
      next = edit(source);
    } catch (error) {
      if (!(error instanceof FrontMatterEditError)) throw error;
      setEditError({ key, message: error.message });
      return false;
    }
    setEditError(null);
    // A field that loses its line (TOML has no empty value) stays on the form while it is edited.
    if (!added.has(key)) setAdded((keys) => new Set(keys).add(key));
    if (next !== source) onChange(next);
    return true;
  };

  const addField = (key: string) => {
    setAdded((keys) => new Set(keys).add(key));
    setAddOpen(false);
    pendingFocus.current = key;
  };

  const onAddListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    setAddOpen(false);
    addButtonRef.current?.focus();
  };

  if (fields.length === 0 && addable.length === 0) {
    return <p className="fm-empty">This post has no front matter yet.</p>;
  }

  return (
    <fieldset className="fm-fields" disabled={locked} ref={rootRef}>
      {fields.map((field, index) => {
        const id = `${baseId}-${index}`;
        const issue = issues.get(field.key);
        const failed = editError?.key === field.key ? editError.message : null;
        const describedBy = [issue ? `${id}-issue` : '', failed ? `${id}-failed` : ''].filter(Boolean).join(' ') || undefined;
        const props: FieldProps = {
          id,
          field,
          describedBy,
          invalid: issue !== undefined,
          onSet: (value: FrontMatterValue) => apply(field.key, (text) => setField(text, field.key, value, { order, keepStyle: true })),
        };
        return (
          <div key={field.key} className="fm-row" data-field-key={field.key} data-control={field.control}>
            <label id={`${id}-label`} htmlFor={id} className="fm-label" title={field.key}>
              {field.label}
            </label>
            <div className="fm-control">
              <Control
                field={field}
                props={props}
                postPath={path}
                onAdd={(items) => apply(field.key, (text) => items.reduce((out, item) => addListItem(out, field.key, item, { order }), text))}
                onRemove={(at) => apply(field.key, (text) => removeListItem(text, field.key, at))}
                onEditSource={onEditSource}
              />
              {issue && (
                <p id={`${id}-issue`} className="fm-message">
                  {issue}
                </p>
              )}
              {failed && (
                <p id={`${id}-failed`} role="alert" className="fm-message fm-failed">
                  {failed}
                </p>
              )}
            </div>
          </div>
        );
      })}
      {!locked && addable.length > 0 && (
        <div className="fm-add">
          <button
            ref={addButtonRef}
            type="button"
            className="button small"
            aria-expanded={addOpen}
            aria-controls={addOpen ? `${baseId}-add` : undefined}
            onClick={() => setAddOpen((open) => !open)}
          >
            Add field
          </button>
          {addOpen && (
            <ul id={`${baseId}-add`} className="fm-add-list" aria-label="Fields to add" onKeyDown={onAddListKeyDown}>
              {addable.map((field) => (
                <li key={field.key}>
                  <button type="button" className="fm-add-option" title={field.key} onClick={() => addField(field.key)}>
                    {field.label}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </fieldset>
  );
}

interface ControlProps {
  field: FormField;
  /** The post the form edits (the image picker lists its images first). */
  postPath: string;
  props: FieldProps;
  onAdd: (items: string[]) => boolean;
  onRemove: (index: number) => boolean;
  onEditSource: () => void;
}

function Control({ field, props, postPath, onAdd, onRemove, onEditSource }: ControlProps) {
  switch (field.control) {
    case 'long-text':
      return <LongTextField {...props} />;
    case 'date':
      return <DateField {...props} />;
    case 'boolean':
      return <BooleanField {...props} />;
    case 'number':
      return <NumberField {...props} />;
    case 'tags':
      return <TagsField {...props} onAdd={onAdd} onRemove={onRemove} />;
    case 'choice':
      return <ChoiceField {...props} />;
    case 'image':
      return <ImageField {...props} postPath={postPath} />;
    case 'read-only':
      return <ReadOnlyField {...props} labelId={`${props.id}-label`} onEditSource={onEditSource} />;
    default:
      return <TextField {...props} />;
  }
}

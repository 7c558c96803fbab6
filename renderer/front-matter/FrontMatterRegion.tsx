import { memo, useId, useMemo, useRef, useState } from 'react';
import { parsePost } from '../../shared/front-matter/post-document';
import type { FrontMatterInfo } from '../../shared/model';
import { useApi } from '../app/api-context';
import { useRememberedToggle } from '../app/use-remembered-toggle';
import { FrontMatterForm } from './FrontMatterForm';
import { useSiteSchema } from './use-site-schema';
import './front-matter.css';

interface FrontMatterRegionProps {
  /** The post's site-relative path (drafts are judged more gently). */
  path: string;
  /** The front-matter block, fences included. */
  source: string;
  /** Diagnostics from when the post was read. */
  info: FrontMatterInfo;
  readOnly: boolean;
  onChange: (source: string) => void;
}

const LANGUAGE_NAMES = { yaml: 'YAML', toml: 'TOML', json: 'JSON' } as const;

/**
 * The front matter as a form, with its source one click away. Both edit the
 * same text (the block in front of the body): the form writes through the
 * shared minimal-diff editor, the source is read again on every change. While
 * the source cannot be read the form shows its last readable values, locked,
 * and the source stays open until it is fixed. Mount one per post (key by path).
 */
export const FrontMatterRegion = memo(function FrontMatterRegion({ path, source, info, readOnly, onChange }: FrontMatterRegionProps) {
  const api = useApi();
  const { schema, error: schemaError } = useSiteSchema(api);
  const sourceId = useId();
  const [sourceShown, setSourceShown] = useState(false);
  // Authors who rarely touch the fields can fold them away for a taller editor; remembered across posts.
  const [fieldsShown, setFieldsShown] = useRememberedToggle('recap.panel.front-matter', true);
  // What was read from disk: its diagnosis (made by the main process) holds until the author edits.
  const [loadedSource] = useState(source);
  const sourceRef = useRef<HTMLTextAreaElement>(null);

  // Only the block is parsed, never the body: this runs on every keystroke in the form.
  const parsed = useMemo(() => parsePost(source), [source]);
  const [lastGood, setLastGood] = useState(parsed.data);
  if (parsed.data !== null && parsed.data !== lastGood) setLastGood(parsed.data);

  const liveError = parsed.error ?? (parsed.data === null ? { message: 'The front matter cannot be read.' } : null);
  const error = liveError && info.error && source === loadedSource ? info.error : liveError;
  const broken = error !== null;
  // A broken block opens its source, and it stays open once fixed: the author is typing there.
  if (broken && !sourceShown) setSourceShown(true);
  const shown = sourceShown || broken;
  const data = parsed.data ?? lastGood;

  const editSource = () => {
    setSourceShown(true);
    // After the source opens: focus goes where the author asked to edit.
    requestAnimationFrame(() => sourceRef.current?.focus());
  };

  const lines = source === '' ? 1 : source.split('\n').length - (source.endsWith('\n') ? 1 : 0);
  return (
    <section aria-label="Front matter" className="front-matter" data-broken={broken || undefined}>
      <div className="fm-bar">
        <h2 className="fm-heading">Front matter</h2>
        {parsed.language && <span className="fm-language">{LANGUAGE_NAMES[parsed.language]}</span>}
        <span className="fm-spacer" />
        <button type="button" className="button small" aria-expanded={fieldsShown} onClick={() => setFieldsShown((open) => !open)}>
          {fieldsShown ? 'Hide fields' : 'Show fields'}
        </button>
        <button
          type="button"
          className="button small fm-source-toggle"
          aria-expanded={shown}
          aria-controls={shown ? sourceId : undefined}
          // A broken block keeps its source open: the form cannot show what it says.
          disabled={broken}
          onClick={() => setSourceShown((open) => !open)}
        >
          Edit source
        </button>
      </div>
      {error && (
        <p role="alert" className="notice danger front-matter-error">
          {error.line !== undefined ? `Line ${error.line}: ` : ''}
          {error.message} The form is read-only until the source is fixed; the body can still be edited.
        </p>
      )}
      {schemaError && <p className="fm-schema-error">The site’s fields could not be read: {schemaError.message}</p>}
      {data !== null && fieldsShown && (
        <FrontMatterForm
          path={path}
          source={source}
          data={data}
          schema={schema}
          locked={readOnly || broken}
          onChange={onChange}
          onEditSource={editSource}
        />
      )}
      {shown && (
        <textarea
          ref={sourceRef}
          id={sourceId}
          aria-label="Front matter source"
          className="front-matter-source"
          value={source}
          readOnly={readOnly}
          spellCheck={false}
          placeholder={'---\ntitle: …\n---\n'}
          rows={Math.min(Math.max(lines, 2), 12)}
          aria-invalid={broken || undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </section>
  );
});

import { memo } from 'react';
import type { FrontMatterInfo } from '../../shared/model';
import './front-matter.css';

interface FrontMatterRegionProps {
  source: string;
  /** Diagnostics from when the post was read. */
  info: FrontMatterInfo;
  readOnly: boolean;
  onChange: (source: string) => void;
}

/**
 * The front matter block, fences included, as editable source. It is kept
 * apart from the Markdown body because it is not Markdown; the saved file is
 * exactly this text followed by the body.
 */
export const FrontMatterRegion = memo(function FrontMatterRegion({ source, info, readOnly, onChange }: FrontMatterRegionProps) {
  const lines = source === '' ? 1 : source.split('\n').length - (source.endsWith('\n') ? 1 : 0);
  return (
    <section aria-label="Front matter" className="front-matter">
      {info.error && (
        <p role="alert" className="notice danger front-matter-error">
          {info.error.line !== undefined ? `Line ${info.error.line}: ` : ''}
          {info.error.message}
        </p>
      )}
      <textarea
        aria-label="Front matter source"
        className="front-matter-source"
        value={source}
        readOnly={readOnly}
        spellCheck={false}
        placeholder={'---\ntitle: …\n---\n'}
        rows={Math.min(Math.max(lines, 2), 8)}
        onChange={(event) => onChange(event.target.value)}
      />
    </section>
  );
});

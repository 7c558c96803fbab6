import { useMemo } from 'react';
import { collapseUnchanged, diffLines } from '../../shared/document/line-diff';
import './line-diff.css';

interface LineDiffViewProps {
  /** Names the comparison for screen readers, e.g. "File on disk compared with your text". */
  label: string;
  before: string;
  after: string;
}

/** Lines removed from `before` and added in `after`, with a little context; long unchanged runs fold away. */
export function LineDiffView({ label, before, after }: LineDiffViewProps) {
  const diff = useMemo(() => diffLines(before, after), [before, after]);
  const rows = useMemo(() => collapseUnchanged(diff.lines, 2), [diff]);
  const summary =
    diff.added === 0 && diff.removed === 0
      ? 'No differences.'
      : `${diff.removed} ${diff.removed === 1 ? 'line' : 'lines'} removed, ${diff.added} added${diff.approximate ? ' (shown as one block: the versions differ widely)' : ''}.`;
  return (
    <figure className="line-diff" role="group" aria-label={label}>
      <figcaption className="line-diff-summary">{summary}</figcaption>
      <div className="line-diff-lines">
        {rows.map((row, i) => {
          if (row.op === 'skip') {
            return (
              <div key={i} className="line-diff-skip">
                … {row.count} unchanged {row.count === 1 ? 'line' : 'lines'}
              </div>
            );
          }
          const line = row.text === '' ? '\u00a0' : row.text;
          return (
            <div key={i} className="line-diff-line" data-op={row.op}>
              <span className="line-diff-number" aria-hidden="true">
                {row.op === 'added' ? row.newLine : row.oldLine}
              </span>
              <span className="line-diff-sign" aria-hidden="true">
                {row.op === 'added' ? '+' : row.op === 'removed' ? '−' : ' '}
              </span>
              {row.op === 'added' ? <ins>{line}</ins> : row.op === 'removed' ? <del>{line}</del> : <span>{line}</span>}
            </div>
          );
        })}
      </div>
    </figure>
  );
}

import { memo } from 'react';
import type { Heading } from './text-stats';
import './authoring.css';

export const OUTLINE_ID = 'outline-panel';

interface OutlineNavProps {
  headings: readonly Heading[];
  onJump: (heading: Heading) => void;
}

/** The post's headings; each moves the editor to its line. */
export const OutlineNav = memo(function OutlineNav({ headings, onJump }: OutlineNavProps) {
  return (
    <nav id={OUTLINE_ID} aria-label="Outline" className="outline">
      <span className="outline-title">Outline</span>
      {headings.length === 0 ? (
        <p className="outline-empty">No headings yet.</p>
      ) : (
        <ul className="outline-list">
          {headings.map((heading) => (
            <li key={heading.offset} style={{ paddingLeft: `${(heading.level - 1) * 0.75}rem` }}>
              <button type="button" className="outline-item" onClick={() => onJump(heading)}>
                {heading.text}
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
});

interface PostStatsProps {
  words: number;
  minutes: number;
}

export function PostStats({ words, minutes }: PostStatsProps) {
  return (
    <span className="post-stats">
      {words.toLocaleString('en')} {words === 1 ? 'word' : 'words'} · {minutes} min read
    </span>
  );
}

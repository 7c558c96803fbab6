import { memo } from 'react';
import { byPosition, type Problem, type Severity } from '../../shared/check';
import { fixGroups } from './problem-target';
import type { ProblemsState } from './use-problems';
import './problems.css';

const PROBLEMS_PANEL_ID = 'problems-panel';

/** A long list is still useful at its top; rendering thousands of rows would slow typing. */
const MAX_SHOWN = 300;

interface ProblemsPanelProps {
  state: ProblemsState;
  /** Moves the editor to the problem. */
  onJump: (problem: Problem) => void;
  /** Applies the fixes of these problems (all computed on the checked text). */
  onFix: (problems: readonly Problem[]) => void;
  /** Puts the caret where the author finishes a caret fix (writing alt text). */
  onPlaceCaret: (problem: Problem) => void;
  readOnly: boolean;
}

/** The pre-publish check of the open post: each problem names its line and jumps there; safe fixes are one click. */
export const ProblemsPanel = memo(function ProblemsPanel({ state, onJump, onFix, onPlaceCaret, readOnly }: ProblemsPanelProps) {
  const { checked, stale, error } = state;
  const problems = checked ? [...checked.problems].sort(byPosition) : [];
  const groups = fixGroups(problems);
  const rows = repeatedRows(problems);
  const fixable = groups.flatMap((group) => group.problems);
  // Offsets belong to the text that was checked; a fix waits for the answer about the text shown now.
  const canFix = !readOnly && !stale;

  return (
    <section id={PROBLEMS_PANEL_ID} aria-label="Problems" className="problems" aria-busy={stale || undefined}>
      <div className="problems-bar">
        <span className="problems-title">Problems</span>
        <span className="problems-summary">{summary(problems, checked === null)}</span>
        {groups.length > 0 && (
          <div className="problems-fixes">
            {groups.map((group) => (
              <button key={group.rule} type="button" className="button small" disabled={!canFix} onClick={() => onFix(group.problems)}>
                {group.label}
              </button>
            ))}
            {groups.length > 1 && (
              <button type="button" className="button small" disabled={!canFix} onClick={() => onFix(fixable)}>
                Fix all
              </button>
            )}
          </div>
        )}
      </div>
      {error && <p className="problems-error">Could not check this post: {error}</p>}
      {problems.length > 0 && (
        <ul className="problems-list">
          {rows.slice(0, MAX_SHOWN).map(({ problem, repeats }, index) => (
            <li key={`${index}:${problem.offset}:${problem.rule}`} className="problem" data-severity={problem.severity}>
              <button type="button" className="problem-jump" onClick={() => onJump(problem)}>
                <span className="problem-line">Line {problem.line}:</span> <span className="problem-message">{problem.message}</span>{' '}
                {repeats.length > 1 && (
                  <span className="problem-repeats">
                    (lines {repeats.slice(0, 6).map((p) => p.line).join(', ')}
                    {repeats.length > 6 ? ` and ${repeats.length - 6} more` : ''}){' '}
                  </span>
                )}
                <span className="problem-meta">
                  <span aria-hidden="true" className="problem-icon">
                    {SEVERITY_ICONS[problem.severity]}
                  </span>
                  {SEVERITY_NAMES[problem.severity]} · {problem.rule}
                </span>
              </button>
              {problem.fix && <FixButton title={problem.fix.title} line={problem.line} disabled={!canFix} onClick={() => onFix(repeats)} />}
              {problem.caretFix && <FixButton title={problem.caretFix.title} line={problem.line} disabled={!canFix} onClick={() => onPlaceCaret(problem)} />}
            </li>
          ))}
        </ul>
      )}
      {rows.length > MAX_SHOWN && <p className="problems-more">…and {rows.length - MAX_SHOWN} more.</p>}
    </section>
  );
});

function FixButton({ title, line, disabled, onClick }: { title: string; line: number; disabled: boolean; onClick: () => void }) {
  return (
    <button type="button" className="button small problem-fix" disabled={disabled} aria-label={`${title} (line ${line})`} onClick={onClick}>
      {title}
    </button>
  );
}

interface Row {
  /** The first of them: the row names its line and jumps there. */
  problem: Problem;
  /** Every problem the row stands for (one, or the same finding repeated). */
  repeats: Problem[];
}

/** The same finding at many places ("widgets.js is included 11 times") is one row, with one fix for all of them. */
function repeatedRows(problems: readonly Problem[]): Row[] {
  const rows = new Map<string, Row>();
  for (const problem of problems) {
    const key = `${problem.rule}\u0000${problem.severity}\u0000${problem.message}`;
    const row = rows.get(key);
    if (row) row.repeats.push(problem);
    else rows.set(key, { problem, repeats: [problem] });
  }
  return [...rows.values()];
}

const SEVERITY_ICONS: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };
const SEVERITY_NAMES: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

function summary(problems: readonly Problem[], checking: boolean): string {
  if (checking) return 'Checking…';
  if (problems.length === 0) return 'No problems found.';
  const count = (severity: Severity) => problems.filter((p) => p.severity === severity).length;
  const parts: string[] = [];
  for (const [severity, one, many] of [
    ['error', 'error', 'errors'],
    ['warning', 'warning', 'warnings'],
    ['info', 'note', 'notes'],
  ] as const) {
    const n = count(severity);
    if (n > 0) parts.push(`${n} ${n === 1 ? one : many}`);
  }
  return parts.join(', ');
}

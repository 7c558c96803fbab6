/**
 * The live check behind the Problems panel: the editor's text is sent to
 * checkPost a moment after typing stops (never on the keystroke itself),
 * and only the answer for the latest text is kept.
 */
import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import type { RecapBridge } from '../../shared/bridge';
import type { Problem } from '../../shared/check';
import { describeError } from '../app/error-message';
import { partsEqual } from './problem-target';

/** Pause in typing before checking again. */
export const CHECK_DELAY_MS = 300;
/**
 * A newly opened post is checked a moment later: the check takes the
 * server's thread for a few hundred milliseconds on a long post, and the
 * preview's first page (asked for at the same time) shows first.
 */
export const OPEN_CHECK_DELAY_MS = 500;

export interface CheckedPost {
  path: string;
  /** The full text the problems were found in; their offsets refer to it. */
  text: string;
  /** Where its body started (the front-matter block's length then). */
  frontMatterLength: number;
  problems: Problem[];
}

export interface ProblemsState {
  checked: CheckedPost | null;
  /** The editor's text has changed since the last answer: offsets may be off, fixes wait. */
  stale: boolean;
  error: string | null;
}

interface CheckSubject {
  path: string;
  frontMatter: string;
  body: string;
}

export function useProblems(api: RecapBridge, post: CheckSubject | null): ProblemsState {
  const [checked, setChecked] = useState<CheckedPost | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ticket = useRef(0);
  const lastPath = useRef<string | null>(null);

  const path = post?.path ?? null;
  const frontMatter = post?.frontMatter ?? '';
  const body = post?.body ?? '';

  useEffect(() => {
    const mine = ++ticket.current;
    if (path === null) return;
    // Edits wait for a pause in typing.
    const delay = lastPath.current === path ? CHECK_DELAY_MS : OPEN_CHECK_DELAY_MS;
    lastPath.current = path;
    const timer = setTimeout(() => {
      const text = frontMatter + body;
      api.checkPost({ path, text }).then(
        (problems) => {
          if (mine !== ticket.current) return;
          // Interruptible by typing, like the preview.
          startTransition(() => {
            setChecked({ path, text, frontMatterLength: frontMatter.length, problems });
            setError(null);
          });
        },
        (err: unknown) => {
          if (mine !== ticket.current) return;
          setError(describeError(err).message);
        },
      );
    }, delay);
    return () => clearTimeout(timer);
  }, [api, path, frontMatter, body]);

  const current = checked !== null && checked.path === path ? checked : null;
  const stale = current === null || !partsEqual({ frontMatter, body }, current.text);
  const shownError = path === null ? null : error;
  // One object per answer, so the panel re-renders when the answer changes, not on every keystroke.
  return useMemo(() => ({ checked: current, stale, error: shownError }), [current, stale, shownError]);
}

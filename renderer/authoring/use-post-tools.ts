/**
 * What the open post's tools share: the live check, the stats, the editor
 * handle they move, and the actions (jump to a problem or heading, apply fixes).
 */
import { useCallback, useEffect, useRef } from 'react';
import { useRememberedToggle } from '../app/use-remembered-toggle';
import type { Problem } from '../../shared/check';
import { useApi } from '../app/api-context';
import type { DocumentState } from '../document/use-document';
import { useEditorHandle, type EditorHandle } from '../editor/editor-handle';
import { mapOffset } from '../editor/map-offset';
import { selectRange } from '../editor/select-range';
import { applyEditsToParts, problemTarget } from '../problems/problem-target';
import { useProblems, type ProblemsState } from '../problems/use-problems';
import type { Heading, TextStats } from './text-stats';
import { useTextStats } from './use-text-stats';

export interface PostTools {
  editor: EditorHandle;
  problems: ProblemsState;
  stats: TextStats;
  problemsShown: boolean;
  outlineShown: boolean;
  toggleProblems: () => void;
  toggleOutline: () => void;
  jumpToProblem: (problem: Problem) => void;
  jumpToHeading: (heading: Heading) => void;
  applyFixes: (problems: readonly Problem[]) => void;
}

export function usePostTools(doc: DocumentState): PostTools {
  const api = useApi();
  const editor = useEditorHandle();
  const { post, setBody, setFrontMatter } = doc;
  const problems = useProblems(api, post);
  const stats = useTextStats(post?.body ?? '', post?.path ?? '');
  // The Problems panel starts open (it is the check as you type); the Outline is on demand, so the editor keeps its room.
  // Both remember the author's last choice.
  const [problemsShown, setProblemsShown] = useRememberedToggle('recap.panel.problems', true);
  const [outlineShown, setOutlineShown] = useRememberedToggle('recap.panel.outline', false);

  // Actions read the latest text through a ref: stable callbacks keep the panels from re-rendering on every keystroke.
  const latest = useRef({ frontMatter: '', body: '', problems });
  useEffect(() => {
    latest.current = { frontMatter: post?.frontMatter ?? '', body: post?.body ?? '', problems };
  });

  const jumpToProblem = useCallback(
    (problem: Problem) => {
      const { body, problems: current } = latest.current;
      const { checked } = current;
      if (!checked) return;
      const target = problemTarget(problem, checked.frontMatterLength);
      if (target.area === 'front-matter') {
        selectInFrontMatter(checked.text.slice(0, checked.frontMatterLength), target.start, target.end);
        return;
      }
      // Typed since the check: follow the text the problem was found in to where it is now.
      const checkedBody = checked.text.slice(checked.frontMatterLength);
      const start = checkedBody === body ? target.start : mapOffset(checkedBody, body, target.start);
      const end = checkedBody === body ? target.end : mapOffset(checkedBody, body, target.end);
      editor.select(start, end);
    },
    [editor],
  );

  const applyFixes = useCallback(
    (list: readonly Problem[]) => {
      const { frontMatter, body, problems: current } = latest.current;
      // Offsets are those of the checked text; the panel only offers fixes while it is current.
      if (current.stale || !current.checked) return;
      const next = applyEditsToParts({ frontMatter, body }, list.flatMap((p) => p.fix?.edits ?? []));
      if (next.frontMatter !== frontMatter) setFrontMatter(next.frontMatter);
      if (next.body !== body) setBody(next.body);
    },
    [setFrontMatter, setBody],
  );

  const jumpToHeading = useCallback((heading: Heading) => editor.select(heading.offset), [editor]);
  const toggleProblems = useCallback(() => setProblemsShown((shown) => !shown), [setProblemsShown]);
  const toggleOutline = useCallback(() => setOutlineShown((shown) => !shown), [setOutlineShown]);

  return { editor, problems, stats, problemsShown, outlineShown, toggleProblems, toggleOutline, jumpToProblem, jumpToHeading, applyFixes };
}

/** The raw front-matter textbox when it is shown; otherwise the form's field for the key on that line (or its first field). */
function selectInFrontMatter(frontMatter: string, start: number, end: number): void {
  const source = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Front matter source"]');
  if (source) {
    selectRange(source, start, end);
    return;
  }
  const region = document.querySelector('[aria-label="Front matter"]');
  if (!region) return;
  const lineStart = frontMatter.lastIndexOf('\n', start - 1) + 1;
  const key = /^\s*["']?([\w-]+)["']?\s*[:=]/.exec(frontMatter.slice(lineStart))?.[1];
  // The form labels each field with its key as the label's title.
  const label = key === undefined ? null : Array.from(region.querySelectorAll('label')).find((l) => l.title === key);
  const field = label?.control ?? region.querySelector<HTMLElement>('input, select, textarea, button');
  if (field instanceof HTMLElement) field.focus();
}


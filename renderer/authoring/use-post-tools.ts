/**
 * What the open post's tools share: the live check, the stats, the editor
 * handle they move, and the actions (jump to a problem or heading, apply fixes).
 * Mounted once per post (the post view is keyed by its path), so nothing here
 * guards against a path that changed underneath it.
 */
import { useCallback } from 'react';
import type { Problem } from '../../shared/check';
import { useApi } from '../app/api-context';
import type { DocumentStore, OpenPost } from '../document/document-store';
import { useEditorHandle, type EditorHandle } from '../editor/editor-handle';
import { mapOffset } from '../editor/map-offset';
import { applyEditsToParts, problemTarget } from '../problems/problem-target';
import { useProblems, type ProblemsState } from '../problems/use-problems';
import type { Heading, TextStats } from './text-stats';
import { useTextStats } from './use-text-stats';

/** How tools reach the front-matter form without searching the page for it. */
export interface FrontMatterAccess {
  /** Shows the form (or its source) and puts the caret on the block's offsets [start, end). */
  reveal(frontMatter: string, start: number, end: number): void;
}

export interface PostTools {
  editor: EditorHandle;
  problems: ProblemsState;
  stats: TextStats;
  jumpToProblem: (problem: Problem) => void;
  jumpToHeading: (heading: Heading) => void;
  applyFixes: (problems: readonly Problem[]) => void;
  /** Makes a caret fix's edits and puts the caret where the author finishes it (alt text). */
  placeCaret: (problem: Problem) => void;
}

export function usePostTools(store: DocumentStore, post: OpenPost, frontMatter: FrontMatterAccess): PostTools {
  const api = useApi();
  const editor = useEditorHandle();
  const problems = useProblems(api, post);
  const stats = useTextStats(post.body, post.path);

  // Actions read the latest text from the store: stable callbacks keep the panels from re-rendering on every keystroke.
  const jumpToProblem = useCallback(
    (problem: Problem) => {
      const body = store.getSnapshot().post?.body ?? '';
      const { checked } = problems;
      if (!checked) return;
      const target = problemTarget(problem, checked.frontMatterLength);
      if (target.area === 'front-matter') {
        frontMatter.reveal(checked.text.slice(0, checked.frontMatterLength), target.start, target.end);
        return;
      }
      // Typed since the check: follow the text the problem was found in to where it is now.
      const checkedBody = checked.text.slice(checked.frontMatterLength);
      const start = checkedBody === body ? target.start : mapOffset(checkedBody, body, target.start);
      const end = checkedBody === body ? target.end : mapOffset(checkedBody, body, target.end);
      editor.select(start, end);
    },
    [editor, store, problems, frontMatter],
  );

  const applyFixes = useCallback(
    (list: readonly Problem[]) => {
      const current = store.getSnapshot().post;
      // Offsets are those of the checked text; the panel only offers fixes while it is current.
      if (!current || problems.stale || !problems.checked) return;
      const { frontMatter: source, body } = current;
      const next = applyEditsToParts({ frontMatter: source, body }, list.flatMap((p) => p.fix?.edits ?? []));
      if (next.frontMatter !== source) store.setFrontMatter(next.frontMatter);
      if (next.body !== body) store.setBody(next.body);
    },
    [store, problems],
  );

  const placeCaret = useCallback(
    (problem: Problem) => {
      const current = store.getSnapshot().post;
      const fix = problem.caretFix;
      if (!current || !fix || problems.stale || !problems.checked) return;
      const split = current.frontMatter.length;
      // Only the body has an editor to put the caret in.
      if (fix.select.start < split) return;
      const start = fix.select.start - split;
      const end = fix.select.end - split;
      const next = applyEditsToParts({ frontMatter: current.frontMatter, body: current.body }, fix.edits);
      if (next.body === current.body) {
        editor.select(start, end);
        return;
      }
      store.setBody(next.body);
      editor.selectWhenShown(next.body, start, end);
    },
    [editor, store, problems],
  );

  const jumpToHeading = useCallback((heading: Heading) => editor.select(heading.offset), [editor]);

  return { editor, problems, stats, jumpToProblem, jumpToHeading, applyFixes, placeCaret };
}

import { ProblemsPanel, ProblemsToggle } from '../problems/ProblemsPanel';
import { OUTLINE_ID, OutlineNav, PostStats } from './OutlineNav';
import type { PostTools } from './use-post-tools';

/** For the document header: stats, and the buttons that show the panels ("Problems (3)", "Outline"). */
export function PostToolButtons({ tools }: { tools: PostTools }) {
  return (
    <>
      <PostStats words={tools.stats.words} minutes={tools.stats.minutes} />
      <ProblemsToggle state={tools.problems} expanded={tools.problemsShown} onToggle={tools.toggleProblems} />
      <button type="button" className="button" aria-expanded={tools.outlineShown} aria-controls={OUTLINE_ID} onClick={tools.toggleOutline}>
        Outline
      </button>
    </>
  );
}

/** Below the editor: the check results and the outline, each when shown. */
export function PostPanels({ tools, readOnly }: { tools: PostTools; readOnly: boolean }) {
  if (!tools.problemsShown && !tools.outlineShown) return null;
  return (
    <div className="document-panels">
      {tools.problemsShown && <ProblemsPanel state={tools.problems} onJump={tools.jumpToProblem} onFix={tools.applyFixes} readOnly={readOnly} />}
      {tools.outlineShown && <OutlineNav headings={tools.stats.headings} onJump={tools.jumpToHeading} />}
    </div>
  );
}

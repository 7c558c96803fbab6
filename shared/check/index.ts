/** The pre-publish check: problems in a post, with quick fixes where a fix is safe. */
export { checkPost, countBySeverity, byPosition } from './check-post';
export { applyEdits, applyFix, applyAllFixes } from './apply-fixes';
export { ruleSeverity } from './severity';
export { findMojibake, type MojibakeRun } from './mojibake';
export { localFileCandidates } from './local-files';
export { isDraft } from '../front-matter/post-document';
export { ruleIds, type CaretFix, type CheckInput, type Problem, type QuickFix, type RuleId, type Severity, type SiteFacts, type TextEdit } from './types';

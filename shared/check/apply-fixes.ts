/** Applies quick fixes to the text they were computed for. Overlapping edits after the first are dropped, never merged. */
import type { Problem, QuickFix, TextEdit } from './types';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) continue;
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

export function applyFix(text: string, fix: QuickFix): string {
  return applyEdits(text, fix.edits);
}

/** Every fix of these problems at once (e.g. "repair all mojibake"). */
export function applyAllFixes(text: string, problems: readonly Problem[]): string {
  return applyEdits(text, problems.flatMap((p) => p.fix?.edits ?? []));
}

/**
 * Inserting a block (an embed, a section, photos) into the post body at the
 * caret or at a drop position, with blank lines around it so Markdown reads
 * it as a block of its own. Through the textarea when the browser allows, so
 * Ctrl+Z takes it back like typing, as the authoring paste does.
 */
import type { EditorHandle } from '../editor/editor-handle';

export interface BodyAccess {
  handle: EditorHandle;
  /** The body as the editor holds it now. */
  body: () => string;
  setBody: (body: string) => void;
}

export interface InsertBlockOptions {
  /** A body offset (a drop); the caret or selection when absent. */
  at?: number;
  /** Where the caret goes, as an offset in `block`; after it when absent. */
  caret?: number;
  /** Leave the keyboard where it is (the Collected panel inserting several cards in a row). */
  keepFocus?: boolean;
}

/** Frames to wait for the editor to show text set through React state. */
const MAX_FRAMES = 30;

export function insertBlock(access: BodyAccess, block: string, options: InsertBlockOptions = {}): void {
  const { handle } = access;
  const text = access.body();
  const area = handle.textarea();
  const start = clamp(options.at ?? area?.selectionStart ?? text.length, text.length);
  const end = options.at === undefined ? clamp(Math.max(start, area?.selectionEnd ?? start), text.length) : start;
  const { before, after } = blockSpacing(text, start, end);
  const inserted = before + block + after;
  const caret = start + before.length + (options.caret ?? block.length);
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;

  if (handle.replace(start, end, inserted)) {
    if (options.keepFocus && focused && focused !== area && focused.isConnected) {
      area?.setSelectionRange(caret, caret);
      focused.focus();
    } else {
      handle.select(caret);
    }
    return;
  }
  const next = text.slice(0, start) + inserted + text.slice(end);
  access.setBody(next);
  if (!options.keepFocus) {
    handle.selectWhenShown(next, caret);
    return;
  }
  // Without moving focus: the caret still follows the insert, so the next card goes after this one.
  let frames = 0;
  const attempt = () => {
    const shown = handle.textarea();
    if (shown && shown.value === next) requestAnimationFrame(() => shown.setSelectionRange(caret, caret));
    else if (++frames < MAX_FRAMES) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

/**
 * Inserts blocks at several body offsets at once ("Insert all" filing cards
 * into sections) as one edit, so one Ctrl+Z takes it all back. Focus stays
 * where it is.
 */
export function insertPlacements(access: BodyAccess, placements: readonly { at: number; text: string }[]): void {
  if (placements.length === 0) return;
  const text = access.body();
  const sorted = [...placements].map((p) => ({ at: clamp(p.at, text.length), text: p.text })).sort((a, b) => a.at - b.at);
  const from = sorted[0]!.at;
  const to = sorted[sorted.length - 1]!.at;
  let middle = '';
  let at = from;
  for (const placement of sorted) {
    const { before, after } = blockSpacing(text, placement.at, placement.at);
    middle += text.slice(at, placement.at) + before + placement.text + after;
    at = placement.at;
  }
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = access.handle.textarea();
  if (access.handle.replace(from, to, middle + text.slice(at, to))) {
    if (focused && focused !== area && focused.isConnected) focused.focus();
    return;
  }
  access.setBody(text.slice(0, from) + middle + text.slice(at));
}

/**
 * The body becomes `next` as one edit through the textarea (only the span
 * between the first and the last change is replaced), so one Ctrl+Z takes a
 * whole "Archive tweets" back. Focus stays where it is.
 */
export function replaceBody(access: BodyAccess, next: string): void {
  const text = access.body();
  if (next === text) return;
  let start = 0;
  while (start < text.length && start < next.length && text[start] === next[start]) start++;
  let end = 0;
  while (end < text.length - start && end < next.length - start && text[text.length - 1 - end] === next[next.length - 1 - end]) end++;
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = access.handle.textarea();
  if (access.handle.replace(start, text.length - end, next.slice(start, next.length - end))) {
    if (focused && focused !== area && focused.isConnected) focused.focus();
    return;
  }
  access.setBody(next);
}

/** Blank lines before and after text[start, end) so a block there stands alone, adding none that are already there. */
export function blockSpacing(text: string, start: number, end: number): { before: string; after: string } {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const previousLineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  const previousBlank = lineStart === 0 || text.slice(previousLineStart, lineStart - 1).trim() === '';
  const before = text.slice(lineStart, start).trim() !== '' ? '\n\n' : previousBlank ? '' : '\n';

  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline;
  let after: string;
  if (text.slice(end, lineEnd).trim() !== '') after = '\n\n';
  else if (lineEnd === text.length) after = '\n';
  else {
    const nextEnd = text.indexOf('\n', lineEnd + 1);
    const nextLine = text.slice(lineEnd + 1, nextEnd === -1 ? text.length : nextEnd);
    after = nextLine.trim() === '' ? '' : '\n';
  }
  return { before, after };
}

function clamp(offset: number, length: number): number {
  return Math.max(0, Math.min(offset, length));
}

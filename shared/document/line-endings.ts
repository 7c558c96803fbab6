/**
 * The editor always works on `\n` text; the file keeps whatever line endings
 * it had. Saving maps the edited text back onto the original bytes so that
 * lines the author did not touch keep their exact endings.
 */
import type { LineEnding } from '../model';

export function detectLineEnding(text: string): LineEnding {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  if (crlf === 0 && lf === 0) return 'none';
  if (crlf > 0 && lf > 0) return 'mixed';
  return crlf > 0 ? 'crlf' : 'lf';
}

export function normalizeLineEndings(text: string): string {
  return text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
}

/**
 * Rebuilds the file text from `edited` (with `\n` endings) so that the
 * unchanged start and end keep the original's bytes exactly, and new lines in
 * the changed middle use the file's dominant ending.
 */
export function restoreLineEndings(original: string, edited: string): string {
  const ending = detectLineEnding(original);
  if (ending === 'lf' || ending === 'none') return edited;
  const normalized = normalizeLineEndings(original);
  if (normalized === edited) return original;

  let prefix = 0;
  const maxPrefix = Math.min(normalized.length, edited.length);
  while (prefix < maxPrefix && normalized.charCodeAt(prefix) === edited.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const maxSuffix = maxPrefix - prefix;
  while (
    suffix < maxSuffix &&
    normalized.charCodeAt(normalized.length - 1 - suffix) === edited.charCodeAt(edited.length - 1 - suffix)
  ) {
    suffix++;
  }

  const originalStart = toOriginalOffset(original, prefix);
  const originalEnd = toOriginalOffset(original, normalized.length - suffix);
  const crlfWins = ending === 'crlf' || countCrlf(original) * 2 >= countLines(original);
  const middle = edited.slice(prefix, edited.length - suffix);
  return original.slice(0, originalStart) + (crlfWins ? middle.replace(/\n/g, '\r\n') : middle) + original.slice(originalEnd);
}

/** Maps an offset in the normalised text to the offset in the original (which has extra `\r`s). */
function toOriginalOffset(original: string, normalizedOffset: number): number {
  let o = 0;
  let n = 0;
  while (n < normalizedOffset && o < original.length) {
    if (original.charCodeAt(o) === 13 && original.charCodeAt(o + 1) === 10) o++;
    o++;
    n++;
  }
  // An offset that lands between a `\r` and its `\n` belongs before the pair.
  return o;
}

function countCrlf(text: string): number {
  return text.split('\r\n').length - 1;
}

function countLines(text: string): number {
  return text.split('\n').length - 1;
}

/**
 * The preview follows the editor by source position: the editor's first
 * visible line is found by measuring where each line of the textarea's text
 * wraps (a hidden mirror with the textarea's font and width, measured once
 * per text and width), then the preview scrolls to the block whose source
 * lines contain it (`data-line` / `data-end-line` on each block).
 */
import { useEffect, useRef, type RefObject } from 'react';

interface LineTops {
  text: string;
  width: number;
  font: string;
  tops: number[];
}

let measured: LineTops | null = null;

/** Top of each line of `textarea`'s text, in px from the start of its content. */
function lineTops(textarea: HTMLTextAreaElement): number[] {
  const style = getComputedStyle(textarea);
  const width = textarea.clientWidth - parseFloat(style.paddingLeft || '0') - parseFloat(style.paddingRight || '0');
  const font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize}/${style.lineHeight} ${style.fontFamily}|${style.letterSpacing}|${style.tabSize}`;
  const text = textarea.value;
  if (measured && measured.text === text && measured.width === width && measured.font === font) return measured.tops;

  const mirror = document.createElement('div');
  Object.assign(mirror.style, {
    position: 'absolute',
    visibility: 'hidden',
    left: '-100000px',
    top: '0',
    width: `${width}px`,
    font: style.font,
    fontFamily: style.fontFamily,
    fontSize: style.fontSize,
    lineHeight: style.lineHeight,
    letterSpacing: style.letterSpacing,
    tabSize: style.tabSize,
    whiteSpace: 'pre-wrap',
    overflowWrap: style.overflowWrap || 'break-word',
    wordBreak: style.wordBreak,
  });
  const fragment = document.createDocumentFragment();
  for (const line of text.split('\n')) {
    const row = document.createElement('div');
    row.textContent = line === '' ? '\u200b' : line;
    fragment.appendChild(row);
  }
  mirror.appendChild(fragment);
  document.body.appendChild(mirror);
  const tops = Array.from(mirror.children, (row) => (row as HTMLElement).offsetTop);
  mirror.remove();
  measured = { text, width, font, tops };
  return tops;
}

/** The editor's first visible line as a fractional 1-based line number. */
export function firstVisibleLine(textarea: HTMLTextAreaElement, scroller: Element): number {
  const style = getComputedStyle(textarea);
  const y = scroller.getBoundingClientRect().top - textarea.getBoundingClientRect().top + textarea.scrollTop - parseFloat(style.paddingTop || '0');
  const tops = lineTops(textarea);
  if (tops.length === 0 || y <= 0) return 1;
  let low = 0;
  let high = tops.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (tops[mid]! <= y) low = mid;
    else high = mid - 1;
  }
  const top = tops[low]!;
  const next = tops[low + 1] ?? top + (parseFloat(style.lineHeight) || 20);
  return low + 1 + Math.min(1, Math.max(0, (y - top) / Math.max(1, next - top)));
}

/** Scrolls `container` so the block holding body line `line` is at the top, interpolating within the block. */
export function scrollPreviewToLine(container: HTMLElement, line: number): void {
  if (line <= 1) {
    // The top of the post, padding included.
    container.scrollTop = 0;
    return;
  }
  const blocks = container.querySelectorAll<HTMLElement>('[data-line]');
  let target: HTMLElement | null = null;
  for (const block of blocks) {
    if (Number(block.dataset.line) <= Math.floor(line)) target = block;
    else break;
  }
  if (!target) {
    container.scrollTop = 0;
    return;
  }
  const start = Number(target.dataset.line);
  const end = Number(target.dataset.endLine ?? start);
  const within = line > end + 1 ? 1 : Math.min(1, Math.max(0, (line - start) / (end - start + 1)));
  const top = target.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop;
  container.scrollTop = top + within * target.offsetHeight;
}

/** While the editor (inside `editorRoot`) scrolls, the preview (`previewRef`) follows. */
export function usePreviewFollowsEditor(editorRoot: RefObject<HTMLElement | null> | undefined, previewRef: RefObject<HTMLElement | null>): void {
  useEditorTopLine(editorRoot, (line) => {
    const preview = previewRef.current;
    if (preview) scrollPreviewToLine(preview, line);
  });
}

/** Calls `onLine` with the editor's first visible line (once per frame) while the editor inside `editorRoot` scrolls. */
export function useEditorTopLine(editorRoot: RefObject<HTMLElement | null> | undefined, onLine: (line: number) => void): void {
  const latest = useRef(onLine);
  useEffect(() => {
    latest.current = onLine;
  });
  useEffect(() => {
    if (!editorRoot) return;
    let frame = 0;
    // Listened for on the document, not on the editor's root: the root is set through a callback ref and may change
    // (or arrive later) without this effect running again, since the ref object stays the same.
    const onScroll = (event: Event) => {
      const root = editorRoot.current;
      const scroller = event.target;
      if (!root || !(scroller instanceof Element) || !root.contains(scroller)) return;
      // Only the element that scrolls the text counts: the editor also scrolls its highlighting overlay to match,
      // and that second event must not cancel the first one's frame.
      const textarea = root.querySelector('textarea');
      if (!textarea || !scroller.contains(textarea)) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => latest.current(firstVisibleLine(textarea, scroller)));
    };
    document.addEventListener('scroll', onScroll, true);
    return () => {
      document.removeEventListener('scroll', onScroll, true);
      cancelAnimationFrame(frame);
    };
  }, [editorRoot]);
}

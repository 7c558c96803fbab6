/**
 * Moves an editing textarea to a range: focus, select, and scroll the caret
 * into view. The Markdown editor grows its textarea to the text's height
 * inside a scrolling pane, so the browser's own focus scrolling does not
 * reach the caret; its position is measured on a hidden mirror instead.
 */

export function selectRange(textarea: HTMLTextAreaElement, start: number, end = start): void {
  const length = textarea.value.length;
  const from = Math.max(0, Math.min(start, length));
  const to = Math.max(from, Math.min(end, length));
  textarea.focus({ preventScroll: true });
  textarea.setSelectionRange(from, to);
  scrollToOffset(textarea, from);
}

function scrollToOffset(textarea: HTMLTextAreaElement, offset: number): void {
  const y = caretTop(textarea, offset);
  if (y === null) return;
  if (textarea.scrollHeight > textarea.clientHeight + 1) {
    textarea.scrollTop = Math.max(0, y - textarea.clientHeight / 3);
    return;
  }
  const pane = scrollingAncestor(textarea);
  if (!pane) return;
  const top = textarea.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop + y;
  pane.scrollTop = Math.max(0, top - pane.clientHeight / 3);
}

/** The caret's distance from the textarea's top edge, or null where nothing is laid out (tests). */
function caretTop(textarea: HTMLTextAreaElement, offset: number): number | null {
  if (textarea.clientWidth === 0) return null;
  const style = getComputedStyle(textarea);
  const mirror = document.createElement('div');
  for (const property of ['fontFamily', 'fontSize', 'fontWeight', 'lineHeight', 'letterSpacing', 'paddingTop', 'paddingLeft', 'paddingRight', 'boxSizing', 'tabSize', 'wordBreak', 'overflowWrap'] as const) {
    mirror.style[property] = style[property];
  }
  Object.assign(mirror.style, { position: 'absolute', visibility: 'hidden', whiteSpace: 'pre-wrap', top: '0', left: '-99999px', width: `${textarea.clientWidth}px` });
  mirror.textContent = textarea.value.slice(0, offset);
  const marker = document.createElement('span');
  marker.textContent = '\u200b';
  mirror.appendChild(marker);
  document.body.appendChild(mirror);
  const top = marker.offsetTop;
  mirror.remove();
  return top;
}

function scrollingAncestor(node: HTMLElement): HTMLElement | null {
  for (let parent = node.parentElement; parent; parent = parent.parentElement) {
    const { overflowY } = getComputedStyle(parent);
    if ((overflowY === 'auto' || overflowY === 'scroll') && parent.scrollHeight > parent.clientHeight + 1) return parent;
  }
  return null;
}

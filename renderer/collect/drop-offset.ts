/**
 * The text offset under a point in a textarea, for a card dropped on the
 * editor. Browsers answer caret-from-point only for ordinary text, so the
 * textarea's text is laid out once, invisibly, in a mirror exactly over it.
 */

const COPIED = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'lineHeight',
  'letterSpacing',
  'wordSpacing',
  'textIndent',
  'textTransform',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'boxSizing',
  'tabSize',
  'wordBreak',
  'overflowWrap',
] as const;

interface CaretDocument {
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
}

/** Null where nothing is laid out (tests) or the browser cannot tell; callers then use the caret. */
export function offsetFromPoint(textarea: HTMLTextAreaElement, x: number, y: number): number | null {
  const rect = textarea.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return null;
  const caretDoc = document as unknown as CaretDocument;
  if (!caretDoc.caretRangeFromPoint && !caretDoc.caretPositionFromPoint) return null;
  const style = getComputedStyle(textarea);
  const mirror = document.createElement('div');
  for (const property of COPIED) mirror.style[property] = style[property];
  Object.assign(mirror.style, {
    position: 'fixed',
    left: `${rect.left}px`,
    top: `${rect.top}px`,
    width: `${rect.width}px`,
    height: `${rect.height}px`,
    overflow: 'hidden',
    whiteSpace: 'pre-wrap',
    borderStyle: 'solid',
    borderColor: 'transparent',
    // Hit-testable (unlike visibility: hidden) yet unseen; it lives only for this call.
    opacity: '0',
    zIndex: '2147483647',
  });
  const content = document.createTextNode(textarea.value + '\u200b');
  mirror.appendChild(content);
  document.body.appendChild(mirror);
  mirror.scrollTop = textarea.scrollTop;
  try {
    if (caretDoc.caretPositionFromPoint) {
      const position = caretDoc.caretPositionFromPoint(x, y);
      return position && position.offsetNode === content ? Math.min(position.offset, textarea.value.length) : null;
    }
    const range = caretDoc.caretRangeFromPoint!(x, y);
    return range && range.startContainer === content ? Math.min(range.startOffset, textarea.value.length) : null;
  } finally {
    mirror.remove();
  }
}

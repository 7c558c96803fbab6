/**
 * What each line of the post is, for colouring the editor: headings, quotes,
 * list items, fenced code, and raw HTML blocks (tweet blockquotes, iframes,
 * scripts) that should stand apart and stay quiet. One linear pass with no
 * parser: it runs on every keystroke, and each line's spans are memoized by
 * its text and kind, so only changed lines are drawn again.
 */
export type LineKind = 'text' | 'heading' | 'quote' | 'list' | 'fence' | 'code' | 'html' | 'rule' | 'blank';

export interface LineInfo {
  text: string;
  kind: LineKind;
}

const HTML_BLOCK_START = /^\s{0,3}<\/?(?:blockquote|iframe|script|div|figure|figcaption|center|video|audio|table|details|summary|section|aside|style|p|ul|ol|li|h[1-6]|noscript|embed|object)\b/i;
const HTML_COMMENT = /^\s{0,3}<!--/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}#{1,6}(\s|$)/;
const QUOTE = /^\s{0,3}>/;
const LIST = /^\s*(?:[-*+]|\d{1,9}[.)])\s/;
const RULE = /^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/;

export function classifyLines(body: string): LineInfo[] {
  const lines = body.split('\n');
  const out: LineInfo[] = new Array<LineInfo>(lines.length);
  let fence: string | null = null;
  let html = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (fence !== null) {
      const close = FENCE.exec(text);
      if (close && close[1]!.startsWith(fence[0]!) && close[1]!.length >= fence.length) {
        fence = null;
        out[i] = { text, kind: 'fence' };
      } else out[i] = { text, kind: 'code' };
      continue;
    }
    if (text.trim() === '') {
      html = false;
      out[i] = { text, kind: 'blank' };
      continue;
    }
    // CommonMark: an HTML block runs until the next blank line.
    if (html || HTML_BLOCK_START.test(text) || HTML_COMMENT.test(text)) {
      html = true;
      out[i] = { text, kind: 'html' };
      continue;
    }
    const open = FENCE.exec(text);
    if (open) {
      fence = open[1]!;
      out[i] = { text, kind: 'fence' };
    } else if (HEADING.test(text)) out[i] = { text, kind: 'heading' };
    else if (RULE.test(text)) out[i] = { text, kind: 'rule' };
    else if (QUOTE.test(text)) out[i] = { text, kind: 'quote' };
    else if (LIST.test(text)) out[i] = { text, kind: 'list' };
    else out[i] = { text, kind: 'text' };
  }
  return out;
}

export type SpanKind = 'mark' | 'strong' | 'em' | 'code' | 'link' | 'url' | 'tag' | 'plain';

export interface Span {
  kind: SpanKind;
  text: string;
}

// Order matters: code first (nothing inside it is Markdown), then links, tags, emphasis.
const INLINE = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)|(!?\[)([^\]\n]*)(\]\()([^)\s]*)((?:\s+"[^"]*")?\))|(<\/?[A-Za-z][^>\n]*>)|(\*\*|__)(?=\S)([^*_\n]*?\S)\9|(\*|_)(?=[^\s*_])([^*_\n]*?[^\s*_])\12(?![A-Za-z0-9])|(https?:\/\/[^\s<>)\]]+)/g;

/** The inline spans of one line of prose. */
export function inlineSpans(text: string): Span[] {
  const spans: Span[] = [];
  let last = 0;
  INLINE.lastIndex = 0;
  for (let match = INLINE.exec(text); match; match = INLINE.exec(text)) {
    if (match.index > last) spans.push({ kind: 'plain', text: text.slice(last, match.index) });
    if (match[1] !== undefined) spans.push({ kind: 'code', text: match[0] });
    else if (match[3] !== undefined) {
      spans.push({ kind: 'mark', text: match[3] }, { kind: 'link', text: match[4]! }, { kind: 'mark', text: match[5]! }, { kind: 'url', text: match[6]! }, { kind: 'mark', text: match[7]! });
    } else if (match[8] !== undefined) spans.push({ kind: 'tag', text: match[8] });
    else if (match[9] !== undefined) spans.push({ kind: 'mark', text: match[9] }, { kind: 'strong', text: match[10]! }, { kind: 'mark', text: match[9] });
    else if (match[12] !== undefined) spans.push({ kind: 'mark', text: match[12] }, { kind: 'em', text: match[13]! }, { kind: 'mark', text: match[12] });
    else spans.push({ kind: 'url', text: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) spans.push({ kind: 'plain', text: text.slice(last) });
  return spans;
}

/** A line's leading marker ("## ", "> ", "- ", "1. "), shown quieter than its text. */
export function leadingMarker(kind: LineKind, text: string): number {
  const pattern = kind === 'heading' ? /^\s{0,3}#{1,6}\s*/ : kind === 'quote' ? /^\s{0,3}(?:>\s?)+/ : kind === 'list' ? /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s)?/ : null;
  return pattern?.exec(text)?.[0].length ?? 0;
}

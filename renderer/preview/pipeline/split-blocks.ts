/**
 * Splits a post body into top-level blocks, separated by blank lines, so the
 * preview re-renders only the blocks that changed. The split never cuts a
 * construct a blank line does not end: fenced code, HTML comments, Liquid
 * and Hugo code blocks, and open HTML containers (`<details>`, `<div>`,
 * `<figure>`…). An indented chunk joins the one before it (a list item's
 * second paragraph, indented code after a paragraph), and consecutive list
 * chunks stay one list, so each block parses as it would in the whole post.
 */

export interface SourceBlock {
  text: string;
  /** 1-based line of the body where the block starts. */
  line: number;
  /** 1-based last line of the block (inclusive). */
  endLine: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CONTAINERS = 'details|div|figure|table|section|aside|blockquote|center|article|dl|ul|ol|picture|video|audio|nav|header|footer|main';
const CONTAINER_TAG = new RegExp(`<(/?)(${CONTAINERS})(?=[\\s>/])`, 'gi');
const CODE_TAG_START = /^\s*(\{%-?\s*(highlight|raw|comment)\b[^%]*%\}|\{\{<\s*highlight\b[^>]*>\}\})/;
const CODE_TAG_END: Record<string, RegExp> = {
  highlight: /\{%-?\s*endhighlight\s*-?%\}|\{\{<\s*\/\s*highlight\s*>\}\}/,
  raw: /\{%-?\s*endraw\s*-?%\}/,
  comment: /\{%-?\s*endcomment\s*-?%\}/,
};
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
/** An unclosed `<div>` must not swallow the rest of a long post: past this many lines the block ends anyway. */
const MAX_HTML_SPAN = 400;

interface Chunk {
  lines: string[];
  line: number;
}

export function splitBlocks(body: string): SourceBlock[] {
  const lines = body.split('\n');
  const chunks: Chunk[] = [];
  let current: Chunk | null = null;
  let fence: { char: string; length: number } | null = null;
  let codeTagEnd: RegExp | null = null;
  let inComment = false;
  /** Open HTML containers, innermost last. */
  let html: string[] = [];
  let htmlSince = 0;
  const closesAt = closingLines(lines);
  // A container whose closing tag never comes (`<math><mtext><table>`) ends at the blank line, so it cannot hide the blocks after it.
  const closesLater = (name: string, index: number) => (closesAt.get(name) ?? -1) > index;

  lines.forEach((text, index) => {
    const blank = text.trim() === '';
    const htmlOpen = html.length > 0 && index - htmlSince < MAX_HTML_SPAN && closesLater(html[html.length - 1]!, index);
    const open = fence !== null || codeTagEnd !== null || inComment || htmlOpen;
    if (blank && !open) {
      if (current) chunks.push(current);
      current = null;
      html = [];
      return;
    }
    current ??= { lines: [], line: index + 1 };
    current.lines.push(text);

    if (fence) {
      const close = FENCE.exec(text);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && text.trim() === close[1]) fence = null;
      return;
    }
    if (codeTagEnd) {
      if (codeTagEnd.test(text)) codeTagEnd = null;
      return;
    }
    if (inComment) {
      if (text.includes('-->')) inComment = false;
      return;
    }
    const opening = FENCE.exec(text);
    if (opening) {
      fence = { char: opening[1]![0]!, length: opening[1]!.length };
      return;
    }
    const codeTag = CODE_TAG_START.exec(text);
    if (codeTag) {
      const name = codeTag[2] ?? 'highlight';
      const end = CODE_TAG_END[name]!;
      if (!end.test(text.slice(codeTag.index + codeTag[0].length))) codeTagEnd = end;
      return;
    }
    const commentAt = text.lastIndexOf('<!--');
    if (commentAt !== -1 && !text.includes('-->', commentAt + 4)) inComment = true;
    const before = html.length;
    CONTAINER_TAG.lastIndex = 0;
    for (let tag = CONTAINER_TAG.exec(text); tag; tag = CONTAINER_TAG.exec(text)) {
      const name = tag[2]!.toLowerCase();
      if (!tag[1]) html.push(name);
      else if (html.lastIndexOf(name) !== -1) html = html.slice(0, html.lastIndexOf(name));
    }
    if (before === 0 && html.length > 0) htmlSince = index;
  });
  if (current) chunks.push(current);
  return mergeContinuations(chunks, lines);
}

/** The last line (0-based) on which each container's closing tag appears. */
function closingLines(lines: readonly string[]): Map<string, number> {
  const last = new Map<string, number>();
  const close = new RegExp(`</(${CONTAINERS})\\s*>`, 'gi');
  lines.forEach((text, index) => {
    if (!text.includes('</')) return;
    close.lastIndex = 0;
    for (let tag = close.exec(text); tag; tag = close.exec(text)) last.set(tag[1]!.toLowerCase(), index);
  });
  return last;
}

function mergeContinuations(chunks: Chunk[], lines: string[]): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let previousIsList = false;
  for (const chunk of chunks) {
    const first = chunk.lines[0] ?? '';
    const isList = LIST_ITEM.test(first);
    const last = blocks[blocks.length - 1];
    const continues = last !== undefined && (/^[ \t]/.test(first) || (isList && previousIsList));
    const endLine = chunk.line + chunk.lines.length - 1;
    if (continues) {
      // Keep the blank lines between them: a loose list or an indented continuation needs them.
      last.text = lines.slice(last.line - 1, endLine).join('\n');
      last.endLine = endLine;
    } else {
      blocks.push({ text: chunk.lines.join('\n'), line: chunk.line, endLine });
      previousIsList = isList;
    }
  }
  return blocks;
}

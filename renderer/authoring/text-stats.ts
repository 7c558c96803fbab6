/**
 * Word count, reading time and the outline of a post's body, from the text
 * alone (no Markdown parse: this runs again a moment after each pause in typing).
 */

/** Adult silent reading of non-fiction, the figure blogs commonly use. */
export const WORDS_PER_MINUTE = 230;

export interface Heading {
  level: number;
  text: string;
  /** Offset of the heading's line in the body. */
  offset: number;
}

export interface TextStats {
  words: number;
  /** Whole minutes, at least 1 once there is a word. */
  minutes: number;
  headings: Heading[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
/** Markup that is not prose: HTML tags, Liquid and shortcode tags, link targets. */
const NOT_WORDS = /<[^>]*>|\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}|\]\([^)]*\)|https?:\/\/\S+/g;
/** A word: letters and digits, joined by apostrophes, dots or hyphens; each CJK character counts as one. */
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export function textStats(body: string): TextStats {
  const headings: Heading[] = [];
  let fence: string | null = null;
  let offset = 0;
  let previous: { text: string; offset: number } | null = null;
  const prose: string[] = [];
  for (const line of body.split('\n')) {
    const lineOffset = offset;
    offset += line.length + 1;
    const fenceMatch = FENCE.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = null;
      previous = null;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      previous = null;
      continue;
    }
    prose.push(line);
    const atx = ATX.exec(line);
    if (atx) {
      headings.push({ level: atx[1]!.length, text: inlineText(atx[2] ?? ''), offset: lineOffset });
      previous = null;
      continue;
    }
    const setext = SETEXT.exec(line);
    if (setext && previous) {
      headings.push({ level: setext[1]![0] === '=' ? 1 : 2, text: inlineText(previous.text), offset: previous.offset });
      previous = null;
      continue;
    }
    // Only a single plain line of text can be underlined into a heading here; good enough for an outline.
    previous = line.trim() !== '' && !/^\s*([<>*+-]|\d+[.)]|\|)/.test(line) ? { text: line, offset: lineOffset } : null;
  }
  const words = prose.join('\n').replace(NOT_WORDS, ' ').match(WORD)?.length ?? 0;
  return { words, minutes: words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE)), headings: headings.filter((h) => h.text !== '') };
}

/** A heading as a reader sees it: link text without targets, no emphasis marks or tags. */
function inlineText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}

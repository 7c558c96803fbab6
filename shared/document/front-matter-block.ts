/**
 * Finds the front-matter block at the start of a post without parsing it.
 * The split is exact: `block.raw + body === text`, so the editor can show
 * and edit either part and the file is rebuilt byte for byte.
 */

export type BlockLanguage = 'yaml' | 'toml' | 'json' | 'unsupported';

export interface FrontMatterBlock {
  language: BlockLanguage;
  /** The language named after the opening fence (`---js`), lower-cased, or '' when none. */
  declared: string;
  /** The whole block: opening fence, content, closing fence and its line break. */
  raw: string;
  /** Just the content between the fences. */
  content: string;
  /** 1-based line in the file where the content starts (the line after the opening fence). */
  contentLine: number;
  closed: boolean;
}

export interface SplitDocument {
  block: FrontMatterBlock | null;
  body: string;
}

const YAML_NAMES = new Set(['', 'yaml', 'yml']);
const CODE_NAMES = new Set(['js', 'javascript', 'coffee', 'coffeescript', 'cson']);

export function splitFrontMatter(text: string): SplitDocument {
  const firstBreak = text.indexOf('\n');
  const firstLine = stripCr(firstBreak === -1 ? text : text.slice(0, firstBreak));

  let fence: string;
  let declared = '';
  let language: BlockLanguage;
  if (firstLine.startsWith('---')) {
    declared = firstLine.slice(3).trim().toLowerCase();
    if (/^-/.test(declared)) return { block: null, body: text }; // `----` is a thematic break, not a fence
    fence = '---';
    language = YAML_NAMES.has(declared)
      ? 'yaml'
      : declared === 'toml'
        ? 'toml'
        : declared === 'json'
          ? 'json'
          : 'unsupported';
  } else if (firstLine.trimEnd() === '+++') {
    fence = '+++';
    language = 'toml';
  } else if (firstLine.trimEnd() === '{') {
    return splitJson(text);
  } else {
    return { block: null, body: text };
  }
  if (CODE_NAMES.has(declared)) language = 'unsupported';

  // Find the closing fence: a line that is exactly the fence (YAML also allows `...`).
  let lineStart = firstBreak === -1 ? text.length : firstBreak + 1;
  while (lineStart < text.length) {
    const nextBreak = text.indexOf('\n', lineStart);
    const lineEnd = nextBreak === -1 ? text.length : nextBreak;
    const line = stripCr(text.slice(lineStart, lineEnd)).trimEnd();
    if (line === fence || (fence === '---' && line === '...')) {
      const end = nextBreak === -1 ? text.length : nextBreak + 1;
      return {
        block: {
          language,
          declared,
          raw: text.slice(0, end),
          content: text.slice(firstBreak + 1, lineStart),
          contentLine: 2,
          closed: true,
        },
        body: text.slice(end),
      };
    }
    lineStart = lineEnd + 1;
  }
  return {
    block: { language, declared, raw: text, content: text.slice(firstBreak + 1), contentLine: 2, closed: false },
    body: '',
  };
}

function splitJson(text: string): SplitDocument {
  // Hugo's JSON front matter: an object starting on the first line, ending at a line that is `}`.
  const match = /\n\}[ \t]*\r?\n|\n\}[ \t]*$/.exec(text);
  if (!match) {
    return { block: { language: 'json', declared: 'json', raw: text, content: text, contentLine: 1, closed: false }, body: '' };
  }
  const end = match.index + match[0].length;
  const raw = text.slice(0, end);
  return {
    block: { language: 'json', declared: 'json', raw, content: raw.trimEnd(), contentLine: 1, closed: true },
    body: text.slice(end),
  };
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/**
 * The document model of a post: the exact front-matter block plus the body,
 * and the block's values when they can be read. `serializePost(parsePost(t))`
 * is `t` byte for byte; edits go through edit-front-matter.ts.
 */
import { splitFrontMatter, type FrontMatterBlock } from '../document/front-matter-block';
import type { FrontMatterLanguage, FrontMatterValue } from '../model';
import type { FrontMatterData } from './field-path';
import { FrontMatterSyntaxError, parseJson, parseToml, parseYaml } from './parse-values';

export interface PostFrontMatterError {
  message: string;
  /** 1-based line in the post. */
  line?: number;
}

export interface ParsedPost {
  block: FrontMatterBlock | null;
  body: string;
  language: FrontMatterLanguage | null;
  /** Null when there is a block that cannot be read (see `error`). */
  data: FrontMatterData | null;
  error: PostFrontMatterError | null;
  /** Offset of `block.content` inside the post text. */
  contentStart: number;
}

const CODE_LANGUAGES: Record<string, string> = { js: 'JavaScript', javascript: 'JavaScript', coffee: 'CoffeeScript', coffeescript: 'CoffeeScript', cson: 'CSON' };

/** Parses a block's content; lines in its errors count from the content's first line. */
export type ContentParser = (language: FrontMatterLanguage, content: string, block: FrontMatterBlock) => FrontMatterData;

/**
 * Splits and reads a post. The one place that decides what a readable front
 * matter is and what each failure says; `parseContent` lets the Node side
 * read values through gray-matter while the renderer uses the same rules.
 */
export function parsePost(text: string, parseContent: ContentParser = parseBlockContent): ParsedPost {
  const { block, body } = splitFrontMatter(text);
  if (!block) return { block, body, language: null, data: {}, error: null, contentStart: 0 };
  const language = block.language === 'unsupported' ? null : block.language;
  const contentStart = block.language === 'json' ? 0 : block.raw.indexOf('\n') + 1;
  const failed = (error: PostFrontMatterError): ParsedPost => ({ block, body, language, data: null, error, contentStart });

  if (!block.closed) {
    const fence = block.language === 'json' ? '}' : block.raw.startsWith('+++') ? '+++' : '---';
    return failed({ message: `The front matter is never closed: add a line with ${fence} after it.`, line: 1 });
  }
  if (block.language === 'unsupported') {
    const code = CODE_LANGUAGES[block.declared];
    return failed({
      message: code
        ? `Front matter written in ${code} is not supported: it would run code. Use YAML (---), TOML (+++) or JSON.`
        : `Front matter language "${block.declared}" is not supported. Use YAML (---), TOML (+++) or JSON.`,
      line: 1,
    });
  }
  try {
    return { block, body, language, data: parseContent(block.language, block.content, block), error: null, contentStart };
  } catch (error) {
    if (!(error instanceof FrontMatterSyntaxError)) throw error;
    return failed(error.line === undefined ? { message: error.message } : { message: error.message, line: block.contentLine - 1 + error.line });
  }
}

export function parseBlockContent(language: FrontMatterLanguage, content: string): FrontMatterData {
  return language === 'yaml' ? parseYaml(content) : language === 'toml' ? parseToml(content) : parseJson(content);
}

/** Jekyll's `_drafts/`, or `draft: true` / `published: false` in the front matter. */
export function isDraft(path: string, data: Record<string, FrontMatterValue> | null): boolean {
  if (path.split('/').includes('_drafts')) return true;
  return data?.draft === true || data?.published === false;
}

/** The post text again: block and body as they were. */
export function serializePost(post: Pick<ParsedPost, 'block' | 'body'>): string {
  return (post.block?.raw ?? '') + post.body;
}

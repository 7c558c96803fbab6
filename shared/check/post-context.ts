/**
 * Everything the rules read about one post, computed once: the front-matter
 * split and values, the Markdown tree, code ranges, HTML tags and embeds, all
 * with offsets in the whole file so every problem points at the file's line.
 */
import type { Root } from 'mdast';
import { splitFrontMatter, type FrontMatterBlock } from '../document/front-matter-block';
import { LineIndex } from '../document/line-index';
import { findEmbeds } from '../embeds/find-embeds';
import type { Embed } from '../embeds/types';
import { FrontMatterSyntaxError, parseJson, parseToml, parseYaml } from '../front-matter/parse-values';
import { scanTags, type HtmlTag, type SkipRange } from '../html/tags';
import { codeRanges, parseMarkdown } from '../markdown/parse-markdown';
import type { FrontMatterValue } from '../model';
import { ruleSeverity } from './severity';
import type { CheckInput, Problem, QuickFix, RuleId, Severity } from './types';

export interface FrontMatterState {
  block: FrontMatterBlock;
  /** Offset of the block's content in the file. */
  contentStart: number;
  /** Parsed values, or null when the block could not be read. */
  data: Record<string, FrontMatterValue> | null;
  error: { message: string; line?: number } | null;
}

export interface PostContext {
  input: CheckInput;
  text: string;
  lines: LineIndex;
  /** Offset where the Markdown body starts (after the front matter). */
  bodyStart: number;
  frontMatter: FrontMatterState | null;
  /** The body's Markdown tree; its offsets are body offsets (add bodyStart). */
  markdown: Root;
  /** Code blocks/spans and the front matter, in file offsets: no HTML or embeds there. */
  skip: SkipRange[];
  tags: HtmlTag[];
  embeds: Embed[];
  draft: boolean;
}

export function buildPostContext(input: CheckInput): PostContext {
  const { text } = input;
  const lines = new LineIndex(text);
  const { block, body } = splitFrontMatter(text);
  const bodyStart = text.length - body.length;
  const frontMatter = block ? readFrontMatter(block, text) : null;
  const markdown = parseMarkdown(body);
  const skip: SkipRange[] = [...(bodyStart > 0 ? [[0, bodyStart] as const] : []), ...codeRanges(markdown, bodyStart)];
  const tags = scanTags(text, skip);
  const embeds = findEmbeds(text, { skip, tags, lines });
  return { input, text, lines, bodyStart, frontMatter, markdown, skip, tags, embeds, draft: isDraft(input.path, frontMatter?.data ?? null) };
}

function readFrontMatter(block: FrontMatterBlock, text: string): FrontMatterState {
  const contentStart = block.contentLine === 1 ? 0 : text.indexOf('\n') + 1;
  const state: FrontMatterState = { block, contentStart, data: null, error: null };
  if (!block.closed) {
    state.error = { message: 'The front matter is never closed: add the closing fence line after the last field.', line: 1 };
    return state;
  }
  if (block.language === 'unsupported') {
    state.error = { message: `Front matter written in "${block.declared}" is not supported; use YAML, TOML or JSON.`, line: 1 };
    return state;
  }
  try {
    state.data = block.language === 'yaml' ? parseYaml(block.content) : block.language === 'toml' ? parseToml(block.content) : parseJson(block.content);
  } catch (error) {
    if (!(error instanceof FrontMatterSyntaxError)) throw error;
    state.error = { message: error.message, ...(error.line === undefined ? {} : { line: block.contentLine + error.line - 1 }) };
  }
  return state;
}

/** Jekyll's `_drafts/`, or `draft: true` / `published: false` in the front matter. */
export function isDraft(path: string, data: Record<string, FrontMatterValue> | null): boolean {
  if (path.split('/').includes('_drafts')) return true;
  return data?.draft === true || data?.published === false;
}

/** A problem at [offset, offset + length) in the file, with the rule's severity unless given. */
export function problemAt(context: PostContext, rule: RuleId, offset: number, length: number, message: string, fix?: QuickFix, severity: Severity = ruleSeverity[rule]): Problem {
  const { line, column } = context.lines.point(offset);
  const problem: Problem = { rule, severity, line, column, message, offset, length };
  if (fix) problem.fix = fix;
  return problem;
}

/**
 * Everything the rules read about one post, computed once: the front-matter
 * split and values, the Markdown tree, code ranges, HTML tags and embeds, all
 * with offsets in the whole file so every problem points at the file's line.
 */
import type { Root } from 'mdast';
import type { FrontMatterBlock } from '../document/front-matter-block';
import { LineIndex } from '../document/line-index';
import { findEmbeds } from '../embeds/find-embeds';
import type { Embed } from '../embeds/types';
import { isDraft, parsePost } from '../front-matter/post-document';
import { scanTags, type HtmlTag, type SkipRange } from '../html/tags';
import { codeRanges, parseMarkdown } from '../markdown/parse-markdown';
import type { FrontMatterValue } from '../model';
import { mdxView } from './mdx';
import { ruleSeverity } from './severity';
import { templateCodeRanges } from './template-code';
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
  const post = parsePost(text);
  const { body } = post;
  const bodyStart = text.length - body.length;
  const frontMatter: FrontMatterState | null = post.block ? { block: post.block, contentStart: post.contentStart, data: post.data, error: post.error } : null;
  // MDX: imports, JSX components and {expressions} are code, and the Markdown is what lies between them.
  const mdx = MDX_FILE.test(input.path) ? mdxView(body) : null;
  const markdown = parseMarkdown(mdx ? mdx.markdown : body);
  const script = (mdx?.script ?? []).map(([start, end]): SkipRange => [start + bodyStart, end + bodyStart]);
  const skip = mergeRanges([...(bodyStart > 0 ? [[0, bodyStart] as const] : []), ...codeRanges(markdown, bodyStart), ...templateCodeRanges(body, bodyStart), ...script]);
  const tags = scanTags(text, skip);
  const embeds = findEmbeds(text, { skip, tags, lines });
  return { input, text, lines, bodyStart, frontMatter, markdown, skip, tags, embeds, draft: isDraft(input.path, frontMatter?.data ?? null) };
}

const MDX_FILE = /\.mdx$/i;

/** Sorted, non-overlapping: the range lookups search them by bisection. */
function mergeRanges(ranges: SkipRange[]): SkipRange[] {
  const merged: [number, number][] = [];
  for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** A problem at [offset, offset + length) in the file, with the rule's severity unless given. */
export function problemAt(context: PostContext, rule: RuleId, offset: number, length: number, message: string, fix?: QuickFix, severity: Severity = ruleSeverity[rule]): Problem {
  const { line, column } = context.lines.point(offset);
  const problem: Problem = { rule, severity, line, column, message, offset, length };
  if (fix) problem.fix = fix;
  return problem;
}

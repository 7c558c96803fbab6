/**
 * duplicate-script: the same external script included more than once (Twitter's
 * widgets.js after every tweet). The first stays; each repeat is reported
 * with a fix that removes it.
 */
import { attribute } from '../../html/tags';
import { problemAt, type PostContext } from '../post-context';
import type { Problem, TextEdit } from '../types';

export function checkDuplicateScripts(context: PostContext): Problem[] {
  const problems: Problem[] = [];
  const groups = new Map<string, { start: number; end: number }[]>();
  for (const tag of context.tags) {
    if (tag.name !== 'script' || tag.closing) continue;
    const src = attribute(tag, 'src')?.value?.trim();
    if (!src) continue;
    // http:, https: and protocol-relative spellings load the same script.
    const key = src.replace(/^(https?:)?\/\//i, '//').toLowerCase();
    const list = groups.get(key) ?? [];
    list.push({ start: tag.start, end: tag.rawText?.elementEnd ?? tag.end });
    groups.set(key, list);
  }
  for (const [key, scripts] of groups) {
    if (scripts.length < 2) continue;
    const name = key.split('/').pop() || key;
    const firstLine = context.lines.point(scripts[0]!.start).line;
    for (const script of scripts.slice(1)) {
      problems.push(
        problemAt(context, 'duplicate-script', script.start, script.end - script.start, `${name} is included ${scripts.length} times in this post (first on line ${firstLine}); once is enough.`, {
          title: `Remove this repeated ${name}`,
          edits: [removal(context.text, script.start, script.end)],
        }),
      );
    }
  }
  return problems;
}

/** Removes [start, end) with the spaces before it; when nothing else is left on the line, the whole line goes. */
export function removal(text: string, start: number, end: number): TextEdit {
  let from = start;
  while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  let to = end;
  while (to < text.length && (text[to] === ' ' || text[to] === '\t')) to++;
  const lineStart = from === 0 || text[from - 1] === '\n';
  const lineEnd = to === text.length || text[to] === '\n';
  if (lineStart && lineEnd) return { start: from, end: Math.min(text.length, to + 1), text: '' };
  return { start: from, end: lineEnd ? to : end, text: '' };
}

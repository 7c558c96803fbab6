/**
 * Problems carry offsets in the whole file; the editor shows the file in two
 * parts, front matter (its own textbox) and body ("Markdown"). These map a
 * problem and a fix's edits onto the part they belong to.
 */
import { applyEdits, type Problem, type RuleId, type TextEdit } from '../../shared/check';

export interface PostParts {
  frontMatter: string;
  body: string;
}

export interface ProblemTarget {
  area: 'front-matter' | 'body';
  start: number;
  end: number;
}

export function problemTarget(problem: Problem, frontMatterLength: number): ProblemTarget {
  const end = problem.offset + Math.max(0, problem.length);
  if (problem.offset < frontMatterLength) return { area: 'front-matter', start: problem.offset, end: Math.min(end, frontMatterLength) };
  return { area: 'body', start: problem.offset - frontMatterLength, end: end - frontMatterLength };
}

/**
 * Applies edits computed on `frontMatter + body` to each part. An edit across
 * the boundary would move the fence: it is left out rather than guessed.
 */
export function applyEditsToParts(parts: PostParts, edits: readonly TextEdit[]): PostParts {
  const split = parts.frontMatter.length;
  const inFrontMatter = edits.filter((e) => e.end <= split && e.start < split);
  const inBody = edits.filter((e) => e.start >= split).map((e) => ({ start: e.start - split, end: e.end - split, text: e.text }));
  return {
    frontMatter: inFrontMatter.length > 0 ? applyEdits(parts.frontMatter, inFrontMatter) : parts.frontMatter,
    body: inBody.length > 0 ? applyEdits(parts.body, inBody) : parts.body,
  };
}

/** Whether `frontMatter + body` is exactly `text`, without building the joined string (runs on every render). */
export function partsEqual(parts: PostParts, text: string): boolean {
  const { frontMatter, body } = parts;
  return text.length === frontMatter.length + body.length && text.startsWith(frontMatter) && text.endsWith(body);
}

/** Fixes of one rule applied together, named for what they do to the post. */
export interface FixGroup {
  rule: RuleId;
  label: string;
  problems: Problem[];
}

const GROUP_LABELS: Partial<Record<RuleId, string>> = {
  mojibake: 'Repair emoji',
  'duplicate-script': 'Keep one widgets.js',
  'insecure-url': 'Use https',
};

export function fixGroups(problems: readonly Problem[]): FixGroup[] {
  const groups = new Map<RuleId, Problem[]>();
  for (const problem of problems) {
    if (!problem.fix) continue;
    const list = groups.get(problem.rule) ?? [];
    list.push(problem);
    groups.set(problem.rule, list);
  }
  return [...groups].map(([rule, list]) => ({ rule, label: groupLabel(rule, list), problems: list }));
}

function groupLabel(rule: RuleId, problems: readonly Problem[]): string {
  if (rule === 'duplicate-script' && !problems.every((p) => p.message.includes('widgets.js'))) return 'Remove repeated scripts';
  return GROUP_LABELS[rule] ?? `Fix all ${rule}`;
}

/**
 * The pre-publish check of one post: every rule over one shared parse,
 * problems sorted by position. Pure: the caller says which site files exist.
 */
import { buildPostContext } from './post-context';
import { checkDuplicateScripts } from './rules/duplicate-script';
import { checkEmbeds } from './rules/embeds';
import { checkMojibake } from './rules/encoding';
import { checkFrontMatter } from './rules/front-matter';
import { checkInsecureUrls } from './rules/insecure-url';
import { checkInvalidDates } from './rules/invalid-date';
import { checkLinksAndImages } from './rules/links-and-images';
import { checkUnsafeHtml } from './rules/unsafe-html';
import { checkShareDescription } from './rules/share-description';
import { checkShareImage } from './rules/share-image';
import { checkShareTitle } from './rules/share-title';
import type { CheckInput, Problem } from './types';

const rules = [checkFrontMatter, checkLinksAndImages, checkUnsafeHtml, checkInsecureUrls, checkDuplicateScripts, checkMojibake, checkEmbeds, checkInvalidDates, checkShareTitle, checkShareDescription, checkShareImage];

export function checkPost(input: CheckInput): Problem[] {
  const context = buildPostContext(input);
  return rules.flatMap((rule) => rule(context)).sort(byPosition);
}

export function byPosition(a: Problem, b: Problem): number {
  return a.offset - b.offset || a.rule.localeCompare(b.rule);
}

export function countBySeverity(problems: readonly Problem[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const p of problems) {
    if (p.severity === 'error') errors++;
    else if (p.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

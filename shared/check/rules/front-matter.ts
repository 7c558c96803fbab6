/**
 * invalid-front-matter, required-field, unknown-value and filename-date:
 * the post's fields against the syntax, the site's schema and its file name.
 */
import { fileNameDate } from '../../document/file-name-date';
import { postGroup } from '../../front-matter/post-group';
import type { FieldSchema } from '../../front-matter/schema';
import type { FrontMatterValue } from '../../model';
import { problemAt, type PostContext } from '../post-context';
import type { Problem } from '../types';
import { frontMatterKeyOffset, frontMatterRawValue, frontMatterValueOffset } from './front-matter-positions';

const WRITTEN_DATE = /^["']?(\d{4}-\d{2}-\d{2})/;

export function checkFrontMatter(context: PostContext): Problem[] {
  const problems: Problem[] = [];
  const fm = context.frontMatter;
  if (fm?.error) {
    const line = fm.error.line ?? 1;
    const offset = context.lines.lineStart(line);
    const lineEnd = context.text.indexOf('\n', offset);
    // `---js` builds on Eleventy; Recap only refuses to run it, so its fields go unchecked but nothing is broken.
    const severity = fm.block.language === 'unsupported' ? 'warning' : undefined;
    problems.push(problemAt(context, 'invalid-front-matter', offset, (lineEnd === -1 ? context.text.length : lineEnd) - offset, fm.error.message, undefined, severity));
    return problems; // the fields cannot be judged until the block parses
  }
  const data = fm?.data ?? {};
  const fileDate = fileNameDate(context.input.path.split('/').pop() ?? '');
  for (const field of context.input.schema?.fields ?? []) {
    checkRequired(context, field, data, fileDate, problems);
    checkChoices(context, field, data[field.key], problems);
  }
  checkFilenameDate(context, fileDate, problems);
  return problems;
}

function isEmpty(value: FrontMatterValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/**
 * Required where the site says so (`.recap.json`: an error), or where this
 * page's siblings all but always set it (a warning: inferred, it may be
 * wrong). Pages whose siblings do not use the field are never asked for it.
 */
function checkRequired(context: PostContext, field: FieldSchema, data: Record<string, FrontMatterValue>, fileDate: string | null, problems: Problem[]): void {
  if (!isEmpty(data[field.key])) return;
  const groups = context.input.schema?.groups;
  const siblingsSetIt = groups ? (groups[postGroup(context.input.path, context.frontMatter?.data ?? null)]?.required.includes(field.key) ?? false) : field.required;
  if (!field.declaredRequired && !siblingsSetIt) return;
  // A draft has no date until it is published; a dated file name is the date for Jekyll and Zola.
  if (field.key === 'date' && (context.draft || fileDate)) return;
  const keyAt = frontMatterKeyOffset(context, field.key);
  const where = field.declaredRequired ? 'is required on this site' : 'is set on the other pages like this one';
  const message = `The field "${field.key}" (${field.label}) ${where} but ${keyAt === null ? 'missing' : 'empty'} here.`;
  // Drafts may be unfinished: say what publishing needs without failing the check.
  const severity = context.draft ? 'info' : field.declaredRequired ? 'error' : 'warning';
  problems.push(problemAt(context, 'required-field', keyAt ?? 0, keyAt === null ? 0 : field.key.length, message, undefined, severity));
}

function checkChoices(context: PostContext, field: FieldSchema, value: FrontMatterValue | undefined, problems: Problem[]): void {
  if (!field.choices || field.choices.length === 0 || isEmpty(value)) return;
  const values = Array.isArray(value) ? value : [value];
  for (const item of values) {
    if (typeof item !== 'string' && typeof item !== 'number') continue;
    const written = String(item);
    if (field.choices.includes(written)) continue;
    const at = frontMatterValueOffset(context, field.key, written) ?? 0;
    const choices = field.choices.length <= 8 ? field.choices.map((c) => `"${c}"`).join(', ') : `${field.choices.length} known values`;
    problems.push(problemAt(context, 'unknown-value', at, written.length, `"${written}" is not a known ${field.label.toLowerCase()} on this site (expected one of ${choices}).`));
  }
}

function checkFilenameDate(context: PostContext, fileDate: string | null, problems: Problem[]): void {
  if (!fileDate) return;
  const raw = frontMatterRawValue(context, 'date');
  const written = raw ? WRITTEN_DATE.exec(raw.text)?.[1] : undefined;
  if (!raw || !written || written === fileDate) return; // no date yet (drafts) is fine
  const at = raw.offset + raw.text.indexOf(written);
  problems.push(problemAt(context, 'filename-date', at, written.length, `The file name says ${fileDate} but the date field says ${written}; the site will use ${written}. Make them agree.`));
}

/**
 * The date at the start of a post's file name, as Jekyll reads it: its
 * pattern allows one-digit months and days (`2020-3-29-title.md`) (two-digit
 * years too, for the name; the date is read from four-digit years only). Returned as YYYY-MM-DD, so it compares with written dates.
 */

/** A Jekyll post's file name: date, dash, slug. */
export const JEKYLL_POST_NAME = /^\d{2,4}-\d{1,2}-\d{1,2}-./;

const NAME_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?=[-_])/;

/** `2020-3-29-x.md` → `2020-03-29`; null when the name does not start with a date. */
export function fileNameDate(name: string): string | null {
  const match = NAME_DATE.exec(name);
  if (!match) return null;
  const [, year, month, day] = match;
  return `${year!}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

/** The name without its leading date (`2020-3-29-hello.md` → `hello.md`). */
export function withoutNameDate(name: string): string {
  return name.replace(/^\d{2,4}-\d{1,2}-\d{1,2}-/, '');
}

/**
 * Dates are edited in the shape the author wrote them. A date-only value
 * stays `YYYY-MM-DD`; a timestamp such as `2024-03-22 09:30:00 +0100` keeps
 * its separator, seconds, fraction and zone while the date or the time of
 * day changes.
 */

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})([Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?(.*)$/s;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export interface DateTextParts {
  /** `YYYY-MM-DD`, as `<input type="date">` takes it. */
  date: string;
  /** `HH:MM` or `HH:MM:SS`, as `<input type="time">` takes it; null for a date only. */
  time: string | null;
  /** The zone or whatever follows the time, as written (` +0100`, `Z`, ''). */
  zone: string;
}

export function splitDateText(text: string): DateTextParts | null {
  const trimmed = text.trim();
  if (DATE_ONLY.test(trimmed)) return { date: trimmed, time: null, zone: '' };
  const match = DATE_TIME.exec(trimmed);
  if (!match) return null;
  const [, date, , hour, minute, second] = match;
  const time = `${hour!.padStart(2, '0')}:${minute}${second === undefined ? '' : ':' + second}`;
  return { date: date!, time, zone: match[7]!.trim() };
}

/** `text` with its date replaced; everything after the date is kept. */
export function withDate(text: string, date: string): string {
  const trimmed = text.trim();
  if (!DATE_TIME.test(trimmed)) return date;
  return date + trimmed.slice(10);
}

/** `text` with its time of day replaced, keeping the written hour width, seconds and zone. */
export function withTime(text: string, time: string): string {
  const trimmed = text.trim();
  const match = DATE_TIME.exec(trimmed);
  const parsed = /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(time);
  if (!match || !parsed) return text;
  const [, date, separator, hour, , second, fraction = '', rest] = match;
  const newHour = hour!.length === 1 && parsed[1]!.replace(/^0/, '').length === 1 ? parsed[1]!.replace(/^0/, '') : parsed[1]!.padStart(2, '0');
  // Seconds are written only when the author wrote them; the fraction follows them unchanged.
  const newSeconds = second === undefined ? '' : `:${parsed[3] ?? second}${fraction}`;
  return `${date}${separator}${newHour}:${parsed[2]}${newSeconds}${rest}`;
}

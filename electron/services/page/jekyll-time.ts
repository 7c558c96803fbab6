/**
 * Jekyll's dates: a front-matter or file-name date is read in the site's
 * `timezone` (a written offset wins), and every page shows it in that zone.
 * A site without `timezone` is shown in UTC: Jekyll would use the build
 * machine's zone, and the machines that publish sites (CI, GitHub Pages) run UTC.
 */

/** An instant plus the zone the site shows it in. */
export interface SiteTime {
  date: Date;
  timeZone: string;
}

const WRITTEN = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export function validTimeZone(zone: unknown): string {
  if (typeof zone !== 'string' || zone.trim() === '') return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

/** Minutes east of UTC of `zone` at `instant`. */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  const parts = wallClock(instant, zone);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function wallClock(instant: Date, zone: string): WallClock {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short' });
    formatters.set(zone, format);
  }
  const get = (type: string) => format.formatToParts(instant).find((p) => p.type === type)?.value ?? '0';
  const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return { year: Number(get('year')), month: Number(get('month')), day: Number(get('day')), hour: Number(get('hour')) % 24, minute: Number(get('minute')), second: Number(get('second')), weekday: weekdays.indexOf(get('weekday')) };
}

/** Reads a date as Jekyll does; null when it is not one. */
export function parseSiteDate(value: unknown, zone: string): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string') return null;
  const match = WRITTEN.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', offset] = match;
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const asUtc = Date.UTC(...fields);
  if (offset) {
    if (/^z$/i.test(offset)) return new Date(asUtc);
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    return new Date(asUtc - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000);
  }
  // Wall-clock time in the site's zone: correct by the zone's offset, twice for DST edges.
  let guess = asUtc - zoneOffsetMinutes(new Date(asUtc), zone) * 60000;
  guess = asUtc - zoneOffsetMinutes(new Date(guess), zone) * 60000;
  return new Date(guess);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

/** `2024-11-16T01:30:00+00:00`, Jekyll's date_to_xmlschema. */
export function xmlSchema(instant: Date, zone: string): string {
  const c = wallClock(instant, zone);
  return `${c.year}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}${offsetText(zoneOffsetMinutes(instant, zone), true)}`;
}

/** Day of the year, 1-based, in the zone. */
export function dayOfYear(c: WallClock): number {
  return Math.round((Date.UTC(c.year, c.month - 1, c.day) - Date.UTC(c.year, 0, 1)) / 86400000) + 1;
}

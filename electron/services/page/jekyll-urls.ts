/**
 * Jekyll's URLs: permalink styles and placeholders for posts and collection
 * documents, page URLs from their path, and the url filters' joining rules.
 */
import { dayOfYear, wallClock } from './jekyll-time';

const STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** The template a permalink setting stands for (a style name or a template). */
export function permalinkTemplate(setting: unknown): string {
  const text = typeof setting === 'string' && setting.trim() !== '' ? setting.trim() : 'date';
  return STYLES[text] ?? text;
}

export interface UrlSubject {
  date: Date;
  timeZone: string;
  /** The slug from the file name (or `slug:`), for :title and :slug. */
  slug: string;
  /** `title:` slugified, when set (Jekyll's :title prefers the file's slug; kept for :slugified_title). */
  categories: string[];
  collection: string;
  /** Path inside the collection without extension, for :path and :name. */
  path: string;
  outputExt: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Fills a permalink template as Jekyll's URL class does, then cleans the slashes. */
export function fillPermalink(template: string, s: UrlSubject): string {
  const c = wallClock(s.date, s.timeZone);
  const week = isoWeek(c.year, c.month, c.day);
  const values: Record<string, string> = {
    year: String(c.year),
    month: pad(c.month),
    i_month: String(c.month),
    short_month: SHORT_MONTHS[c.month - 1] ?? '',
    long_month: new Date(Date.UTC(2000, c.month - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' }),
    day: pad(c.day),
    i_day: String(c.day),
    short_year: pad(c.year % 100),
    hour: pad(c.hour),
    minute: pad(c.minute),
    second: pad(c.second),
    y_day: pad(dayOfYear(c), 3),
    week: pad(week),
    w_day: String(c.weekday === 0 ? 7 : c.weekday),
    short_day: SHORT_DAYS[c.weekday] ?? '',
    title: s.slug,
    slug: s.slug,
    name: s.slug,
    categories: [...new Set(s.categories.map((category) => category.toLowerCase()))].join('/'),
    collection: s.collection,
    path: s.path,
    basename: s.path.split('/').pop() ?? s.path,
    output_ext: s.outputExt,
  };
  const filled = template.replace(/:([a-z_]+)/g, (whole, key: string) => (key in values ? values[key]! : whole));
  return cleanUrl(filled);
}

/** Collapses repeated slashes and escapes each segment like Jekyll's URL.escape_path. */
export function cleanUrl(url: string): string {
  const collapsed = ('/' + url).replace(/\/{2,}/g, '/');
  return collapsed
    .split('/')
    .map((segment) => encodeURI(segment).replace(/#/g, '%23').replace(/\?/g, '%3F'))
    .join('/');
}

function isoWeek(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const firstDay = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.ceil(((date.getTime() - firstDay) / 86400000 + 1) / 7);
}

/** A page's URL from its path: `about.md` → `/about.html`, `blog/index.html` → `/blog/`, unless it sets `permalink:`. */
export function pageUrl(relativePath: string, permalink: unknown, style: string): string {
  if (typeof permalink === 'string' && permalink.trim() !== '') return cleanUrl(permalink.trim());
  const withoutExt = relativePath.replace(/\.[^./]+$/, '');
  const ext = /\.(md|markdown|mkd|html|htm)$/i.test(relativePath) ? '.html' : /\.s[ac]ss$/i.test(relativePath) ? '.css' : (/\.[^./]+$/.exec(relativePath)?.[0] ?? '');
  if (withoutExt === 'index' || withoutExt.endsWith('/index')) return cleanUrl(withoutExt.slice(0, -'index'.length));
  // Permalink styles ending in a slash give pages folders too.
  if (style.endsWith('/') && ext === '.html') return cleanUrl(`${withoutExt}/`);
  return cleanUrl(withoutExt + ext);
}

/** `relative_url`: the baseurl joined to a site path. */
export function relativeUrl(input: unknown, baseurl: string): string {
  const text = input === null || input === undefined ? '' : String(input);
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//')) return text;
  const base = baseurl.replace(/\/+$/, '');
  const base2 = base === '' ? '' : base.startsWith('/') ? base : `/${base}`;
  const joined = `${base2}/${text.replace(/^\/+/, '')}`;
  return text === '' && base2 !== '' ? base2 : joined;
}

/** `absolute_url`: site.url + relative_url. */
export function absoluteUrl(input: unknown, siteUrl: string, baseurl: string): string {
  const text = input === null || input === undefined ? '' : String(input);
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//')) return text;
  return siteUrl.replace(/\/+$/, '') + relativeUrl(text, baseurl);
}

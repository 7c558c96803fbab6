/**
 * An event write-up's starting point: its suggested title, the categories
 * the site gives its event posts, and the skeleton of its body.
 */
import { slugify } from '../posts/slug';

export const DEFAULT_EVENT_SECTIONS: readonly string[] = ['Highlights', 'Talks', 'Photos', 'Thanks'];

/** "<Event> <City> highlights", without repeating a city the event's name already holds. */
export function suggestEventTitle(eventName: string, city: string): string {
  const name = eventName.replace(/\s+/g, ' ').trim();
  const place = city.replace(/\s+/g, ' ').trim();
  const withCity = place && !name.toLowerCase().includes(place.toLowerCase()) ? `${name} ${place}` : name;
  return withCity ? `${withCity} highlights` : '';
}

/** The body a new write-up starts with: one `##` section each, separated by blank lines. */
export function eventSkeleton(sections: readonly string[]): string {
  const headings = sections.map((s) => s.replace(/[\r\n]+/g, ' ').trim()).filter(Boolean);
  return headings.map((h) => `## ${h}\n`).join('\n');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "March 19–22, 2024", "March 30 – April 2, 2024", "December 30, 2024 – January 2, 2025" for YYYY-MM-DD dates. */
export function formatDateRange(start: string, end?: string): string {
  const a = parts(start);
  const b = end ? parts(end) : null;
  if (!a) return start;
  const day = (d: typeof a) => `${MONTHS[d.month - 1]} ${d.day}`;
  if (!b || (b.year === a.year && b.month === a.month && b.day === a.day)) return `${day(a)}, ${a.year}`;
  if (b.year !== a.year) return `${day(a)}, ${a.year} – ${day(b)}, ${b.year}`;
  if (b.month !== a.month) return `${day(a)} – ${day(b)}, ${a.year}`;
  return `${day(a)}–${b.day}, ${a.year}`;
}

function parts(date: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year: Number(m[1]), month, day: Number(m[3]) } : null;
}

export interface PostTerms {
  title: string;
  categories: readonly string[];
  tags: readonly string[];
  draft?: boolean;
}

const EVENT_MARKERS = new Set(['events', 'event', 'conference', 'conferences']);
const EVENT_TITLE = /\b(?:conf|conference|summit|kubecon|devopsdays|fosdem|meetup|expo|highlights|recap|write-?up)\b/i;

/**
 * The site's event posts: those it marks as events (an `events`/`event`
 * category or tag). Only a site that marks none is judged by titles that
 * name conferences, so an explicit convention always wins over a guess.
 */
export function eventPosts<P extends PostTerms>(posts: readonly P[]): P[] {
  const published = posts.filter((p) => !p.draft);
  const marked = published.filter((p) => [...p.categories, ...p.tags].some((t) => EVENT_MARKERS.has(t.toLowerCase())));
  return marked.length > 0 ? marked : published.filter((p) => EVENT_TITLE.test(p.title));
}

/**
 * Categories for a new write-up: those carried by at least half of the
 * site's event posts, most used first. A category naming one event (it
 * appears in the titles of the posts carrying it, like `kubecon`) is kept
 * only when the new event's name holds it too.
 */
export function eventCategories(posts: readonly PostTerms[], eventName: string): string[] {
  const events = eventPosts(posts);
  if (events.length === 0) return [];
  const counts = new Map<string, { count: number; first: number; inTitles: number }>();
  events.forEach((post, index) => {
    for (const category of new Set(post.categories)) {
      const entry = counts.get(category) ?? { count: 0, first: index, inTitles: 0 };
      entry.count++;
      if (names(post.title, category)) entry.inTitles++;
      counts.set(category, entry);
    }
  });
  const chosen = [...counts.entries()]
    .filter(([category, e]) => e.count * 2 >= events.length && (e.inTitles < e.count || names(eventName, category)))
    .sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first)
    .map(([category]) => category);
  // The event's own category when the site already has one (an earlier edition of it).
  const own = slugify(eventName.split(/\s+/)[0] ?? '');
  const known = new Set(posts.flatMap((p) => p.categories));
  if (!chosen.includes(own) && known.has(own)) chosen.push(own);
  return chosen;
}

/** "KubeCon Paris" names `kubecon`; "DevOpsDays Amsterdam" names `devopsdays` (compared as slugs). */
function names(text: string, category: string): boolean {
  const slug = slugify(category);
  return slug.length > 1 && `-${slugify(text)}-`.includes(`-${slug}-`);
}

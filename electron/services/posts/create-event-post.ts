/**
 * A new event write-up: a post by the site's conventions whose title says
 * which event ("<Event> <City> highlights"), whose categories are the ones
 * the site gives its event posts, and whose body starts with the sections
 * such posts have (Highlights, Talks, Photos, Thanks, or `.recap.json`'s).
 */
import { DEFAULT_EVENT_SECTIONS, eventCategories, eventSkeleton, formatDateRange, suggestEventTitle } from '../../../shared/collect/event-writeup';
import type { EventPostDefaults } from '../../../shared/collect/types';
import { RecapError } from '../../../shared/errors';
import type { FrontMatterData } from '../../../shared/front-matter/field-path';
import type { PostSummary, SiteKind } from '../../../shared/model';
import type { SiteFacts } from '../schema/read-site-facts';
import { createPost } from './create-post';

export interface EventPostInput {
  eventName: string;
  city: string;
  /** YYYY-MM-DD. */
  startDate: string;
  endDate?: string;
  /** The post's own date (YYYY-MM-DD); today when missing. */
  date?: string;
  draft: boolean;
  /** The title the author settled on; the suggestion when missing. */
  title?: string;
}


export function eventPostDefaults(facts: SiteFacts, posts: readonly PostSummary[], eventName: string, city: string): EventPostDefaults {
  const categoryKey = categoryKeyOf(facts, posts);
  const configured = facts.settings?.eventWriteUp?.categories;
  const terms = posts.map((p) => ({ title: p.title, draft: p.draft, tags: p.tags, categories: categoryKey === 'tags' ? p.tags : p.categories }));
  return {
    title: suggestEventTitle(eventName, city),
    categoryKey,
    categories: categoryKey === null ? [] : (configured ?? eventCategories(terms, eventName)),
    sections: [...(facts.settings?.eventWriteUp?.sections ?? DEFAULT_EVENT_SECTIONS)],
  };
}

export async function createEventPost(root: string, kind: SiteKind, facts: SiteFacts, posts: readonly PostSummary[], input: EventPostInput): Promise<{ path: string }> {
  if (input.endDate !== undefined && input.endDate < input.startDate) throw new RecapError('bad-request', 'The event cannot end before it starts.');
  const defaults = eventPostDefaults(facts, posts, input.eventName, input.city);
  const title = input.title?.trim() || defaults.title;
  if (!title) throw new RecapError('bad-request', 'An event write-up needs the event’s name.');
  const fields: FrontMatterData = {};
  if (defaults.categoryKey && defaults.categories.length > 0) fields[defaults.categoryKey] = defaults.categories;
  // Where the site describes its posts, say which event this was: the author rewrites it, but the facts are there.
  if (hasField(facts, 'description')) fields.description = `${input.eventName.trim()}${input.city.trim() ? ` in ${input.city.trim()}` : ''}, ${formatDateRange(input.startDate, input.endDate)}.`;
  return createPost(root, kind, facts, {
    title,
    draft: input.draft,
    ...(input.date === undefined ? {} : { date: input.date }),
    fields,
    body: eventSkeleton(defaults.sections),
  });
}

function categoryKeyOf(facts: SiteFacts, posts: readonly PostSummary[]): string | null {
  if (hasField(facts, 'categories') || posts.some((p) => p.categories.length > 0)) return 'categories';
  if (hasField(facts, 'tags') || posts.some((p) => p.tags.length > 0)) return 'tags';
  return null;
}

function hasField(facts: SiteFacts, key: string): boolean {
  return facts.schema.fields.some((f) => f.key === key) || (facts.template?.order.includes(key) ?? false);
}

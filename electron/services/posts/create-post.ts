/**
 * Creates a new post file by the site's conventions and returns its
 * site-relative path. Never overwrites: a taken name gets -2, -3…, and the
 * file is created with the exclusive 'wx' flag so a race cannot clobber one.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RecapError } from '../../../shared/errors';
import { slugCandidates, slugify } from '../../../shared/posts/slug';
import type { FrontMatterData } from '../../../shared/front-matter/field-path';
import type { SiteKind } from '../../../shared/model';
import { resolveInside } from '../documents/confine';
import type { SiteFacts } from '../schema/read-site-facts';
import { newPostFields, newPostLanguage, newPostText } from './new-post-text';
import { existingSlug, planPostLocation } from './plan-post-location';

export interface NewPostInput {
  title: string;
  /** YYYY-MM-DD; today when missing. */
  date?: string;
  draft: boolean;
  /** Fields to set beyond the site's usual ones (an event write-up's categories). */
  fields?: FrontMatterData;
  /** The body the post starts with (after the front matter and a blank line). */
  body?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_ATTEMPTS = 1000;

export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export async function createPost(root: string, kind: SiteKind, facts: SiteFacts, input: NewPostInput): Promise<{ path: string }> {
  const { title, date, location, candidates } = plan(kind, facts, input);
  // A Jekyll draft takes its date when it is published, unless one was asked for.
  const writtenDate = kind === 'jekyll' && input.draft && input.date === undefined ? null : date;
  const fields = { ...newPostFields(kind, facts, { title, date: writtenDate, draft: input.draft }), ...input.fields, title };
  const text = newPostText(newPostLanguage(kind, facts), fields) + (input.body ?? '');
  const folder = await resolveInside(root, location.folder || '.');
  await mkdir(folder, { recursive: true });

  for (const relative of candidates) {
    const file = await resolveInside(root, relative);
    try {
      if (location.bundle) await mkdir(path.dirname(file)); // an existing bundle folder means the name is taken
      await writeFile(file, text, { flag: 'wx' });
      return { path: relative };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new RecapError('io', `Could not create ${relative} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
    }
  }
  throw new RecapError('refused', `Could not find a free file name for "${title}".`);
}

/** The file createPost would make now, without making anything (the New post dialog shows it). */
export async function planPost(root: string, kind: SiteKind, facts: SiteFacts, input: Pick<NewPostInput, 'title' | 'date' | 'draft'>): Promise<{ path: string }> {
  const { title, location, candidates } = plan(kind, facts, input);
  for (const relative of candidates) {
    const taken = await access(await resolveInside(root, location.bundle ? path.posix.dirname(relative) : relative)).then(
      () => true,
      () => false,
    );
    if (!taken) return { path: relative };
  }
  throw new RecapError('refused', `Could not find a free file name for "${title}".`);
}

function plan(kind: SiteKind, facts: SiteFacts, input: Pick<NewPostInput, 'title' | 'date' | 'draft'>) {
  const title = input.title.trim();
  if (!title) throw new RecapError('bad-request', 'A new post needs a title.');
  if (input.date !== undefined && !isRealDate(input.date)) throw new RecapError('bad-request', `"${input.date}" is not a date; write it as YYYY-MM-DD.`);
  const date = input.date ?? localToday();
  const location = planPostLocation(kind, facts.posts, input.draft, date, facts.settings);
  const taken = new Set(facts.posts.filter((p) => p.startsWith(location.folder ? location.folder + '/' : '')).map(existingSlug));
  if (kind === 'jekyll') for (const p of facts.posts) if (p.startsWith('_posts/') || p.startsWith('_drafts/')) taken.add(existingSlug(p));
  function* candidates() {
    let attempts = 0;
    for (const slug of slugCandidates(slugify(title))) {
      if (++attempts > MAX_ATTEMPTS) return;
      if (taken.has(slug.toLowerCase())) continue;
      const name = location.prefix + slug;
      yield [location.folder, ...(location.bundle ? [name, 'index' + location.extension] : [name + location.extension])].filter(Boolean).join('/');
    }
  }
  return { title, date, location, candidates: candidates() };
}

function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

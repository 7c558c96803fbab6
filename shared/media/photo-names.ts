/**
 * Readable names for photos added to a post: `<short-slug>-<original-name>`,
 * so `IMG_2041.HEIC` dropped on "KubeCon Salt Lake City highlights" becomes
 * `kubecon-salt-lake-img-2041.jpg`, at most 60 characters with its extension.
 */
import { slugify } from '../posts/slug';

export const MAX_PHOTO_NAME = 60;
/** The post's part: its first words, enough to tell posts apart in one folder. */
const SHORT_SLUG = 20;

export function photoFileStem(postSlug: string, originalName: string, extension: string): string {
  const room = MAX_PHOTO_NAME - extension.length - 1 - '-99'.length; // the extension and a possible `-2`
  const short = cut(postSlug, SHORT_SLUG) || 'photo';
  const original = slugify(originalName.replace(/\.[A-Za-z0-9]{1,5}$/, '')) || 'photo';
  // A name that already starts with the post's words is not prefixed twice.
  const stem = original.startsWith(short) ? original : `${short}-${original}`;
  return cut(stem, room) || short;
}

/** At most `max` characters, cut at a hyphen when one is near, never ending in one. */
function cut(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const head = slug.slice(0, max);
  const hyphen = head.lastIndexOf('-');
  return (hyphen >= max / 2 ? head.slice(0, hyphen) : head).replace(/-+$/, '');
}

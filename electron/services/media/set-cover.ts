/**
 * Choosing a photo as the post's cover: its path goes into the front-matter
 * field the site uses for covers (the image field most of its posts set,
 * `image` when none), as a minimal edit that changes that one line.
 */
import { setField } from '../../../shared/front-matter/edit-front-matter';
import type { SiteSchema } from '../../../shared/front-matter/schema';
import { RecapError } from '../../../shared/errors';
import { imageContentTypeFor } from '../../../shared/media/content-types';
import { resolveInside } from '../documents/confine';
import { requirePost } from '../documents/post-gate';
import { detectSiteKind } from '../workspace/detect-site';
import { readPost } from '../documents/read-post';
import { editPostFile, toRecapError } from '../front-matter/edit-post-file';

const COVER_NAMES = ['image', 'cover', 'cover_image', 'featured_image', 'hero', 'banner', 'thumbnail'];

/** The site's cover field: an image-typed field (most set first, familiar names break ties), else `image`. */
export function coverField(schema: SiteSchema | null): string {
  const images = (schema?.fields ?? []).filter((f) => f.type === 'image' && !f.key.includes('.'));
  const rank = (key: string) => (COVER_NAMES.includes(key) ? COVER_NAMES.indexOf(key) : COVER_NAMES.length);
  images.sort((a, b) => b.frequency - a.frequency || rank(a.key) - rank(b.key));
  return images[0]?.key ?? 'image';
}

/** The post text with the cover set; the editor's text when given (nothing is written), else the file on disk. */
export async function setCover(root: string, relative: string, image: string, schema: SiteSchema | null, text?: string): Promise<{ text: string; field: string }> {
  // Only a post's cover, and only an image: never the site's configuration or .git/ (setCover {path: "_config.yml"}).
  requirePost({ kind: await detectSiteKind(root) }, relative);
  if (!imageContentTypeFor(image.replace(/[?#].*$/, ''))) throw new RecapError('refused', `${image} is not an image (PNG, JPEG, GIF, WebP, AVIF, SVG); a cover must be one.`);
  const field = coverField(schema);
  const order = schema?.fields.map((f) => f.key);
  if (text !== undefined) {
    try {
      return { text: setField(text, field, image, order ? { order } : {}), field };
    } catch (error) {
      throw toRecapError(error, relative);
    }
  }
  const absolute = await resolveInside(root, relative);
  await editPostFile({ root, relative, absolute }, [{ kind: 'set', key: field, value: image }]);
  return { text: (await readPost(root, relative)).text, field };
}

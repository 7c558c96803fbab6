/**
 * The site's side of share cards for the check (the share-* rules): its
 * description, card setting, and the sizes of the post's candidate share
 * images, measured here (the rules run on a worker thread with plain data).
 */
import path from 'node:path';
import { shareImageCandidates, shareImageReference } from '../../../shared/check/rules/share-facts';
import type { ShareSiteFacts } from '../../../shared/check/types';
import type { Site } from '../../../shared/model';
import { resolveLexically } from '../documents/confine';
import { readFrontMatter } from '../front-matter/read-front-matter';
import { imageSizeOf } from './image-size';
import { readJekyllConfig } from './jekyll-site';

const STATIC_FOLDERS: Record<Site['kind'], string[]> = { jekyll: [''], hugo: ['static', 'assets', ''], zola: ['static', ''], astro: ['public', ''], eleventy: ['', 'public', 'src'], unknown: [''] };

export async function shareSiteFacts(site: Site, postPath: string, text: string): Promise<ShareSiteFacts> {
  let description: string | null = null;
  let card: ShareSiteFacts['card'] = 'summary_large_image';
  if (site.kind === 'jekyll') {
    const config = await readJekyllConfig(site.root);
    description = typeof config.description === 'string' && config.description.trim() ? config.description.trim() : null;
    const twitter = config.twitter as { card?: unknown } | undefined;
    if (twitter?.card === 'summary') card = 'summary';
  }
  const images: ShareSiteFacts['images'] = {};
  const reference = shareImageReference(readFrontMatter(text).data ?? {});
  for (const candidate of reference ? (shareImageCandidates(postPath, reference) ?? []) : []) images[candidate] = measure(site, candidate);
  return { description, defaultImage: null, card, images };
}

function measure(site: Site, sitePath: string): { width: number; height: number } | null {
  for (const folder of STATIC_FOLDERS[site.kind]) {
    let file: string;
    try {
      file = resolveLexically(site.root, path.posix.join(folder, sitePath));
    } catch {
      return null;
    }
    const size = imageSizeOf(file);
    if (size) return size;
  }
  return null;
}

/**
 * The site's image files for the front matter's image picker: one walk of
 * the site (the check's file list), images only, the post's own first, at
 * most MAX_SITE_IMAGES. A symlink whose target leaves the site is not
 * offered, so choosing never points the post at a file outside it.
 */
import path from 'node:path';
import type { SiteFolders, StaticMount } from '../../../shared/check/local-files';
import { MAX_SITE_IMAGES, siteImageChoices, type SiteImage } from '../../../shared/media/site-images';
import type { SiteKind } from '../../../shared/model';
import { resolveInside } from '../documents/confine';
import { listSiteFiles } from '../check/site-files';
import { imageFolderFor } from './image-folder';

/** The site's folders; `skippedDirs` (themes, layouts, build output) hold no image a post links to, unless a static mount serves it. */
export type ImageFolders = SiteFolders & { skippedDirs?: ReadonlySet<string> };

export async function listSiteImages(root: string, kind: SiteKind, folders: ImageFolders, postPath: string, limit = MAX_SITE_IMAGES): Promise<SiteImage[]> {
  const staticDirs = [...folders.staticDirs, ...bundleMounts(kind, folders)];
  const [files, folder] = await Promise.all([listSiteFiles(root, kind), imageFolderFor(root, kind, postPath)]);
  const isBundle = folder.urlPrefix === '' && folder.dir === path.posix.dirname(postPath);
  const skipped = [...(folders.skippedDirs ?? [])];
  const under = (file: string, dir: string) => dir === '' || file.startsWith(`${dir}/`);
  const served = [...files].filter((file) => !skipped.some((dir) => under(file, dir)) || folders.staticDirs.some((m) => m.dir !== '' && under(file, m.dir)));
  const ordered = siteImageChoices(served, { postPath, imageDir: folder.dir, isBundle, staticDirs }, Number.POSITIVE_INFINITY);
  const confined: SiteImage[] = [];
  for (const image of ordered) {
    if (confined.length >= limit) break;
    try {
      await resolveInside(root, image.sitePath);
      confined.push(image);
    } catch {
      // outside the site (or into .git) through a symlink: not offered
    }
  }
  return confined;
}

/** Hugo and Zola serve another page bundle's files at the page's URL, under the content folder's mount. */
function bundleMounts(kind: SiteKind, folders: SiteFolders): StaticMount[] {
  if (kind !== 'hugo' && kind !== 'zola') return [];
  return [...(folders.contentMounts ?? folders.contentDirs.map((dir) => ({ dir, url: '' })))];
}

/** Photos added to a post: resized, upright and without metadata (see electron/services/media/process-photo.ts). */

/** Photos per importPhotos call; the renderer sends more in several calls (browser mode caps one message at about 20 MB). */
export const MAX_PHOTOS_PER_CALL = 20;

export interface PhotoResult {
  /** The dropped file's name, to match results to files. */
  name: string;
  /** Where it was written, site-relative. Absent when the photo was refused (see `error`). */
  sitePath?: string;
  /** What the post writes: `/images/slug/slug-1.jpg`, or the bare name in a page bundle. */
  markdownPath?: string;
  /** `![](…)`: the alt text is left for the author (the check reports it until written); the cursor goes at offset 2. */
  markdown?: string;
  width?: number;
  height?: number;
  /** Why this photo was not added; the others still were. */
  error?: string;
}

/** A photo of the post as the Photos panel shows it. */
export interface PhotoThumbnail {
  /** As the post writes it. */
  src: string;
  /** Where it is in the site, or null when the site has no such image. */
  sitePath: string | null;
  /** `data:image/webp;base64,…` (240 px wide), or null when none can be shown. */
  thumbnail: string | null;
}

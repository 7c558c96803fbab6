/** What a link to a post shows when shared, resolved as the site's SEO tags would. */
export type ShareCardKind = 'summary' | 'summary_large_image';

export interface ShareCard {
  title: string | null;
  description: string | null;
  /** Absolute URL of the image, or null. */
  image: string | null;
  /** Absolute URL of the post. */
  url: string | null;
  siteName: string | null;
  card: ShareCardKind;
}

/** The share card plus what the app needs to show its image from the site (never fetched from the web). */
export interface ShareCardView {
  card: ShareCard;
  /** The image as the site holds it (site-relative, `/` separators) when it is a file of the site, for the preview. */
  imagePath: string | null;
  /** Size of that image in pixels, when it could be read. */
  imageSize: { width: number; height: number } | null;
  /** The Twitter handle of the site (`@name`), for X's preview. */
  site: string | null;
}

export const SHARE_TITLE_MAX = 70;
export const SHARE_DESCRIPTION_MAX = 200;
export const LARGE_CARD_MIN = { width: 1200, height: 630 } as const;

/**
 * What makes a shared link look wrong, from the resolved share card: the
 * limits platforms cut at (about 70 characters of title, 200 of description)
 * and the image a large card needs (at least 1200×630, about 1.91:1).
 * The check rules share-title, share-description and share-image and the
 * Share card tab say the same sentences.
 */
import { LARGE_CARD_MIN, SHARE_DESCRIPTION_MAX, SHARE_TITLE_MAX, type ShareCardKind } from './share-card';

export type ShareRuleId = 'share-title' | 'share-description' | 'share-image';

export interface ShareIssue {
  rule: ShareRuleId;
  message: string;
}

export interface ShareFacts {
  title: string | null;
  description: string | null;
  /** The image as the post or site names it, or null. */
  image: string | null;
  card: ShareCardKind;
  /**
   * The image's pixel size when it is a file of the site; null when that file
   * is not there; 'remote' for an image on another site (not checked: nothing is fetched).
   */
  imageSize: { width: number; height: number } | null | 'remote';
}

const LARGE_RATIO = LARGE_CARD_MIN.width / LARGE_CARD_MIN.height;

export function shareIssues(facts: ShareFacts): ShareIssue[] {
  const issues: ShareIssue[] = [];
  const title = facts.title?.trim() ?? '';
  if (title === '') issues.push({ rule: 'share-title', message: 'The post has no title: a shared link shows the bare address. Add a title.' });
  else if ([...title].length > SHARE_TITLE_MAX) issues.push({ rule: 'share-title', message: `The title is ${[...title].length} characters; shared links cut it after about ${SHARE_TITLE_MAX}. Shorten it (or set a shorter seo title).` });
  const description = facts.description?.trim() ?? '';
  if (description === '') issues.push({ rule: 'share-description', message: 'A shared link has no description: add a description to the front matter.' });
  else if ([...description].length > SHARE_DESCRIPTION_MAX) issues.push({ rule: 'share-description', message: `The description is ${[...description].length} characters; shared links cut it after about ${SHARE_DESCRIPTION_MAX}. Write a shorter description.` });
  if (facts.image === null) {
    issues.push({ rule: 'share-image', message: 'A shared link shows no image: set the post’s image (at least 1200×630).' });
  } else if (facts.imageSize === null) {
    issues.push({ rule: 'share-image', message: `The share image ${facts.image} is not in the site.` });
  } else if (facts.imageSize !== 'remote' && facts.card === 'summary_large_image') {
    const { width, height } = facts.imageSize;
    if (width < LARGE_CARD_MIN.width || height < LARGE_CARD_MIN.height) {
      issues.push({ rule: 'share-image', message: `The share image is ${width}×${height}; a large card needs at least ${LARGE_CARD_MIN.width}×${LARGE_CARD_MIN.height}, or it is shown small or blurred.` });
    } else if (Math.abs(width / height - LARGE_RATIO) / LARGE_RATIO > 0.1) {
      issues.push({ rule: 'share-image', message: `The share image is ${width}×${height} (${(width / height).toFixed(2)}:1); a large card is cropped to 1.91:1, so part of it will not show.` });
    }
  }
  return issues;
}

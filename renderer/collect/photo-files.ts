/**
 * Which added images go through the photo path. One rule, by format alone:
 * JPEG, WebP and AVIF — what cameras and phones write, with EXIF and often
 * GPS — are always imported as photos (upright, resized, metadata stripped);
 * PNG, GIF and SVG (screenshots, diagrams, animations) are copied as they
 * are by importImage, pixel for pixel and under their own names.
 */
import { imageExtension } from '../../shared/media/images';
import type { ImageFile } from '../authoring/read-image';

const PHOTO_EXTENSIONS = new Set(['jpg', 'jpeg', 'webp', 'avif']);

export function isPhoto(image: ImageFile): boolean {
  return PHOTO_EXTENSIONS.has(imageExtension(image.name) ?? '');
}

/** What the "Add photos…" chooser offers. */
export const PHOTO_ACCEPT = 'image/jpeg,image/webp,image/avif,.jpg,.jpeg,.webp,.avif';

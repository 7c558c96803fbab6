import { useEffect, useState } from 'react';
import type { PhotoThumbnail } from '../../shared/media/photos';
import type { SiteImage } from '../../shared/media/site-images';
import { useApi } from '../app/api-context';

/** Thumbnails asked for at once: small batches so the first ones show while a camera folder is still being decoded. */
const BATCH = 12;

/**
 * Small cached thumbnails (photoThumbnails: sharp, kept in the state folder)
 * for the images the picker shows, by field value. Null means none could be
 * made (SVG, a huge file); the picker then loads the file itself.
 */
export function usePickerThumbnails(postPath: string, shown: readonly SiteImage[]): ReadonlyMap<string, string | null> {
  const api = useApi();
  const [known, setKnown] = useState<ReadonlyMap<string, string | null>>(new Map());
  const wanted = shown.map((image) => image.value).filter((value) => !known.has(value)).slice(0, BATCH).join('\n');

  useEffect(() => {
    if (wanted === '') return;
    let live = true;
    const images = wanted.split('\n');
    const remember = (answer: readonly PhotoThumbnail[]) => {
      if (!live) return;
      setKnown((previous) => {
        const next = new Map(previous);
        for (const value of images) next.set(value, answer.find((item) => item.src === value)?.thumbnail ?? null);
        return next;
      });
    };
    api.photoThumbnails({ path: postPath, images }).then(remember, () => remember([]));
    return () => {
      live = false;
    };
  }, [api, postPath, wanted]);
  return known;
}

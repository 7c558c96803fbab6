/**
 * Photos added to the open post, one importPhotos call each (a browser-mode
 * message holds about one photo), with progress; then one insert of all
 * their Markdown at the caret, so a single undo takes the batch back.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecapBridge } from '../../shared/bridge';
import { describeError } from '../app/error-message';
import { readBase64, tooLarge, type ImageFile } from '../authoring/read-image';
import { insertBlock, type BodyAccess } from './insert-block';

export interface AddedPhoto {
  name: string;
  /** What the post writes (`/images/slug/slug-1.jpg`). */
  markdownPath: string;
  sitePath: string;
}

export interface PhotoOutcome {
  name: string;
  photo?: AddedPhoto;
  error?: string;
}

export interface PhotoImportState {
  /** "Adding photo 2 of 5…" while a batch runs. */
  progress: string | null;
  /** The last batch, photo by photo; null once dismissed. */
  outcomes: PhotoOutcome[] | null;
  /** Every photo added to this post since it was opened: any can become the cover. */
  photos: AddedPhoto[];
  /** The photo last chosen as cover, and the field it went to. */
  cover: { markdownPath: string; field: string } | null;
  coverError: string | null;
  importFiles: (files: readonly ImageFile[]) => Promise<void>;
  chooseCover: (photo: AddedPhoto) => Promise<void>;
  dismiss: () => void;
}

export interface PostAccess extends BodyAccess {
  /** The whole post as the editor holds it (front matter + body). */
  fullText: () => string;
  /** Applies a whole post text (front matter and body) as unsaved edits. */
  applyText: (text: string) => void;
}

export function usePhotoImport(api: RecapBridge, path: string | null, access: PostAccess): PhotoImportState {
  const [progress, setProgress] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<PhotoOutcome[] | null>(null);
  const [photos, setPhotos] = useState<AddedPhoto[]>([]);
  const [cover, setCoverState] = useState<PhotoImportState['cover']>(null);
  const [coverError, setCoverError] = useState<string | null>(null);
  const pathRef = useRef(path);
  const accessRef = useRef(access);
  useEffect(() => {
    pathRef.current = path;
    accessRef.current = access;
  });

  // Another post: its own photos only.
  const [shownPath, setShownPath] = useState(path);
  if (shownPath !== path) {
    setShownPath(path);
    setProgress(null);
    setOutcomes(null);
    setPhotos([]);
    setCoverState(null);
    setCoverError(null);
  }

  const importFiles = useCallback(
    async (files: readonly ImageFile[]) => {
      const postPath = pathRef.current;
      if (postPath === null || files.length === 0) return;
      const results: PhotoOutcome[] = [];
      setOutcomes(null);
      for (const [index, { name, file }] of files.entries()) {
        if (pathRef.current !== postPath) return;
        setProgress(files.length === 1 ? `Adding photo ${name}…` : `Adding photo ${index + 1} of ${files.length}…`);
        if (tooLarge(file)) {
          results.push({ name, error: 'larger than 15 MB; resize it and add it again.' });
          continue;
        }
        try {
          const [answer] = await api.importPhotos({ postPath, files: [{ name, dataBase64: await readBase64(file) }] });
          if (answer?.markdownPath && answer.sitePath) results.push({ name, photo: { name, markdownPath: answer.markdownPath, sitePath: answer.sitePath } });
          else results.push({ name, error: answer?.error ?? 'not added.' });
        } catch (error) {
          results.push({ name, error: describeError(error).message });
        }
      }
      if (pathRef.current !== postPath) return;
      setProgress(null);
      setOutcomes(results);
      const added = results.flatMap((r) => (r.photo ? [r.photo] : []));
      setPhotos((previous) => [...previous, ...added]);
      if (added.length === 0) return;
      // Alt text is left for the author: the caret lands inside the first `![]`.
      insertBlock(accessRef.current, added.map((p) => `![](${p.markdownPath})`).join('\n\n'), { caret: 2 });
    },
    [api],
  );

  const chooseCover = useCallback(
    async (photo: AddedPhoto) => {
      const postPath = pathRef.current;
      if (postPath === null) return;
      setCoverError(null);
      try {
        const result = await api.setCover({ path: postPath, image: photo.markdownPath, text: accessRef.current.fullText() });
        if (pathRef.current !== postPath) return;
        accessRef.current.applyText(result.text);
        setCoverState({ markdownPath: photo.markdownPath, field: result.field });
      } catch (error) {
        if (pathRef.current === postPath) setCoverError(describeError(error).message);
      }
    },
    [api],
  );

  const dismiss = useCallback(() => setOutcomes(null), []);

  return { progress, outcomes, photos, cover, coverError, importFiles, chooseCover, dismiss };
}

import { useDeferredValue, useEffect, useId, useMemo, useState, type ChangeEvent } from 'react';
import { findPostPhotos, movePhoto, removePhoto, setPhotoAlt, type PostPhoto } from '../../shared/media/post-photos';
import type { PhotoThumbnail } from '../../shared/media/photos';
import { useApi } from '../app/api-context';
import { imageFiles } from '../authoring/read-image';
import { PHOTO_ACCEPT } from '../collect/photo-files';
import type { CollectTools } from '../collect/use-collect-tools';
import './photos.css';

interface PhotosPanelProps {
  tools: CollectTools;
  readOnly: boolean;
}

/**
 * The post's photos by sight: a thumbnail of each local image the Markdown
 * shows, its alt text (written straight into the Markdown), "Use as cover",
 * reorder and remove; "Insert gallery" in the site's own style.
 */
export function PhotosPanel({ tools, readOnly }: PhotosPanelProps) {
  const id = useId();
  const { photos: importer, access, path } = tools;
  const photos = useMemo(() => findPostPhotos(tools.body), [tools.body]);
  const thumbnails = useThumbnails(path, photos);

  // Every edit reads the body as it is now: the list may be a render behind a fast typist.
  const edit = (index: number, change: (body: string, photo: PostPhoto, all: PostPhoto[]) => string) => {
    const body = access.body();
    const all = findPostPhotos(body);
    const photo = all[index];
    if (photo) access.setBody(change(body, photo, all));
  };

  const onChosen = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = imageFiles(event.target.files);
    event.target.value = ''; // the same files can be chosen again
    void importer.importFiles(chosen);
  };

  return (
    <section aria-label="Photos" className="photos">
      <div className="photos-bar">
        <h3 className="photos-title">Photos ({photos.length})</h3>
        {!readOnly && (
          <label className="button small photos-file">
            Add photos…
            <input type="file" multiple accept={PHOTO_ACCEPT} className="visually-hidden" onChange={onChosen} disabled={importer.progress !== null} />
          </label>
        )}
        <button type="button" className="button small" disabled={readOnly || photos.length === 0} onClick={() => void tools.insertGallery({ keepFocus: true })}>
          Insert gallery
        </button>
      </div>
      {photos.length === 0 ? (
        <p className="photos-empty">Drop photos on the editor (or Add photos…): each shows here, to describe it and choose a cover.</p>
      ) : (
        <ul className="photos-grid" aria-label="Photos of this post">
          {photos.map((photo, index) => {
            const thumbnail = thumbnails.get(photo.src);
            const isCover = tools.frontMatter.includes(photo.src);
            const altId = `${id}-alt-${index}`;
            return (
              <li key={`${photo.src}-${index}`} className="photo-item">
                <div className="photo-thumb">
                  {thumbnail?.thumbnail ? (
                    <img src={thumbnail.thumbnail} alt="" />
                  ) : (
                    <span className="photo-missing">{thumbnail && !thumbnail.sitePath ? 'Missing image' : 'No preview'}</span>
                  )}
                </div>
                <label htmlFor={altId} className="visually-hidden">
                  Alt text for {photo.name}
                </label>
                <textarea
                  id={altId}
                  className="photo-alt"
                  rows={2}
                  value={photo.alt}
                  readOnly={readOnly}
                  placeholder={`Describe ${photo.name}`}
                  aria-invalid={photo.alt.trim() === '' || undefined}
                  onChange={(event) => edit(index, (body, p) => setPhotoAlt(body, p, event.target.value))}
                />
                <div id={`${id}-name-${index}`} className="photo-name" title={photo.src}>
                  {photo.name}
                </div>
                <div className="photo-actions">
                  {isCover ? (
                    <span className="photo-cover">Cover</span>
                  ) : (
                    <button type="button" className="button small" disabled={readOnly} aria-describedby={`${id}-name-${index}`} onClick={() => void importer.chooseCover({ name: photo.name, markdownPath: photo.src, sitePath: thumbnail?.sitePath ?? photo.src })}>
                      Use as cover
                    </button>
                  )}
                  <button type="button" className="button small" disabled={readOnly || index === 0} aria-label={`Move ${photo.name} earlier`} onClick={() => edit(index, (body, _p, all) => movePhoto(body, all, index, -1))}>
                    ↑
                  </button>
                  <button type="button" className="button small" disabled={readOnly || index === photos.length - 1} aria-label={`Move ${photo.name} later`} onClick={() => edit(index, (body, _p, all) => movePhoto(body, all, index, 1))}>
                    ↓
                  </button>
                  <button type="button" className="button small" disabled={readOnly} aria-label={`Remove ${photo.name} from the post`} onClick={() => edit(index, (body, p) => removePhoto(body, p))}>
                    Remove
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {importer.coverError && (
        <p role="alert" className="photos-message error">
          Could not set the cover: {importer.coverError}
        </p>
      )}
    </section>
  );
}

/** Thumbnails by src, asked for once per src (the main process caches them on disk too). */
function useThumbnails(path: string | null, photos: readonly PostPhoto[]): ReadonlyMap<string, PhotoThumbnail> {
  const api = useApi();
  const [known, setKnown] = useState<ReadonlyMap<string, PhotoThumbnail>>(new Map());
  const sources = useDeferredValue(useMemo(() => [...new Set(photos.map((p) => p.src))].join('\n'), [photos]));
  useEffect(() => {
    if (path === null) return;
    const wanted = sources.split('\n').filter((src) => src && !known.has(src)).slice(0, 200);
    if (wanted.length === 0) return;
    let live = true;
    api.photoThumbnails({ path, images: wanted }).then(
      (answer) => {
        if (!live) return;
        setKnown((previous) => {
          const next = new Map(previous);
          for (const item of answer) next.set(item.src, item);
          return next;
        });
      },
      () => undefined, // the names still show; a later change asks again
    );
    return () => {
      live = false;
    };
  }, [api, path, sources, known]);
  return known;
}

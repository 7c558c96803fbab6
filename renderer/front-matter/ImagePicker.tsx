import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SiteImage } from '../../shared/media/site-images';
import { useApi } from '../app/api-context';
import { Dialog } from '../dialog/Dialog';
import { siteImageUrl } from './site-image-url';
import { usePickerThumbnails } from './use-picker-thumbnails';
import './image-picker.css';

/** Thumbnails shown at once: enough to choose by sight, few enough that a big site does not load hundreds of images. */
const SHOWN = 60;

interface ImagePickerProps {
  postPath: string;
  onChoose: (value: string) => void;
  onClose: () => void;
}

type Listing = { state: 'loading' } | { state: 'loaded'; images: SiteImage[] } | { state: 'failed'; message: string };

/** The site's images as thumbnails, the post's own first; search narrows by path. */
export function ImagePicker({ postPath, onChoose, onClose }: ImagePickerProps) {
  const api = useApi();
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [query, setQuery] = useState('');
  const gridRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    let live = true;
    api.siteImages({ path: postPath }).then(
      (images) => live && setListing({ state: 'loaded', images }),
      (error: unknown) => live && setListing({ state: 'failed', message: error instanceof Error ? error.message : 'The site’s images could not be listed. Try again.' }),
    );
    return () => {
      live = false;
    };
  }, [api, postPath]);

  const shown = useMemo(() => (listing.state === 'loaded' ? matching(listing.images, query) : []), [listing, query]);
  const thumbnails = usePickerThumbnails(postPath, shown.slice(0, SHOWN));

  return (
    <Dialog
      title="Choose an image"
      onClose={onClose}
      initialFocus="input[type='search']"
      actions={
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      }
    >
      <div className="image-picker">
        <input
          type="search"
          className="image-picker-search"
          aria-label="Search images"
          placeholder="Search images"
          value={query}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'ArrowDown') return;
            event.preventDefault();
            gridRef.current?.querySelector('button')?.focus();
          }}
        />
        {listing.state === 'loading' && <p role="status">Loading the site’s images…</p>}
        {listing.state === 'failed' && <p role="alert">{listing.message}</p>}
        {listing.state === 'loaded' && (
          <>
            <p role="status" className="image-picker-count">
              {summary(listing.images.length, shown.length, query)}
            </p>
            <ul ref={gridRef} className="image-picker-grid" aria-label="Site images" onKeyDown={moveInGrid}>
              {shown.slice(0, SHOWN).map((image) => (
                <li key={image.sitePath}>
                  <button type="button" className="image-picker-item" data-near={image.nearPost || undefined} title={image.value} onClick={() => onChoose(image.value)}>
                    <PickerThumbnail sitePath={image.sitePath} thumbnail={thumbnails.get(image.value)} />
                    <span className="image-picker-path">{image.sitePath}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Dialog>
  );
}

/** The cached thumbnail once it arrives; the file itself when none can be made (undefined: still coming). */
function PickerThumbnail({ sitePath, thumbnail }: { sitePath: string; thumbnail: string | null | undefined }) {
  const url = thumbnail ?? (thumbnail === null ? siteImageUrl(sitePath, window.location.href) : null);
  return url ? <img src={url} alt="" loading="lazy" decoding="async" className="image-picker-thumb" /> : <span className="image-picker-thumb" />;
}

/** Arrow keys move between thumbnails as they are laid out (Up and Down by a row); Enter chooses, as on any button. */
function moveInGrid(event: KeyboardEvent<HTMLUListElement>) {
  const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -columns(event.currentTarget), ArrowDown: columns(event.currentTarget) }[event.key];
  if (step === undefined) return;
  const buttons = Array.from(event.currentTarget.querySelectorAll('button'));
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (index < 0) return;
  event.preventDefault();
  buttons[Math.min(buttons.length - 1, Math.max(0, index + step))]?.focus();
}

/** Thumbnails in the first row: those level with the first one. */
function columns(grid: HTMLElement): number {
  const items = Array.from(grid.children) as HTMLElement[];
  const top = items[0]?.offsetTop ?? 0;
  return Math.max(1, items.filter((item) => item.offsetTop === top).length);
}

/** Every word of the query appears in the path, in any case. */
function matching(images: readonly SiteImage[], query: string): SiteImage[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...images];
  return images.filter((image) => {
    const path = image.sitePath.toLowerCase();
    return words.every((word) => path.includes(word));
  });
}

function summary(total: number, matched: number, query: string): string {
  if (total === 0) return 'The site has no images yet.';
  if (matched === 0) return `No image matches “${query.trim()}”.`;
  const counted = `${matched} ${matched === 1 ? 'image' : 'images'}`;
  return matched > SHOWN ? `${counted}; the first ${SHOWN} are shown. Search to narrow.` : counted;
}

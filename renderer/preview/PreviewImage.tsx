/**
 * Every image of a post goes through here, so the preview decides what loads:
 * site images through the guarded `site/` route (trying each place the
 * generator may keep the file), remote images only with external content on,
 * and a clear marker, with the path, for an image that is not there.
 */
import { useState, type ComponentProps } from 'react';
import { localFileCandidates } from '../../shared/check/local-files';
import { usePreviewEnvironment } from './preview-context';

type ImageProps = ComponentProps<'img'> & { node?: unknown };

const REMOTE = /^(?:https?:)?\/\//i;

export function PreviewImage({ src, alt, title, width, height }: ImageProps) {
  const { externalContent, postPath, siteKind } = usePreviewEnvironment();
  const [failed, setFailed] = useState<{ src: string; count: number }>({ src: '', count: 0 });
  const source = typeof src === 'string' ? src.trim() : '';
  const label = alt ?? '';
  if (source === '') return <ImageMarker kind="missing" label={label} path="(no source)" />;

  const shared = { alt: label, title, width, height, loading: 'lazy' as const, decoding: 'async' as const };
  if (/^data:image\//i.test(source)) return <img {...shared} src={source} />;

  if (REMOTE.test(source)) {
    if (!externalContent) {
      return (
        <span className="remote-image" title={source}>
          External image not loaded: {label || 'image'}
        </span>
      );
    }
    // The CSP allows remote images over https only; http is upgraded rather than silently blocked.
    const remote = source.replace(/^(?:https?:)?\/\//i, 'https://');
    return <img {...shared} src={remote} referrerPolicy="no-referrer" />;
  }

  // Markdown percent-encodes `{{site.baseurl}}` in a destination; the lookup reads it as written.
  const candidates = localFileCandidates(/%7B/i.test(source) ? decodeSafely(source) : source, postPath, siteKind);
  if (!candidates || candidates.length === 0) return <ImageMarker kind="unresolved" label={label} path={source} />;
  const attempt = failed.src === source ? failed.count : 0;
  const candidate = candidates[attempt];
  if (candidate === undefined) return <ImageMarker kind="missing" label={label} path={source} />;
  return <img {...shared} src={siteUrl(candidate)} onError={() => setFailed({ src: source, count: attempt + 1 })} />;
}

function decodeSafely(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}

/** Relative to the page: `/s/<token>/site/…` in browser mode, `app://recap/site/…` in Electron. */
export function siteUrl(sitePath: string): string {
  return `site/${sitePath.split('/').map(encodeURIComponent).join('/')}`;
}

function ImageMarker({ kind, label, path }: { kind: 'missing' | 'unresolved'; label: string; path: string }) {
  const what = kind === 'missing' ? 'Missing image' : 'Image not shown (template path)';
  return (
    <span role="img" aria-label={`${what}: ${path}`} className={`image-marker ${kind}`} title={label || undefined}>
      <span aria-hidden="true" className="image-marker-icon">
        ⚠
      </span>{' '}
      {what}: <code>{path}</code>
    </span>
  );
}

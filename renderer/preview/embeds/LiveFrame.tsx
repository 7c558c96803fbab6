import type { LiveFrame as Frame } from '../../../shared/embeds';

/**
 * A third-party embed, live. Sandboxed without allow-same-origin: the frame
 * gets an opaque origin, so it can run its player but never reach the app,
 * its storage or the API. Its host is on EMBED_FRAME_HOSTS, which the CSP's
 * frame-src mirrors.
 */
export function LiveFrame({ frame, title, tall }: { frame: Frame; title: string; tall?: boolean }) {
  return (
    <iframe
      className={tall ? 'embed-frame tall' : 'embed-frame'}
      src={frame.src}
      title={title}
      sandbox="allow-scripts allow-popups allow-presentation"
      allow="fullscreen; picture-in-picture; encrypted-media"
      referrerPolicy="strict-origin-when-cross-origin"
      loading="lazy"
    />
  );
}

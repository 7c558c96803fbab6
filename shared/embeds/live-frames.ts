/**
 * Where a live embed may load from, once the author allows external content.
 * EMBED_FRAME_HOSTS is the one allowlist: the preview only builds frames for
 * these hosts, and the CSP's `frame-src` (shared/csp.ts) lists exactly them,
 * so a frame from anywhere else is refused twice.
 */
import type { EmbedProvider } from './types';

export const EMBED_FRAME_HOSTS = [
  'www.youtube-nocookie.com',
  'player.vimeo.com',
  'www.slideshare.net',
  'speakerdeck.com',
  'gist.github.com',
  'codepen.io',
  'platform.twitter.com',
] as const;

export interface LiveFrame {
  /** An https URL on one of EMBED_FRAME_HOSTS. */
  src: string;
  host: string;
}

interface EmbedRef {
  provider: EmbedProvider;
  id: string | null;
  valid: boolean;
}

/**
 * The provider's own embed URL for a recognised embed, rebuilt from its id
 * (never the post's URL as written), or null when it cannot be shown live.
 */
export function liveFrameFor({ provider, id, valid }: EmbedRef): LiveFrame | null {
  if (!valid || id === null || !/^[\w./-]+$/.test(id) || id.includes('..')) return null;
  switch (provider) {
    case 'youtube':
      // The nocookie host sets no tracking cookies until the video plays.
      return frame('www.youtube-nocookie.com', `/embed/${id}`);
    case 'vimeo':
      return frame('player.vimeo.com', `/video/${id}?dnt=1`);
    case 'slideshare':
      return id.includes('/') ? null : frame('www.slideshare.net', `/slideshow/embed_code/key/${id}`);
    case 'speakerdeck':
      return id.includes('/') ? null : frame('speakerdeck.com', `/player/${id}`);
    case 'gist':
      // The embed script writes into the page; the .pibb page is the same gist as a document a frame can hold.
      return frame('gist.github.com', `/${id}.pibb`);
    case 'codepen': {
      const [user, hash] = id.split('/');
      return user && hash ? frame('codepen.io', `/${user}/embed/${hash}?default-tab=result`) : null;
    }
    case 'twitter':
      return /^\d+$/.test(id) ? frame('platform.twitter.com', `/embed/Tweet.html?id=${id}&dnt=true`) : null;
    default:
      return null;
  }
}

/** A frame for an arbitrary iframe URL, only when it is https on an allowed host. */
export function liveFrameForUrl(url: string): LiveFrame | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim().replace(/^\/\//, 'https://'));
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.host !== parsed.hostname) return null;
  return isFrameHost(parsed.hostname) ? { src: parsed.href, host: parsed.hostname } : null;
}

export function isFrameHost(host: string): boolean {
  return (EMBED_FRAME_HOSTS as readonly string[]).includes(host.toLowerCase());
}

function frame(host: (typeof EMBED_FRAME_HOSTS)[number], path: string): LiveFrame {
  return { src: `https://${host}${path}`, host };
}

/**
 * Which provider a URL belongs to, the id it names, and whether that id can
 * work. Page URLs (youtube.com/watch?v=…) and embed URLs (…/embed/…) both count.
 */
import { parseWebUrl, queryParam } from './parse-url';
import type { EmbedProvider } from './types';

export interface RecognizedUrl {
  provider: EmbedProvider;
  id: string | null;
  host: string;
  valid: boolean;
  problem?: string;
}

export const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com', 'youtu.be']);
const TWITTER_HOSTS = new Set(['twitter.com', 'www.twitter.com', 'mobile.twitter.com', 'x.com', 'www.x.com']);

/** Hosts that serve the same content over https; an http:// URL to them can simply be upgraded. */
export const HTTPS_HOSTS = [
  'youtube.com', 'youtu.be', 'youtube-nocookie.com', 'vimeo.com', 'twitter.com', 'x.com', 't.co', 'github.com',
  'githubusercontent.com', 'github.io', 'slideshare.net', 'speakerdeck.com', 'codepen.io', 'gist.github.com',
];

export function isHttpsHost(host: string): boolean {
  const h = host.toLowerCase();
  return HTTPS_HOSTS.some((known) => h === known || h.endsWith('.' + known));
}

export function recognizeEmbedUrl(url: string): RecognizedUrl | null {
  const parts = parseWebUrl(url);
  if (!parts) return null;
  const { host, path, query } = parts;
  const segments = path.split('/').filter(Boolean);

  if (YOUTUBE_HOSTS.has(host)) {
    const id = host === 'youtu.be' ? segments[0] : ['embed', 'shorts', 'live', 'v'].includes(segments[0] ?? '') ? segments[1] : path === '/watch' ? queryParam(query, 'v') : undefined;
    if (id === undefined || id === null) return null; // a channel or playlist page, not a video
    return youtube(id, host);
  }
  if (TWITTER_HOSTS.has(host)) {
    if (segments.length < 2 || segments[1] !== 'status' && segments[1] !== 'statuses') {
      return segments[1] === undefined ? null : { provider: 'twitter', id: null, host, valid: false, problem: 'This tweet link has no status id (…/status/<number>).' };
    }
    return tweet(segments[2] ?? '', host);
  }
  if (host === 'vimeo.com' || host === 'www.vimeo.com' || host === 'player.vimeo.com') {
    const id = host === 'player.vimeo.com' ? (segments[0] === 'video' ? segments[1] : undefined) : segments.find((s) => /^\d+$/.test(s));
    if (id === undefined) return null;
    return /^\d+$/.test(id) ? { provider: 'vimeo', id, host, valid: true } : { provider: 'vimeo', id, host, valid: false, problem: `"${id}" is not a Vimeo video id (a number).` };
  }
  if (host.endsWith('slideshare.net')) {
    if (segments[0] === 'slideshow' && segments[1] === 'embed_code') {
      const key = segments[1 + (segments[2] === 'key' ? 2 : 1)];
      return key ? { provider: 'slideshare', id: key, host, valid: true } : { provider: 'slideshare', id: null, host, valid: false, problem: 'This SlideShare embed names no presentation.' };
    }
    return segments.length >= 2 ? { provider: 'slideshare', id: `${segments[0]}/${segments[1]}`, host, valid: true } : null;
  }
  if (host === 'speakerdeck.com') {
    if (segments[0] === 'player') return segments[1] ? { provider: 'speakerdeck', id: segments[1], host, valid: true } : null;
    return segments.length >= 2 && segments[0] !== 'assets' ? { provider: 'speakerdeck', id: `${segments[0]}/${segments[1]}`, host, valid: true } : null;
  }
  if (host === 'gist.github.com') {
    const last = (segments[segments.length - 1] ?? '').replace(/\.js(on)?$/, '');
    if (!last) return null;
    return /^[0-9a-f]{5,}$/i.test(last)
      ? { provider: 'gist', id: segments.length > 1 ? `${segments[0]}/${last}` : last, host, valid: true }
      : { provider: 'gist', id: last, host, valid: false, problem: `"${last}" is not a gist id.` };
  }
  if (host === 'codepen.io') {
    const hash = ['pen', 'embed', 'full', 'details'].includes(segments[1] ?? '') ? segments[2] : undefined;
    return hash ? { provider: 'codepen', id: `${segments[0]}/${hash}`, host, valid: true } : null;
  }
  return null;
}

export function youtube(id: string, host = 'www.youtube.com'): RecognizedUrl {
  return YOUTUBE_ID.test(id)
    ? { provider: 'youtube', id, host, valid: true }
    : { provider: 'youtube', id, host, valid: false, problem: `"${id}" is not a YouTube video id (11 letters, digits, - or _).` };
}

export function tweet(id: string, host = 'twitter.com'): RecognizedUrl {
  return /^\d+$/.test(id)
    ? { provider: 'twitter', id, host, valid: true }
    : { provider: 'twitter', id: id || null, host, valid: false, problem: 'This tweet link has no numeric status id (…/status/<number>).' };
}

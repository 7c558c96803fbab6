/**
 * Where details of a collected link are asked for. The providers' own
 * endpoints by default; `RECAP_OEMBED_BASE` (or an options object) points
 * every provider at one stand-in server (`<base>/twitter?url=…`,
 * `<base>/github/repos/o/r`), which is how the tests stay off the network.
 */
import type { CardKind } from '../../../shared/collect/types';

export type DetailsProvider = 'twitter' | 'youtube' | 'vimeo' | 'slideshare' | 'speakerdeck' | 'github';

export type OembedEndpoints = Record<DetailsProvider, string>;

export const DEFAULT_ENDPOINTS: OembedEndpoints = {
  twitter: 'https://publish.twitter.com/oembed',
  youtube: 'https://www.youtube.com/oembed',
  vimeo: 'https://vimeo.com/api/oembed.json',
  slideshare: 'https://www.slideshare.net/api/oembed/2',
  speakerdeck: 'https://speakerdeck.com/oembed.json',
  /** The REST API root; `/repos/<owner>/<name>` is appended. */
  github: 'https://api.github.com',
};

const PROVIDER_OF: Partial<Record<CardKind, DetailsProvider>> = {
  tweet: 'twitter',
  youtube: 'youtube',
  vimeo: 'vimeo',
  slideshare: 'slideshare',
  speakerdeck: 'speakerdeck',
  github: 'github',
};

export function detailsProvider(kind: CardKind): DetailsProvider | null {
  return PROVIDER_OF[kind] ?? null;
}

/** Every provider below one base URL (`http://127.0.0.1:PORT`), or the defaults with per-provider overrides. */
export function resolveEndpoints(options: { base?: string; endpoints?: Partial<OembedEndpoints> } = {}, env: NodeJS.ProcessEnv = process.env): OembedEndpoints {
  const base = options.base ?? env.RECAP_OEMBED_BASE;
  const fromBase = base
    ? (Object.fromEntries(Object.keys(DEFAULT_ENDPOINTS).map((p) => [p, `${base.replace(/\/+$/, '')}/${p}`])) as OembedEndpoints)
    : DEFAULT_ENDPOINTS;
  return { ...fromBase, ...options.endpoints };
}

/** Only https leaves the machine; plain http is allowed to a loopback stand-in alone. */
export function isAllowedEndpoint(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && (parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost' || parsed.hostname === '[::1]');
}

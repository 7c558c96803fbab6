/**
 * Splits URLs without the URL global's normalisation, so positions and
 * spellings stay as written and protocol-relative (`//host/…`) URLs work.
 */
export interface UrlParts {
  /** Lower-cased scheme without `:`, or '' when protocol-relative. */
  scheme: string;
  /** Lower-cased host, without port or credentials. */
  host: string;
  path: string;
  /** Without `?`. */
  query: string;
}

const WEB_URL = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?\/\/(?:[^@/?#]*@)?([^/?#:]+)(?::\d+)?([^?#]*)(?:\?([^#]*))?/;

export function parseWebUrl(url: string): UrlParts | null {
  const match = WEB_URL.exec(url.trim());
  if (!match) return null;
  const scheme = (match[1] ?? '').toLowerCase();
  if (scheme !== '' && scheme !== 'http' && scheme !== 'https') return null;
  return { scheme, host: match[2]!.toLowerCase(), path: match[3] ?? '', query: match[4] ?? '' };
}

export function queryParam(query: string, name: string): string | null {
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if ((eq === -1 ? pair : pair.slice(0, eq)) === name) return eq === -1 ? '' : decodeURIComponentSafe(pair.slice(eq + 1));
  }
  return null;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * One JSON request (or, for a tweet's photos, one file) with the limits
 * details need: a timeout for the whole exchange, a cap on the bytes read
 * (counted while streaming, not trusted from Content-Length), no redirects,
 * no cookies, https only.
 */
import { isAllowedEndpoint } from './oembed-endpoints';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 5000, maxBytes: 256 * 1024 };

/** A failure with a sentence for the card. */
export class DetailsError extends Error {}

export async function fetchJson(url: string, limits: FetchLimits = DEFAULT_LIMITS): Promise<unknown> {
  const text = new TextDecoder('utf-8').decode(await fetchCapped(url, limits, 'application/json'));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DetailsError('The provider’s answer was not JSON.');
  }
}

/** The body as bytes (a photo), under the same limits. */
export function fetchBytes(url: string, limits: FetchLimits, accept = 'image/*'): Promise<Buffer> {
  return fetchCapped(url, limits, accept);
}

async function fetchCapped(url: string, limits: FetchLimits, accept: string): Promise<Buffer> {
  if (!isAllowedEndpoint(url)) throw new DetailsError('Details are only loaded over https.');
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    const response = await fetch(url, { signal, redirect: 'error', headers: { Accept: accept, 'User-Agent': 'Recap (desktop editor)' } });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new DetailsError(response.status === 404 ? 'The provider does not know this link (404); it may be private or deleted.' : `The provider answered with an error (${response.status}).`);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > limits.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge(limits);
    }
    return await readCapped(response, limits.maxBytes);
  } catch (error) {
    if (error instanceof DetailsError) throw error;
    if (signal.aborted) throw new DetailsError(`The provider did not answer within ${seconds(limits.timeoutMs)} s.`);
    throw new DetailsError('The provider could not be reached (offline?).');
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge({ maxBytes, timeoutMs: 0 });
    }
    chunks.push(value);
  }
  // Decoded (by fetchJson) once, as a whole: a multi-byte character split across chunks stays intact.
  return Buffer.concat(chunks);
}

function seconds(ms: number): string {
  return ms < 1000 ? (ms / 1000).toFixed(1) : String(Math.round(ms / 1000));
}

function tooLarge(limits: FetchLimits): DetailsError {
  return new DetailsError(`The provider’s answer was larger than ${Math.round(limits.maxBytes / 1024)} KB; ignored.`);
}

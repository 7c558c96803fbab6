/**
 * Who may talk to a browser-mode server: only a page that holds the token and
 * is served from this very server. Host is checked against DNS rebinding,
 * Origin against other sites' pages, the token in constant time.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export function createToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  // timingSafeEqual needs equal lengths; compare against itself to keep the timing flat.
  return a.length === b.length ? timingSafeEqual(a, b) : (timingSafeEqual(a, a), false);
}

/** The Host values a loopback server answers to. Anything else is a rebinding attempt. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/**
 * On loopback only the loopback names are accepted. A server the user chose to
 * expose (`--allow-remote`) is reached by names we cannot know; there the
 * token alone guards, and Origin must still match the Host that was asked.
 */
export function hostAllowed(host: string | undefined, port: number, remote = false): boolean {
  if (host === undefined || host === '') return false;
  return remote || allowedHosts(port).has(host.toLowerCase());
}

/** A missing Origin (plain navigation, curl) is fine; a present one must be this server. */
export function originAllowed(origin: string | undefined, port: number, remote = false, host?: string): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:') return false;
  const originHost = url.host.toLowerCase();
  return allowedHosts(port).has(originHost) || (remote && host !== undefined && originHost === host.toLowerCase());
}

export function isLoopbackAddress(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

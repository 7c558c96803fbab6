/** Which links may leave the app for the system browser. */
const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Returns the normalised URL when it is an absolute http(s)/mailto link, else null. */
export function safeExternalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && url.hostname === '') return null;
  // Credentials in a link are a phishing trick (`https://bank.com@evil.example`).
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}

/**
 * This machine or the local network: loopback, private, link-local and
 * carrier-grade NAT ranges (IPv4 and IPv6), `localhost` and `.local` names.
 * The URL parser has already turned numeric forms (`2130706433`, `0x7f.1`)
 * into dotted quads, and IPv6 hosts come in brackets.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === '' || host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host.replace(/^::ffff:/, ''));
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
  }
  if (host.includes(':')) {
    // ::, ::1, unique local fc00::/7, link-local fe80::/10, and IPv4-mapped hex forms (::ffff:7f00:1).
    return host === '::' || host === '::1' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host) || host.startsWith('::ffff:');
  }
  return false;
}

/**
 * A link embedded content may offer (an embed's "Open on…", a tweet's links,
 * a popup an embed opens): a safe external URL, and never one to this
 * machine or the local network, where a page must not send the author.
 */
export function safeEmbedLink(raw: string): string | null {
  const safe = safeExternalUrl(raw);
  if (safe === null || safe.startsWith('mailto:')) return safe;
  return isPrivateHost(new URL(safe).hostname) ? null : safe;
}

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

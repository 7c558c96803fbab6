/**
 * The app's only door to the system browser. Every link is validated here,
 * right before it leaves: absolute http(s) or mailto, no credentials. The
 * Electronegativity audit accepts exactly this one openExternal call (see
 * scripts/audit-electron.mjs).
 */
import { shell } from 'electron';
import { safeExternalUrl } from '../../shared/links';

/** Opens a link in the system browser; resolves false (and opens nothing) when the link is not safe. */
export async function openInSystemBrowser(url: string): Promise<boolean> {
  const checkedUrl = safeExternalUrl(url);
  if (checkedUrl === null) return false;
  await shell.openExternal(checkedUrl);
  return true;
}

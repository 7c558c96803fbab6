/**
 * Electron's spell checker must never fetch anything. Where it uses Hunspell
 * (Linux, and Windows without the system checker) Chromium downloads each
 * language's dictionary from Google's CDN the first time it is needed: a
 * request leaving the machine that the author never allowed. The download
 * base is pointed at the discard port of this machine, which refuses it, so
 * the checker uses only what is already there — the operating system's
 * checker (macOS, Windows) or dictionaries already in the profile's
 * `Dictionaries/` folder. Languages are chosen elsewhere (the window setup).
 */
import type { Session } from 'electron';

/** Loopback, discard port: nothing listens, nothing leaves the machine. */
export const REFUSED_DICTIONARY_SOURCE = 'http://127.0.0.1:9/recap-never-downloads-dictionaries/';

export function refuseDictionaryDownloads(session: Pick<Session, 'setSpellCheckerDictionaryDownloadURL'>): void {
  session.setSpellCheckerDictionaryDownloadURL(REFUSED_DICTIONARY_SOURCE);
}

/**
 * The session's dictionaries for a post's language (`fr`, `en-GB`, `pt-br`):
 * the exact one, else those of the same language (`en` → `en-US`, `en-GB`),
 * else null — the system's languages stay (no dictionary is fetched for it).
 */
export function dictionariesFor(language: string | null | undefined, available: readonly string[]): string[] | null {
  if (!language) return null;
  const wanted = language.toLowerCase();
  const exact = available.find((code) => code.toLowerCase() === wanted);
  if (exact) return [exact];
  const primary = wanted.split('-')[0]!;
  const same = available.filter((code) => code.toLowerCase().split('-')[0] === primary);
  return same.length > 0 ? same : null;
}

/** Follows the open post's language where the platform lets the app choose (macOS uses the system's checker). */
export function followPostLanguage(
  session: Pick<Session, 'availableSpellCheckerLanguages' | 'getSpellCheckerLanguages' | 'setSpellCheckerLanguages'>,
  language: string | null | undefined,
  systemDefault: readonly string[],
): void {
  if (process.platform === 'darwin') return;
  const chosen = dictionariesFor(language, session.availableSpellCheckerLanguages) ?? [...systemDefault];
  const current = session.getSpellCheckerLanguages();
  if (chosen.length > 0 && chosen.join() !== current.join()) session.setSpellCheckerLanguages(chosen);
}

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

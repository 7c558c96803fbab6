/** Issue 18.6: Electron's spell checker never downloads dictionaries (tested without Electron). */
import { describe, expect, it } from 'vitest';
import { REFUSED_DICTIONARY_SOURCE, dictionariesFor, followPostLanguage, refuseDictionaryDownloads } from '../../electron/shell/spellcheck';
import { isPrivateHost } from '../../shared/links';

describe('spell checker dictionaries', () => {
  it('the download source is a refusing port on this machine, so no request leaves it', () => {
    const urls: string[] = [];
    refuseDictionaryDownloads({ setSpellCheckerDictionaryDownloadURL: (url: string) => urls.push(url) });
    expect(urls).toEqual([REFUSED_DICTIONARY_SOURCE]);
    const source = new URL(REFUSED_DICTIONARY_SOURCE);
    expect(isPrivateHost(source.hostname)).toBe(true);
    expect(source.port).toBe('9');
  });
});

describe("the spell checker follows the post's language", () => {
  const available = ['en-US', 'en-GB', 'fr', 'de-DE', 'pt-BR'];

  it('the exact dictionary, else those of the same language, else none', () => {
    expect(dictionariesFor('fr', available)).toEqual(['fr']);
    expect(dictionariesFor('pt-br', available)).toEqual(['pt-BR']);
    expect(dictionariesFor('en', available)).toEqual(['en-US', 'en-GB']);
    expect(dictionariesFor('de-AT', available)).toEqual(['de-DE']);
    expect(dictionariesFor('ja', available)).toBeNull();
    expect(dictionariesFor(null, available)).toBeNull();
  });

  it.skipIf(process.platform === 'darwin')('switches the session, and back to the system languages for a post that names none', () => {
    const session = { availableSpellCheckerLanguages: available, languages: ['en-US'], getSpellCheckerLanguages() { return this.languages; }, setSpellCheckerLanguages(next: string[]) { this.languages = next; } };
    followPostLanguage(session, 'fr', ['en-US']);
    expect(session.languages).toEqual(['fr']);
    followPostLanguage(session, 'ja', ['en-US']); // no dictionary here: never fetched, the system's stay
    expect(session.languages).toEqual(['en-US']);
    followPostLanguage(session, null, ['en-US']);
    expect(session.languages).toEqual(['en-US']);
  });
});

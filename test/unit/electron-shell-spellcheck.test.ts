/** Issue 18.6: Electron's spell checker never downloads dictionaries (tested without Electron). */
import { describe, expect, it } from 'vitest';
import { REFUSED_DICTIONARY_SOURCE, refuseDictionaryDownloads } from '../../electron/shell/spellcheck';
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

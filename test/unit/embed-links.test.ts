import { describe, expect, it } from 'vitest';
import { isPrivateHost, safeEmbedLink } from '../../shared/links';

describe('links embedded content may offer (issue 18.6)', () => {
  it('refuses this machine and the local network in every spelling the URL parser accepts', () => {
    for (const url of ['https://127.0.0.1:22/', 'http://2130706433/', 'http://0x7f.1/', 'http://localhost:4000/', 'http://dev.localhost/', 'http://printer.local/', 'http://10.0.0.8/', 'http://172.20.1.1/', 'http://192.168.1.1/', 'http://169.254.169.254/latest/meta-data', 'http://100.64.0.1/', 'http://[::1]/', 'http://[fd00::1]/', 'http://[fe80::1]/', 'http://[::ffff:127.0.0.1]/', 'http://0.0.0.0/', 'data:text/html,x', 'javascript:alert(1)', 'https://user:pw@example.org/']) {
      expect(safeEmbedLink(url), url).toBeNull();
    }
  });

  it('keeps public web links and mail', () => {
    expect(safeEmbedLink('https://twitter.com/alexellisuk/status/1')).toBe('https://twitter.com/alexellisuk/status/1');
    expect(safeEmbedLink('https://172.32.0.1/')).toBe('https://172.32.0.1/');
    expect(safeEmbedLink('mailto:a@example.org')).toBe('mailto:a@example.org');
    expect(isPrivateHost('example.org')).toBe(false);
  });
});

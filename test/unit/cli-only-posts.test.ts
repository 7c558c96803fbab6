/** Issue 12.2: `recap get`, `set` and `check` take only posts of a site; anything else is refused in one line, exit 2, nothing written. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recap } from '../support/cli';
import { copyFixture } from '../support/fixtures';

describe('only posts are edited as posts', () => {
  it('set, get and check refuse the site configuration, a .txt and a page outside _posts', async () => {
    const site = await copyFixture('sites', 'events-jekyll');
    await writeFile(path.join(site, 'notes.txt'), 'plain notes\n');
    await writeFile(path.join(site, 'about.md'), '---\ntitle: About\n---\nA page, not a post.\n');
    const before = await Promise.all(['_config.yml', 'notes.txt', 'about.md'].map((f) => readFile(path.join(site, f), 'utf8')));
    for (const file of ['_config.yml', 'notes.txt', 'about.md']) {
      for (const args of [['set', file, 'title=Hacked'], ['get', file], ['check', file]]) {
        const { code, stdout, stderr } = await recap(args, site);
        expect(code, args.join(' ')).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toMatch(new RegExp(`^recap: ${file.replace('.', '\\.')} is (the site's configuration|not a Markdown post|not one of this site's posts)[^\\n]*\\n$`));
      }
    }
    expect(await Promise.all(['_config.yml', 'notes.txt', 'about.md'].map((f) => readFile(path.join(site, f), 'utf8')))).toEqual(before);
    // A post still is one.
    const post = await recap(['set', '_posts/2019-11-26-kubecon-san-diego-highlights.md', 'title=Fine'], site);
    expect(post.code).toBe(0);
  });

  it('check /bin/ls exits 2, not 1', async () => {
    const { code, stderr } = await recap(['check', '/bin/ls']);
    expect(code).toBe(2);
    expect(stderr.split('\n')).toHaveLength(2);
  });
});

import { chmod, mkdir, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPost } from '../../electron/services/documents/read-post';
import { savePost } from '../../electron/services/documents/save-post';
import { findPosts } from '../../electron/services/workspace/find-posts';
import { detectSiteKind } from '../../electron/services/workspace/detect-site';
import { copyFixture, fixture, tempDir } from '../support/fixtures';

const SEED = '_posts/2019-11-26-kubecon-san-diego-highlights.md';

async function siteWithBadFiles(): Promise<string> {
  const root = await copyFixture('sites', 'events-jekyll');
  await mkdir(path.join(root, '_drafts'), { recursive: true });
  for (const name of await readdir(fixture('bad'))) {
    await writeFile(path.join(root, '_drafts', name), await readFile(fixture('bad', name)));
  }
  return root;
}

describe('reading and saving posts', () => {
  it.each(['events-jekyll', 'jekyll-docs', 'rust-blog'])('opening and saving every post of %s unchanged writes the same bytes', async (site) => {
    const root = await copyFixture('sites', site);
    const posts = await findPosts(root, await detectSiteKind(root));
    expect(posts.length).toBeGreaterThan(3);
    for (const relative of posts) {
      const before = await readFile(path.join(root, relative));
      const doc = await readPost(root, relative);
      const result = await savePost(root, relative, doc.text, doc.hash);
      expect(result.hash, relative).toBe(doc.hash);
      expect((await readFile(path.join(root, relative))).equals(before), relative).toBe(true);
    }
  });

  it('an edit changes only the typed bytes', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const before = await readFile(path.join(root, SEED), 'utf8');
    const doc = await readPost(root, SEED);
    const edited = doc.text.replace('## Saturday @ Cloud Native Rejekts', '## Saturday @ Cloud Native Rejekts (updated)');
    await savePost(root, SEED, edited, doc.hash);
    const after = await readFile(path.join(root, SEED), 'utf8');
    expect(after).toBe(before.replace('## Saturday @ Cloud Native Rejekts', '## Saturday @ Cloud Native Rejekts (updated)'));
  });

  it('CRLF files and files with a BOM keep them through an edit', async () => {
    const root = await siteWithBadFiles();
    const crlf = await readPost(root, '_drafts/crlf.md');
    expect(crlf.encoding.lineEnding).toBe('crlf');
    expect(crlf.text).not.toContain('\r');
    await savePost(root, '_drafts/crlf.md', crlf.text + 'A new line\n', crlf.hash);
    const crlfBytes = await readFile(path.join(root, '_drafts/crlf.md'), 'utf8');
    expect(crlfBytes).toBe((await readFile(fixture('bad', 'crlf.md'), 'utf8')) + 'A new line\r\n');

    const bom = await readPost(root, '_drafts/bom.md');
    expect(bom.encoding.bom).toBe(true);
    expect(bom.text.charCodeAt(0)).not.toBe(0xfeff);
    await savePost(root, '_drafts/bom.md', bom.text.replace('---\n', '---\nextra: 1\n'), bom.hash);
    const bomBytes = await readFile(path.join(root, '_drafts/bom.md'));
    expect([...bomBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bomBytes.toString('utf8')).toContain('extra: 1');
  });

  it('a save keeps the file mode and leaves no temp files behind', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const file = path.join(root, SEED);
    await chmod(file, 0o640);
    const doc = await readPost(root, SEED);
    await savePost(root, SEED, doc.text + '\nMore.\n', doc.hash);
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    expect((await readdir(path.dirname(file))).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it('never overwrites a file that changed on disk after it was opened', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const doc = await readPost(root, SEED);
    await writeFile(path.join(root, SEED), 'someone else wrote this\n');
    await expect(savePost(root, SEED, doc.text + 'mine', doc.hash)).rejects.toMatchObject({ code: 'conflict' });
    expect(await readFile(path.join(root, SEED), 'utf8')).toBe('someone else wrote this\n');
  });

  it('a failed save (read-only folder) leaves the original intact and says why', async () => {
    if (process.getuid?.() === 0) {
      // root ignores permission bits; simulate the folder vanishing instead.
      const root = await copyFixture('sites', 'events-jekyll');
      const doc = await readPost(root, SEED);
      const { rm } = await import('node:fs/promises');
      await rm(path.join(root, '_posts'), { recursive: true });
      await expect(savePost(root, SEED, doc.text + 'x', doc.hash)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/deleted/) });
      return;
    }
    const root = await copyFixture('sites', 'events-jekyll');
    const doc = await readPost(root, SEED);
    await chmod(path.join(root, '_posts'), 0o555);
    await expect(savePost(root, SEED, doc.text + 'x', doc.hash)).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/read-only/) });
    await chmod(path.join(root, '_posts'), 0o755);
    expect((await readFile(path.join(root, SEED), 'utf8')).endsWith('x')).toBe(false);
  });

  it('binary files are refused; Latin-1 files open read-only and are never re-encoded', async () => {
    const root = await siteWithBadFiles();
    await expect(readPost(root, '_drafts/binary.md')).rejects.toMatchObject({ code: 'binary-file' });
    const latin1 = await readPost(root, '_drafts/latin1.md');
    expect(latin1.encoding.utf8).toBe(false);
    expect(latin1.readOnly).toBe(true);
    expect(latin1.warnings.join(' ')).toMatch(/not valid UTF-8/);
    const before = await readFile(path.join(root, '_drafts/latin1.md'));
    await expect(savePost(root, '_drafts/latin1.md', latin1.text, latin1.hash)).rejects.toMatchObject({ code: 'not-utf8' });
    expect((await readFile(path.join(root, '_drafts/latin1.md'))).equals(before)).toBe(true);
  });

  it('broken front matter opens with its error and line; the text is all there', async () => {
    const root = await siteWithBadFiles();
    const cases: Array<[string, RegExp, number | undefined]> = [
      ['malformed-yaml.md', /never closed/, 2],
      ['duplicate-keys.md', /Duplicate key "title"/, 3],
      ['unterminated.md', /never closed/, 1],
      ['malformed-toml.md', /TOML/, 2],
      ['js-front-matter.md', /JavaScript is not supported/, 1],
      ['javascript-front-matter.md', /JavaScript is not supported/, 1],
      ['billion-laughs.md', /aliases/, undefined],
    ];
    for (const [name, message, line] of cases) {
      const doc = await readPost(root, `_drafts/${name}`);
      expect(doc.frontMatter.error?.message, name).toMatch(message);
      expect(doc.frontMatter.error?.line, name).toBe(line);
      expect(doc.text, name).toBe((await readFile(fixture('bad', name), 'utf8')).replace(/\r\n/g, '\n'));
    }
    const files = await readdir(root, { recursive: true });
    expect(files.some((f) => String(f).includes('RECAP_PWNED'))).toBe(false);
  });

  it('paths outside the folder are refused: ../, absolute, and symlinks that lead out', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const outside = await tempDir();
    await writeFile(path.join(outside, 'secret.md'), 'secret\n');
    await symlink(path.join(outside, 'secret.md'), path.join(root, '_posts', '2020-01-01-link.md'));
    await symlink(outside, path.join(root, 'linked-folder'));
    for (const bad of ['../secret.md', '_posts/../../secret.md', path.join(outside, 'secret.md'), '/etc/passwd', '_posts/2020-01-01-link.md', 'linked-folder/secret.md', 'linked-folder/new.md']) {
      await expect(readPost(root, bad), bad).rejects.toMatchObject({ code: 'outside-folder' });
      await expect(savePost(root, bad, 'x', '0'.repeat(64)), bad).rejects.toMatchObject({ code: 'outside-folder' });
    }
    expect(await readFile(path.join(outside, 'secret.md'), 'utf8')).toBe('secret\n');
  });

  it('a missing post and an oversized one get clear errors', async () => {
    const root = await tempDir();
    await expect(readPost(root, 'nope.md')).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/does not exist/) });
    await writeFile(path.join(root, 'huge.md'), Buffer.alloc(11 * 1024 * 1024, 'a'));
    await expect(readPost(root, 'huge.md')).rejects.toMatchObject({ code: 'too-large', message: expect.stringMatching(/up to 10 MB/) });
  });
});

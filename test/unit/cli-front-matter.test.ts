import { readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parsePost } from '../../shared/front-matter/post-document';
import type { SiteKind } from '../../shared/model';
import { findPosts } from '../../electron/services/workspace/find-posts';
import { recap } from '../support/cli';
import { copyFixture, tempDir } from '../support/fixtures';
import { changedLines } from '../support/line-diff';

const SITES: Array<[string, SiteKind]> = [
  ['events-jekyll', 'jekyll'],
  ['jekyll-docs', 'jekyll'],
  ['rust-blog', 'zola'],
];
const copies: Record<string, string> = {};

beforeAll(async () => {
  for (const [site] of SITES) copies[site] = await copyFixture('sites', site);
});

describe('recap get', () => {
  test('prints the front matter, one field, or JSON', async () => {
    const post = path.join(copies['events-jekyll']!, '_posts', '2023-09-14-devopsdays-amsterdam.md');
    const all = await recap(['get', post]);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('author_staff_member: jordan\n');
    expect((await recap(['get', post, 'title'])).stdout).toBe('DevOpsDays Amsterdam notes\n');
    expect(JSON.parse((await recap(['get', post, 'categories', '--json'])).stdout)).toEqual(['events', 'devops']);
    expect(JSON.parse((await recap(['get', post, '--json'])).stdout)).toMatchObject({ date: '2023-09-15' });
    const missing = await recap(['get', post, 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^recap: .*has no field "nope"\.\n$/);
  });

  test('a dotted key reads and writes inside a table', async () => {
    const site = await tempDir();
    await writeFile(path.join(site, 'zola.toml'), 'base_url = "https://example.org"\n');
    const post = path.join(site, 'post.md');
    await writeFile(post, '+++\ntitle = "x"\n\n[extra]\nteam = "core"\n+++\nBody\n');
    expect((await recap(['get', post, 'extra.team'])).stdout).toBe('core\n');
    expect((await recap(['set', post, 'extra.team=infra'])).code).toBe(0);
    expect(await readFile(post, 'utf8')).toBe('+++\ntitle = "x"\n\n[extra]\nteam = "infra"\n+++\nBody\n');
  });

  test('broken front matter: exit 2, the error and its line', async () => {
    const bad = await copyFixture('bad', 'malformed-yaml.md');
    const result = await recap(['get', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^recap: malformed-yaml\.md, line \d+: The YAML front matter is invalid.*\n$/);
    const js = await recap(['get', await copyFixture('bad', 'js-front-matter.md')]);
    expect(js.code).toBe(2);
    expect(js.stderr).toContain('not supported');
  });
});

describe('recap set', () => {
  test('setting the title of every fixture post changes exactly its title line', async () => {
    let edited = 0;
    for (const [site, kind] of SITES) {
      const root = copies[site]!;
      for (const relative of await findPosts(root, kind)) {
        const file = path.join(root, relative);
        const before = await readFile(file, 'utf8');
        const titleLine = before.split('\n').find((l) => /^title\s*[:=]/.test(l));
        const next = before.split('\n')[before.split('\n').indexOf(titleLine ?? '') + 1] ?? '';
        if (!titleLine || /[:=]\s*(?:[|>]|"""|''')/.test(titleLine) || /^[ \t]+\S/.test(next)) continue;
        const result = await recap(['set', file, 'title=A title, edited: by Recap']);
        expect(result.code, `${relative}: ${result.stderr}`).toBe(0);
        const after = await readFile(file, 'utf8');
        const { removed, added } = changedLines(before, after);
        expect(removed, relative).toEqual([titleLine]);
        expect(added).toHaveLength(1);
        expect(parsePost(after).data!.title).toBe('A title, edited: by Recap');
        edited++;
      }
    }
    expect(edited).toBeGreaterThan(800);
  }, 30_000);

  test('a value equal to the current one leaves the file untouched (same mtime)', async () => {
    const file = path.join(copies['events-jekyll']!, '_posts', '2024-03-22-kubecon-paris-recap.md');
    const before = await stat(file);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const result = await recap(['set', file, 'author_staff_member=sam', 'dark_background=false', 'categories=[kubernetes, kubecon, events]']);
    expect(result.code).toBe(0);
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  });

  test('several edits and --delete: only those lines change; CRLF survives', async () => {
    const file = await copyFixture('bad', 'crlf.md');
    const before = await readFile(file, 'latin1');
    const result = await recap(['set', file, 'draft=true', 'tags=[crlf, windows]', '--delete', 'date']);
    expect(result.code).toBe(0);
    const after = await readFile(file, 'latin1');
    expect(after).toBe(before.replace('date: 2024-02-02\r\n', '').replace('  - crlf\r\n', '  - crlf\r\n  - windows\r\n').replace('---\r\nLine', 'draft: true\r\n---\r\nLine'));
  });

  test('broken front matter is not rewritten: exit 2 with the line', async () => {
    const file = await copyFixture('bad', 'malformed-yaml.md');
    const before = await readFile(file);
    const result = await recap(['set', file, 'title=x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/line \d+/);
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  test('usage errors exit 2; a symlink out of the site is refused', async () => {
    expect((await recap(['set'])).code).toBe(2);
    const post = path.join(copies['events-jekyll']!, '_posts', '2023-09-14-devopsdays-amsterdam.md');
    expect((await recap(['set', post, 'no-equals-sign'])).code).toBe(2);
    const outside = await tempDir();
    await writeFile(path.join(outside, 'secret.md'), '---\ntitle: secret\n---\n');
    const link = path.join(copies['events-jekyll']!, '_posts', '2020-01-01-link.md');
    await symlink(path.join(outside, 'secret.md'), link);
    const result = await recap(['set', link, 'title=pwned']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('outside');
    expect(await readFile(path.join(outside, 'secret.md'), 'utf8')).toContain('title: secret');
  });

  test('--help explains each command', async () => {
    for (const command of ['get', 'set', 'new']) {
      const result = await recap([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: recap ${command}`);
    }
  });
});

describe('recap new', () => {
  test('creates the post by the site’s conventions and prints its path', async () => {
    const site = await copyFixture('sites', 'events-jekyll');
    const result = await recap(['new', site, '--title', 'Paris again', '--date', '2025-04-01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(path.join(site, '_posts', '2025-04-01-paris-again.md') + '\n');
    expect(parsePost(await readFile(result.stdout.trim(), 'utf8')).data).toMatchObject({ title: 'Paris again', date: '2025-04-01' });
    const draft = await recap(['new', site, '--title', 'Paris again', '--draft']);
    expect(draft.stdout).toBe(path.join(site, '_drafts', 'paris-again-2.md') + '\n');
  });

  test('bad usage exits 2', async () => {
    const site = await copyFixture('sites', 'events-jekyll');
    expect((await recap(['new', site])).code).toBe(2);
    expect((await recap(['new', site, '--title', 'x', '--date', 'tomorrow'])).code).toBe(2);
  });
});

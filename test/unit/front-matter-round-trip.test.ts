import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { setField } from '../../shared/front-matter/edit-front-matter';
import { parsePost, serializePost } from '../../shared/front-matter/post-document';
import type { SiteKind } from '../../shared/model';
import { decodePost, encodePost } from '../../electron/services/documents/post-bytes';
import { findPosts } from '../../electron/services/workspace/find-posts';
import { fixture } from '../support/fixtures';
import { changedLines } from '../support/line-diff';

interface FixturePost {
  site: string;
  path: string;
  bytes: Buffer;
}

const SITES: Array<[string, SiteKind]> = [
  ['events-jekyll', 'jekyll'],
  ['jekyll-docs', 'jekyll'],
  ['rust-blog', 'zola'],
];

const posts: FixturePost[] = [];

beforeAll(async () => {
  // Read-only use of the fixtures: nothing here writes a file.
  for (const [site, kind] of SITES) {
    const root = fixture('sites', site);
    for (const relative of (await findPosts(root, kind)).sort()) {
      posts.push({ site, path: relative, bytes: await readFile(path.join(root, relative)) });
    }
  }
});

/** A title written on one line: `title: …` / `title = "…"` not continued on the next line. */
function singleLineTitle(text: string): boolean {
  const post = parsePost(text);
  if (!post.block || typeof post.data?.title !== 'string' || post.data.title.includes('\n')) return false;
  const lines = post.block.content.split('\n');
  const at = lines.findIndex((line) => /^title\s*[:=]/.test(line));
  if (at === -1) return false;
  const value = lines[at]!.replace(/^title\s*[:=]\s*/, '');
  const next = lines[at + 1] ?? '';
  return value !== '' && !/^[|>]/.test(value) && !/^("""|''')/.test(value) && !/^[ \t]+\S/.test(next);
}

describe('every post of every fixture site', () => {
  test('the three sites have posts to test', () => {
    expect(posts.length).toBeGreaterThan(800);
    for (const [site] of SITES) expect(posts.some((p) => p.site === site)).toBe(true);
  });

  test('parse and serialise with no change gives the same bytes', () => {
    const started = performance.now();
    for (const post of posts) {
      const decoded = decodePost(post.bytes);
      const parsed = parsePost(decoded.text);
      expect(parsed.error, `${post.site}/${post.path}`).toBeNull();
      const bytes = encodePost(decoded, serializePost(parsed));
      expect(bytes.equals(post.bytes), `${post.site}/${post.path}`).toBe(true);
    }
    console.log(`round trip of ${posts.length} fixture posts: ${(performance.now() - started).toFixed(0)} ms`);
  });

  test('setting the title changes exactly the title line', () => {
    let checked = 0;
    const started = performance.now();
    for (const post of posts) {
      const decoded = decodePost(post.bytes);
      if (!singleLineTitle(decoded.text)) continue;
      const title = parsePost(decoded.text).data!.title as string;
      const edited = setField(decoded.text, 'title', `${title} (edited)`);
      const { removed, added } = changedLines(decoded.text, edited);
      expect(removed, `${post.site}/${post.path}`).toHaveLength(1);
      expect(added, `${post.site}/${post.path}`).toHaveLength(1);
      expect(removed[0]).toMatch(/^title\s*[:=]/);
      expect(parsePost(edited).data!.title).toBe(`${title} (edited)`);
      expect(edited.endsWith(parsePost(decoded.text).body)).toBe(true);
      checked++;
    }
    console.log(`title edits of ${checked} posts: ${(performance.now() - started).toFixed(0)} ms`);
    expect(checked).toBeGreaterThan(posts.length * 0.95);
  });
});

describe('hostile formatting (test/fixtures/bad)', () => {
  for (const name of ['formatting-zoo.md', 'crlf.md', 'bom.md']) {
    test(`${name}: an unchanged save is byte-identical and a one-field edit changes one line`, async () => {
      const bytes = await readFile(fixture('bad', name));
      const decoded = decodePost(bytes);
      expect(encodePost(decoded, serializePost(parsePost(decoded.text))).equals(bytes)).toBe(true);

      const edited = encodePost(decoded, setField(decoded.text, 'title', 'A new title'));
      const { removed, added } = changedLines(bytes.toString('latin1'), edited.toString('latin1'));
      expect(removed).toHaveLength(1);
      expect(added).toHaveLength(1);
      expect(added[0]).toMatch(/^title: *("A new title"|A new title) *(# trailing comment)?\r?$/);
      if (name === 'crlf.md') expect(added[0]!.endsWith('\r')).toBe(true);
      if (name === 'bom.md') expect(edited.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    });
  }
});

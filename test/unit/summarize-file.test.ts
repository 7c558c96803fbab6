import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../shared/document/front-matter-block';
import { detectSiteKind } from '../../electron/services/workspace/detect-site';
import { findPosts } from '../../electron/services/workspace/find-posts';
import { frontMatterEnd, summarizeFileSync } from '../../electron/services/workspace/summarize-file';
import { fixture } from '../support/fixtures';

describe('the post list read from file heads', () => {
  it.each(['events-jekyll', 'jekyll-docs', 'rust-blog'])('%s: reading heads gives the same list facts as reading whole files', async (site) => {
    // Read-only use of the fixtures: nothing is written.
    const root = fixture('sites', site);
    for (const relative of await findPosts(root, await detectSiteKind(root))) {
      const fromHead = summarizeFileSync(root, relative, false)!;
      const whole = summarizeFileSync(root, relative, true)!;
      expect({ ...fromHead.summary, words: null }, relative).toEqual({ ...whole.summary, words: null });
    }
  });

  it('finds the closing fence in the bytes exactly where splitFrontMatter does', async () => {
    const files = [
      ...(await readdir(fixture('bad'))).map((name) => fixture('bad', name)),
      ...(await readdir(fixture('sites', 'events-jekyll', '_posts'))).map((name) => fixture('sites', 'events-jekyll', '_posts', name)),
      fixture('seed-post.md'),
    ];
    for (const file of files) {
      const bytes = (await readFile(file)).subarray(0, 4096);
      const end = frontMatterEnd(bytes);
      // Latin-1 maps each byte to one character, so lengths below are byte offsets whatever the encoding.
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
      const block = splitFrontMatter(bytes.toString('latin1', bom)).block;
      const name = path.basename(file);
      if (end === 0) expect(block, name).toBeNull();
      else if (end > 0) expect(bom + block!.raw.length, name).toBe(end);
      else expect(block === null || !block.closed || block.language === 'json' || bom + block.raw.length >= bytes.length - 1, name).toBe(true);
    }
  });
});

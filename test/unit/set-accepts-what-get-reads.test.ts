/**
 * `set` accepts every front matter that `get`, `index` and `check` read (issue
 * 13.3): over every Markdown file of every fixture site, a post whose fields
 * parse can take a new field, have its title changed back and forth, and lose
 * the new field again, ending byte for byte as it was.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { applyFieldEdits } from '../../shared/front-matter/edit-front-matter';
import { parsePost } from '../../shared/front-matter/post-document';
import { fixture } from '../support/fixtures';

async function markdownFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await markdownFiles(full)));
    else if (/\.(?:md|markdown|mdx)$/i.test(entry.name)) out.push(full);
  }
  return out;
}

test('every readable fixture post can be edited and restored exactly', async () => {
  const files = await markdownFiles(fixture('sites'));
  let edited = 0;
  const failures: string[] = [];
  for (const file of files) {
    const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
    const post = parsePost(text);
    if (!post.block || post.error || !post.data) continue;
    const where = path.relative(fixture('sites'), file);
    try {
      const added = applyFieldEdits(text, [{ kind: 'set', key: 'recap_probe', value: 'a: b' }]);
      expect(parsePost(added).data!.recap_probe).toBe('a: b');
      const back = applyFieldEdits(added, [{ kind: 'delete', key: 'recap_probe' }]);
      expect(back, where).toBe(text);
      if (typeof post.data.title === 'string' && !post.data.title.includes('\n')) {
        const retitled = applyFieldEdits(text, [{ kind: 'set', key: 'title', value: 'Edited: by Recap' }]);
        expect(parsePost(retitled).data!.title).toBe('Edited: by Recap');
      }
      edited++;
    } catch (error) {
      failures.push(`${where}: ${(error as Error).message}`);
    }
  }
  expect(failures).toEqual([]);
  expect(edited).toBeGreaterThan(900);
}, 60_000);

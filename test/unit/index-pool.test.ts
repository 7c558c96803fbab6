import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IndexPool } from '../../electron/services/workspace/index-pool';
import { detectSiteKind } from '../../electron/services/workspace/detect-site';
import { findPosts } from '../../electron/services/workspace/find-posts';
import { summarizeFileSync } from '../../electron/services/workspace/summarize-file';
import { copyFixture, repoRoot } from '../support/fixtures';

// The pool runs the bundled worker (machines with 4+ cores use it for big sites); `npm test` builds it first.
const worker = path.join(repoRoot, 'out', 'workers', 'index-worker.cjs');
if (!existsSync(worker)) console.log('index-pool tests skipped: out/workers/index-worker.cjs is not built (run npm run build)');

describe.skipIf(!existsSync(worker))('indexing on worker threads', () => {
  it('gives exactly the summaries the in-process reader gives, with and without word counts', async () => {
    const root = await copyFixture('sites', 'rust-blog');
    const paths = await findPosts(root, await detectSiteKind(root));
    const pool = new IndexPool(worker, 2);
    try {
      for (const words of [false, true]) {
        const pooled = (await pool.summarize(root, paths, words)).sort((a, b) => a.path.localeCompare(b.path));
        const direct = paths.map((p) => summarizeFileSync(root, p, words)!).sort((a, b) => a.path.localeCompare(b.path));
        expect(pooled).toEqual(direct);
        expect(pooled.every((f) => (words ? typeof f.summary.words === 'number' : f.summary.words === null))).toBe(true);
      }
    } finally {
      await pool.close();
    }
  });

  it('with the calling thread taking batches too, gives every summary once, from both threads', async () => {
    const root = await copyFixture('sites', 'rust-blog');
    const paths = await findPosts(root, await detectSiteKind(root));
    expect(paths.length).toBeGreaterThan(200);
    const pool = new IndexPool(worker, 1);
    let here = 0;
    try {
      const pooled = await pool.summarize(root, paths, true, (batch) => {
        here += batch.length;
        return batch.map((p) => summarizeFileSync(root, p, true)!);
      });
      const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);
      expect(pooled.sort(byPath)).toEqual(paths.map((p) => summarizeFileSync(root, p, true)!).sort(byPath));
      expect(here).toBeGreaterThan(0);
      expect(here).toBeLessThan(paths.length);
    } finally {
      await pool.close();
    }
  });
});

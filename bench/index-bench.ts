/**
 * Indexing a 10,000-post site. Every figure is measured in a fresh process
 * (no JIT warm-up, no cache carried over), repeated, and the median kept.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { Workspace } from '../electron/services/workspace/workspace';
import { median } from './stats';

export type IndexMode = 'naive' | 'list' | 'full';

/** Runs in the child: prints {"ms": …, "warmMs": …, "posts": …}. */
export async function indexChild(mode: IndexMode, site: string): Promise<void> {
  if (mode === 'naive') {
    // The baseline from the issue: a plain loop of fs.readFile + gray-matter, no word counts.
    const start = performance.now();
    const dir = path.join(site, '_posts');
    let posts = 0;
    for (const name of readdirSync(dir)) {
      matter(readFileSync(path.join(dir, name), 'utf8'), {});
      posts++;
    }
    console.log(JSON.stringify({ ms: performance.now() - start, posts }));
    return;
  }
  const words = mode === 'full';
  const start = performance.now();
  const workspace = await Workspace.open(site);
  const first = await workspace.list({ words });
  const ms = performance.now() - start;
  const warmStart = performance.now();
  await workspace.list({ words });
  const warmMs = performance.now() - warmStart;
  await workspace.close();
  console.log(JSON.stringify({ ms, warmMs, posts: first.posts.length }));
}

export interface IndexResults {
  cold_ms: number;
  cold_with_words_ms: number;
  warm_ms: number;
  naive_ms: number;
  speedup: number;
  posts: number;
}

export function benchIndex(script: string, site: string, runs: number): IndexResults {
  const measure = (mode: IndexMode) => {
    const results: Array<{ ms: number; warmMs?: number; posts: number }> = [];
    for (let i = 0; i < runs; i++) {
      const child = spawnSync(process.execPath, [script, 'index-child', mode, site], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`index child (${mode}) failed: ${child.stderr}`);
      results.push(JSON.parse(child.stdout.trim().split('\n').at(-1)!));
    }
    return results;
  };
  // Interleaving would be fairer against machine noise, but each mode's runs are independent processes anyway.
  const naive = measure('naive');
  const list = measure('list');
  const full = measure('full');
  const naiveMs = median(naive.map((r) => r.ms));
  const coldMs = median(list.map((r) => r.ms));
  return {
    cold_ms: coldMs,
    cold_with_words_ms: median(full.map((r) => r.ms)),
    warm_ms: median(list.map((r) => r.warmMs!)),
    naive_ms: naiveMs,
    speedup: naiveMs / coldMs,
    posts: list[0]!.posts,
  };
}

/** The fixture sites as they are: round-tripping every post, and checking the biggest site. */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parsePost, serializePost } from '../shared/front-matter/post-document';
import { detectSiteKind } from '../electron/services/workspace/detect-site';
import { findPosts } from '../electron/services/workspace/find-posts';
import { median } from './stats';

export interface FixtureResults {
  /** Parse + serialise every post of the three fixture sites (texts already in memory). */
  roundtrip_ms: number;
  roundtrip_posts: number;
  /** `recap check` of the rust-blog fixture, as a fresh process. */
  check_ms: number;
}

export async function benchFixtures(fixturesDir: string, cliScript: string, runs: number): Promise<FixtureResults> {
  const texts: string[] = [];
  for (const site of ['events-jekyll', 'jekyll-docs', 'rust-blog']) {
    const root = path.join(fixturesDir, 'sites', site);
    for (const relative of await findPosts(root, await detectSiteKind(root))) texts.push(await readFile(path.join(root, relative), 'utf8'));
  }
  const roundtrips: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    for (const text of texts) {
      if (serializePost(parsePost(text)) !== text) throw new Error('a fixture post did not round-trip');
    }
    roundtrips.push(performance.now() - start);
  }

  const checks: number[] = [];
  for (let run = 0; run < Math.min(runs, 3); run++) {
    const start = performance.now();
    // Exit 1 is expected: the fixture has real problems. Anything else is a failure of the bench.
    const child = spawnSync(process.execPath, [cliScript, 'check', path.join(fixturesDir, 'sites', 'rust-blog'), '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (child.status !== 0 && child.status !== 1) throw new Error(`recap check failed: ${child.stderr}`);
    checks.push(performance.now() - start);
  }
  return { roundtrip_ms: median(roundtrips), roundtrip_posts: texts.length, check_ms: median(checks) };
}

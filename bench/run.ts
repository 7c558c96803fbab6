/**
 * `npm run bench`: measures what DESIGN.md and the speed issue promise,
 * writes bench/results.json and prints a table with each target's verdict.
 * Not part of `npm test`: it takes a couple of minutes.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { benchApi } from './api-bench';
import { benchFixtures } from './fixtures-bench';
import { benchIndex, indexChild, type IndexMode } from './index-bench';
import { makeSite } from './make-site';
import { round } from './stats';
import { benchTyping } from './typing-bench';

const repo = path.resolve(__dirname, '..', '..');
const fixturesDir = path.resolve(repo, 'test', 'fixtures');
const rendererDir = path.join(repo, 'out', 'renderer');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Target {
  name: string;
  value: number;
  limit: string;
  pass: boolean;
}

async function main(): Promise<void> {
  if (process.argv[2] === 'index-child') {
    await indexChild(process.argv[3] as IndexMode, process.argv[4]!);
    return;
  }
  const quick = process.argv.includes('--quick');
  // `--only typing` (or index, api) measures one part while working on it; the results file needs a full run.
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
  if (only) {
    if (only === 'typing') console.log(JSON.stringify(await benchTyping(fixturesDir, rendererDir, { keys: quick ? 60 : 200, delayMs: 100, runs: quick ? 1 : 3, chromiumPath }), null, 2));
    else if (only === 'api') console.log(JSON.stringify(await benchApi(fixturesDir, rendererDir, 30), null, 2));
    else if (only === 'index') {
      const tmpSite = await mkdtemp(path.join(os.tmpdir(), 'recap-bench-'));
      await makeSite(fixturesDir, path.join(tmpSite, 'site'), 10_000);
      console.log(JSON.stringify(benchIndex(__filename, path.join(tmpSite, 'site'), quick ? 3 : 7), null, 2));
      await rm(tmpSite, { recursive: true, force: true });
    } else console.error('--only takes typing, api or index');
    return;
  }
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'recap-bench-'));
  try {
    const site = path.join(tmp, 'site');
    process.stdout.write('Generating a 10,000-post Jekyll site… ');
    await makeSite(fixturesDir, site, 10_000);
    console.log('done.');

    process.stdout.write('Indexing (fresh process per run)… ');
    const index = benchIndex(__filename, site, quick ? 3 : 7);
    console.log('done.');

    process.stdout.write('Open and save through the API… ');
    const api = await benchApi(fixturesDir, rendererDir, quick ? 10 : 30);
    console.log('done.');

    process.stdout.write('Round trips and the check of the fixture sites… ');
    const fixtures = await benchFixtures(fixturesDir, path.join(repo, 'out', 'cli', 'recap.cjs'), quick ? 3 : 7);
    console.log('done.');

    let typing = null;
    if (existsSync(chromiumPath)) {
      process.stdout.write('Typing in Chromium (about four minutes)… ');
      typing = await benchTyping(fixturesDir, rendererDir, { keys: quick ? 60 : 200, delayMs: 100, runs: quick ? 1 : 3, chromiumPath });
      console.log('done.');
    } else {
      console.log(`Skipping the browser benchmarks: no Chromium at ${chromiumPath}.`);
    }

    const targets: Target[] = [
      target('index.cold_ms', index.cold_ms, '≤ 1000', index.cold_ms <= 1000),
      target('index.warm_ms', index.warm_ms, '≤ 200', index.warm_ms <= 200),
      target('index.speedup', index.speedup, '≥ 3', index.speedup >= 3),
      target('open_ms', api.open_ms, '≤ 100', api.open_ms <= 100),
      target('save_ms', api.save_ms, '≤ 20', api.save_ms <= 20),
    ];
    if (typing) {
      const k = typing.keystroke;
      targets.push(
        target('keystroke.seed_median_ms', k.seed_median_ms, '≤ 8', k.seed_median_ms <= 8),
        target('keystroke.seed_p95_ms', k.seed_p95_ms, '≤ 16', k.seed_p95_ms <= 16),
        target('keystroke.large_median_ms', k.large_median_ms, `≤ 2 × textarea (${round(2 * k.textarea_large_median_ms)})`, k.large_median_ms <= 2 * k.textarea_large_median_ms),
        target('preview_ms.seed', typing.preview_ms.seed, '≤ 100', typing.preview_ms.seed <= 100),
        target('preview_ms.large', typing.preview_ms.large, '≤ 100', typing.preview_ms.large <= 100),
        target('requests_off_machine', typing.requests_off_machine, '= 0', typing.requests_off_machine === 0),
        target('bundle.initial_kb', typing.bundle.initial_kb, '≤ 500', typing.bundle.initial_kb <= 500),
      );
    }

    const results = {
      measured_at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version },
      index: { ...roundAll(index), speedup: round(index.speedup, 2) },
      open_ms: round(api.open_ms, 2),
      save_ms: round(api.save_ms, 2),
      roundtrip_ms: round(fixtures.roundtrip_ms, 1),
      roundtrip_posts: fixtures.roundtrip_posts,
      check_ms: round(fixtures.check_ms),
      ...(typing
        ? {
            keystroke: roundAll(typing.keystroke),
            preview_ms: roundAll(typing.preview_ms),
            bundle: roundAll(typing.bundle),
            requests_off_machine: typing.requests_off_machine,
          }
        : {}),
      targets: targets.map((t) => ({ name: t.name, value: round(t.value, 2), target: t.limit, pass: t.pass })),
    };
    await writeFile(path.join(repo, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');

    console.log('');
    const width = Math.max(...targets.map((t) => t.name.length));
    console.log(`${'figure'.padEnd(width)}  ${'value'.padStart(9)}  target`);
    for (const t of targets) console.log(`${t.name.padEnd(width)}  ${String(round(t.value, 1)).padStart(9)}  ${t.limit.padEnd(26)} ${t.pass ? 'pass' : 'FAIL'}`);
    console.log(`\nroundtrip_ms ${round(fixtures.roundtrip_ms)} (${fixtures.roundtrip_posts} fixture posts), check_ms ${round(fixtures.check_ms)} (recap check of rust-blog, a fresh process)`);
    console.log(`naive index ${round(index.naive_ms)} ms, with word counts ${round(index.cold_with_words_ms)} ms, ${index.posts} posts; textarea floor ${typing ? round(typing.keystroke.textarea_median_ms) : '–'} ms (seed), ${typing ? round(typing.keystroke.textarea_large_median_ms) : '–'} ms (large).`);
    console.log('Wrote bench/results.json');
    if (targets.some((t) => !t.pass)) process.exitCode = 1;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

function target(name: string, value: number, limit: string, pass: boolean): Target {
  return { name, value, limit, pass };
}

function roundAll<T extends object>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'number' ? round(v, 2) : v])) as T;
}

main().catch((error: unknown) => {
  console.error('bench failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

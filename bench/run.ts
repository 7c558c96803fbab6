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
import { writeReadmeTable } from './readme-table';
import { bareParseChild, benchOpen, benchRealCheck, benchRealIndex, cliChild } from './site-bench';
import { round } from './stats';
import { benchTyping } from './typing-bench';
import { benchPage } from './page-bench';

const repo = path.resolve(__dirname, '..', '..');
const fixturesDir = path.resolve(repo, 'test', 'fixtures');
const rendererDir = path.join(repo, 'out', 'renderer');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const cliScript = path.join(repo, 'out', 'cli', 'recap.cjs');

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
  if (process.argv[2] === 'cli-child') return cliChild(process.argv.slice(3));
  if (process.argv[2] === 'bare-parse-child') return bareParseChild(process.argv[3]!);
  const quick = process.argv.includes('--quick');
  // `--only typing` (or index, api) measures one part while working on it; the results file needs a full run.
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
  if (only === 'page') {
    // Issue 15's figures: the Page view of the seed post through Minima's layouts.
    console.log(JSON.stringify(await benchPage(fixturesDir, rendererDir, { runs: quick ? 3 : 7, keys: quick ? 60 : 150, chromiumPath }), null, 2));
    return;
  }
  if (only) {
    if (only === 'typing') console.log(JSON.stringify(await benchTyping(fixturesDir, rendererDir, { keys: quick ? 60 : 200, delayMs: 100, runs: quick ? 1 : 3, chromiumPath }), null, 2));
    else if (only === 'api') console.log(JSON.stringify(await benchApi(fixturesDir, rendererDir, 30), null, 2));
    else if (only === 'index') {
      const tmpSite = await mkdtemp(path.join(os.tmpdir(), 'recap-bench-'));
      await makeSite(fixturesDir, path.join(tmpSite, 'site'), 10_000);
      console.log(JSON.stringify(benchIndex(__filename, path.join(tmpSite, 'site'), quick ? 3 : 7), null, 2));
      await rm(tmpSite, { recursive: true, force: true });
    } else if (only === 'site' || only === 'site-index' || only === 'site-check' || only === 'site-open') {
      // Issue 17's figures: recap index and recap check cold and warm, opening the big site, the server's memory
      // (`site-index`, `site-check`, `site-open` measure one of them).
      const part = (name: string) => only === 'site' || only === `site-${name}`;
      const tmpSite = await mkdtemp(path.join(os.tmpdir(), 'recap-bench-'));
      const site = path.join(tmpSite, 'site');
      if (part('index') || part('open')) await makeSite(fixturesDir, site, 10_000);
      const runs = quick ? 1 : 3;
      const realIndex = part('index') ? await benchRealIndex(__filename, cliScript, site, runs) : null;
      const check = part('check') ? await benchRealCheck(__filename, cliScript, path.join(fixturesDir, 'sites', 'rust-blog'), runs) : null;
      const open = part('open') && existsSync(chromiumPath) && !process.argv.includes('--no-browser') ? await benchOpen(cliScript, site, chromiumPath, runs) : null;
      console.log(JSON.stringify({ realIndex, check, open }, null, 2));
      await rm(tmpSite, { recursive: true, force: true });
    } else console.error('--only takes typing, api, index, page, site, site-index, site-check or site-open');
    return;
  }
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'recap-bench-'));
  try {
    const site = path.join(tmp, 'site');
    process.stdout.write('Making a 10,000-post Jekyll site of the fixtures\' real posts… ');
    const made = await makeSite(fixturesDir, site, 10_000);
    console.log(`done (${made.sources} distinct posts, ${round(made.meanBytes / 1024)} KB on average).`);

    process.stdout.write('Indexing (fresh process per run)… ');
    const index = benchIndex(__filename, site, quick ? 3 : 7);
    console.log('done.');

    process.stdout.write('recap index --json and the naive loop, cold and warm… ');
    const realIndex = await benchRealIndex(__filename, cliScript, site, quick ? 2 : 5);
    console.log('done.');

    process.stdout.write('recap check of rust-blog and a bare remark + GFM parse, cold and warm… ');
    const check = await benchRealCheck(__filename, cliScript, path.join(fixturesDir, 'sites', 'rust-blog'), quick ? 1 : 3);
    console.log('done.');

    const open = existsSync(chromiumPath) ? await benchOpenSite(site) : null;

    process.stdout.write('Open and save through the API… ');
    const api = await benchApi(fixturesDir, rendererDir, quick ? 10 : 30);
    console.log('done.');

    process.stdout.write('Round trips and the check of the fixture sites… ');
    const fixtures = await benchFixtures(fixturesDir, cliScript, quick ? 3 : 7);
    console.log('done.');

    let pages = null;
    if (existsSync(chromiumPath)) {
      process.stdout.write('The Page view in Chromium (Minima layouts, Sass)… ');
      pages = await benchPage(fixturesDir, rendererDir, { runs: quick ? 3 : 7, keys: quick ? 60 : 150, chromiumPath });
      console.log('done.');
    }

    let typing = null;
    if (existsSync(chromiumPath)) {
      process.stdout.write('Typing in Chromium (about four minutes)… ');
      try {
        typing = await benchTyping(fixturesDir, rendererDir, { keys: quick ? 60 : 200, delayMs: 100, runs: quick ? 1 : 3, chromiumPath });
        console.log('done.');
      } catch (error) {
        // One part failing must not lose every other figure: the rest is still written, and the run still fails.
        console.log(`failed (${error instanceof Error ? error.message : String(error)}); its figures are left out.`);
        process.exitCode = 1;
      }
    } else {
      console.log(`Skipping the browser benchmarks: no Chromium at ${chromiumPath}.`);
    }

    const targets: Target[] = [
      target('recap_index.speedup (cold, vs the naive loop)', realIndex.speedup, '≥ 2', realIndex.speedup >= 2),
      target('recap_index.warm_ms', realIndex.warm_ms, '≤ 150', realIndex.warm_ms <= 150),
      target('recap_check.cold_ms (rust-blog)', check.cold_ms, `≤ bare parse (${round(check.bare_parse_ms)})`, check.cold_ms <= check.bare_parse_ms),
      target('recap_check.warm_ms (rust-blog)', check.warm_ms, `≤ 10 % of bare parse (${round(check.bare_parse_ms / 10)})`, check.warm_ms <= check.bare_parse_ms / 10),
      ...(open
        ? [
            target('site_open_ms (10,000 posts, first listed screen)', open.open_ms, '≤ 500', open.open_ms <= 500),
            target('site_first_open_ms (never seen before)', open.first_open_ms, '≤ 500', open.first_open_ms <= 500),
            target('serve_rss_mb (10,000-post site open)', open.serve_rss_mb, '≤ 250', open.serve_rss_mb <= 250),
          ]
        : []),
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
    if (pages) {
      targets.push(
        target('page.first_page_ms (seed post, Sass included)', pages.first_page_ms, '≤ 2000', pages.first_page_ms <= 2000),
        target('page.update_ms (after typing stops)', pages.update_ms, '≤ 300', pages.update_ms <= 300),
        // "Typing figures unchanged with Page shown": against the Text tab in the same run (rounds alternate), 10 % for noise.
        target('page.keystroke_median_ms (Page shown)', pages.keystroke_median_ms, `≤ Text shown (${round(pages.keystroke_text_median_ms)}) + 10 %`, pages.keystroke_median_ms <= pages.keystroke_text_median_ms * 1.1),
        target('page.requests_off_machine', pages.requests_off_machine, '= 0', pages.requests_off_machine === 0),
      );
    }

    const results = {
      measured_at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version },
      site: made,
      index: { ...roundAll(index), speedup: round(index.speedup, 2) },
      recap_index: { ...roundAll(realIndex), speedup: round(realIndex.speedup, 2) },
      recap_check: roundAll(check),
      ...(open ? { site_open: roundAll(open) } : {}),
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
      ...(pages ? { page: roundAll(pages) } : {}),
      targets: targets.map((t) => ({ name: t.name, value: round(t.value, 2), target: t.limit, pass: t.pass })),
    };
    await writeFile(path.join(repo, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
    await writeReadmeTable(
      path.join(repo, 'README.md'),
      `Measured ${results.measured_at.slice(0, 10)} on this project's ${os.cpus().length}-core VM (Node ${process.version}), shared with other work, so figures are medians of interleaved runs; a 10,000-post Jekyll site of the fixtures' real posts (${round(made.meanBytes / 1024)} KB on average); milliseconds unless noted.`,
      [
        ...targets.map((t) => ({ name: `\`${t.name}\``, value: round(t.value, 2), target: t.limit, pass: t.pass })),
        { name: '`recap_index.naive_ms` (fs.readFile + gray-matter, no word counts)', value: round(realIndex.naive_ms), target: '' },
        { name: '`recap_index.cold_ms` (with word counts, no index yet)', value: round(realIndex.cold_ms), target: '' },
        { name: '`recap_index` wall time, cold / warm / naive loop (Node start-up and bundle load included)', value: `${round(realIndex.cold_wall_ms)} / ${round(realIndex.warm_wall_ms)} / ${round(realIndex.naive_wall_ms)}`, target: '' },
        { name: `\`recap_check.bare_parse_ms\` (remark + GFM, ${check.posts} posts)`, value: round(check.bare_parse_ms), target: '' },
        { name: '`recap_check` wall time, cold / warm', value: `${round(check.cold_wall_ms)} / ${round(check.warm_wall_ms)}`, target: '' },
        ...(open ? [{ name: '`serve_peak_rss_mb`', value: round(open.serve_peak_rss_mb), target: '' }] : []),
        { name: '`index.naive_ms` (in-process list comparison)', value: round(index.naive_ms), target: '' },
        { name: '`roundtrip_ms` (every fixture post)', value: round(fixtures.roundtrip_ms), target: '' },
        ...(typing ? [{ name: '`keystroke.textarea_median_ms` (plain textarea, the floor)', value: `${round(typing.keystroke.textarea_median_ms)} (seed), ${round(typing.keystroke.textarea_large_median_ms)} (large)`, target: '' }] : []),
      ],
    );

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

async function benchOpenSite(site: string) {
  process.stdout.write('Opening the 10,000-post site in browser mode… ');
  const open = await benchOpen(cliScript, site, chromiumPath, 3);
  console.log('done.');
  return open;
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

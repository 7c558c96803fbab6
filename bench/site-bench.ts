/**
 * Issue 17's figures on real posts: `recap index --json` and `recap check`
 * cold (a state folder that has never seen the site) and warm (the same
 * folder, the next run), each against the naive way measured in the same
 * run; opening the 10,000-post site in browser mode to its first listed
 * screen; and the server's memory with that site open.
 *
 * Every run is a fresh process. The figure is the command's own time, from
 * calling the CLI's entry to its last byte of output (what Recap does);
 * `*_wall_ms` adds Node's start-up and loading the CLI bundle, measured by
 * spawning the built `recap` as a user would.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { runCli } from '../electron/cli/run';
import { Workspace } from '../electron/services/workspace/workspace';
import { median } from './stats';

/** In the child: runs one CLI command in-process and prints {"ms","code"}. */
export async function cliChild(args: string[]): Promise<void> {
  const start = performance.now();
  let bytes = 0;
  const code = await runCli(args, { out: (t) => (bytes += t.length), err: (t) => process.stderr.write(t), cwd: process.cwd(), env: process.env, rendererDir: '' });
  console.log(JSON.stringify({ ms: performance.now() - start, code, bytes }));
}

/** In the child: what `recap check` is compared with, a bare remark + GFM parse of the same posts (read from disk). */
export async function bareParseChild(site: string): Promise<void> {
  const posts = (await (await Workspace.open(site, {})).list({ words: false })).posts.map((p) => p.path);
  const start = performance.now();
  const parser = unified().use(remarkParse).use(remarkGfm);
  for (const relative of posts) parser.parse(await readFile(path.join(site, relative), 'utf8'));
  console.log(JSON.stringify({ ms: performance.now() - start, code: 0, posts: posts.length }));
}

interface Run {
  ms: number;
  wallMs: number;
}

/** `node <script> <mode> …args` with RECAP_STATE_DIR set; the child's own figure and the wall time. */
function child(script: string, mode: string, args: string[], stateDir: string | null): Run {
  const start = performance.now();
  const run = spawnSync(process.execPath, [script, mode, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...(stateDir ? { RECAP_STATE_DIR: stateDir } : {}) } });
  const wallMs = performance.now() - start;
  if (run.status !== 0) throw new Error(`${mode} ${args.join(' ')} failed: ${run.stderr}`);
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { ms: number; code?: number };
  if (result.code !== undefined && result.code !== 0 && result.code !== 1) throw new Error(`recap ${args.join(' ')} exited ${result.code}`); // check: 1 = errors found
  return { ms: result.ms, wallMs };
}

/** The built `recap` as a user runs it: wall time of the whole process. */
function wall(cli: string, args: string[], stateDir: string): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, RECAP_STATE_DIR: stateDir } });
  if (run.status !== 0 && run.status !== 1) throw new Error(`recap ${args.join(' ')} failed: ${run.stderr}`);
  return performance.now() - start;
}

export interface ColdWarm {
  cold_ms: number;
  warm_ms: number;
  cold_wall_ms: number;
  warm_wall_ms: number;
}

/**
 * A command cold and warm, `runs` times, interleaved with its baseline
 * (`baseline()` returns one measurement) so machine noise hits both alike.
 */
async function coldWarm(script: string, cli: string, args: string[], runs: number, baseline: () => number): Promise<ColdWarm & { baseline_ms: number }> {
  const cold: Run[] = [];
  const warm: Run[] = [];
  const coldWall: number[] = [];
  const warmWall: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < runs; i++) {
    base.push(baseline());
    const state = await mkdtemp(path.join(os.tmpdir(), 'recap-bench-state-'));
    cold.push(child(script, 'cli-child', args, state));
    warm.push(child(script, 'cli-child', args, state));
    const wallState = await mkdtemp(path.join(os.tmpdir(), 'recap-bench-state-'));
    coldWall.push(wall(cli, args, wallState));
    warmWall.push(wall(cli, args, wallState));
    await Promise.all([rm(state, { recursive: true, force: true }), rm(wallState, { recursive: true, force: true })]);
  }
  return {
    baseline_ms: median(base),
    cold_ms: median(cold.map((r) => r.ms)),
    warm_ms: median(warm.map((r) => r.ms)),
    cold_wall_ms: median(coldWall),
    warm_wall_ms: median(warmWall),
  };
}

export interface RealIndexResults extends ColdWarm {
  /** fs.readFile + gray-matter over the same posts, no word counts (issue 17's baseline), in-process. */
  naive_ms: number;
  naive_wall_ms: number;
  speedup: number;
}

export async function benchRealIndex(script: string, cli: string, site: string, runs: number): Promise<RealIndexResults> {
  const naiveWall: number[] = [];
  const result = await coldWarm(script, cli, ['index', site, '--json'], runs, () => {
    const run = child(script, 'index-child', ['naive', site], null);
    naiveWall.push(run.wallMs);
    return run.ms;
  });
  const { baseline_ms: naive, ...figures } = result;
  return { ...figures, naive_ms: naive, naive_wall_ms: median(naiveWall), speedup: naive / figures.cold_ms };
}

export interface CheckResults extends ColdWarm {
  /** A bare remark + GFM parse of the same posts, in-process. */
  bare_parse_ms: number;
  posts: number;
}

export async function benchRealCheck(script: string, cli: string, site: string, runs: number): Promise<CheckResults> {
  const result = await coldWarm(script, cli, ['check', site, '--json'], runs, () => child(script, 'bare-parse-child', [site], null).ms);
  const { baseline_ms, ...figures } = result;
  const posts = (await (await Workspace.open(site, {})).list({ words: false })).posts.length;
  return { ...figures, bare_parse_ms: baseline_ms, posts };
}

export interface OpenResults {
  /** From loading the page to the first post listed, the first time Recap sees the site. */
  first_open_ms: number;
  /** The same with the persistent index from an earlier session. */
  open_ms: number;
  /** `recap serve`'s resident memory with the site open and listed. */
  serve_rss_mb: number;
  serve_peak_rss_mb: number;
}

/** Browser mode on the big site: `recap serve` as a process, Chromium on its page. */
export async function benchOpen(cli: string, site: string, chromiumPath: string, runs: number): Promise<OpenResults> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  const first: number[] = [];
  const again: number[] = [];
  const rss: number[] = [];
  const peak: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const state = await mkdtemp(path.join(os.tmpdir(), 'recap-bench-state-'));
      for (const times of [first, again]) {
        const server = await serve(cli, site, state);
        try {
          const page = await browser.newPage();
          const start = performance.now();
          await page.goto(server.url);
          await page.getByRole('listbox', { name: 'Post list' }).getByRole('option').first().waitFor({ timeout: 60_000 });
          times.push(performance.now() - start);
          if (times === again) {
            const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
            rss.push(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
            peak.push(Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024);
          }
          await page.close();
        } finally {
          await server.stop();
        }
      }
      await rm(state, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
  }
  return { first_open_ms: median(first), open_ms: median(again), serve_rss_mb: median(rss), serve_peak_rss_mb: median(peak) };
}

async function serve(cli: string, site: string, stateDir: string): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const proc = spawn(process.execPath, [cli, 'serve', site], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RECAP_STATE_DIR: stateDir } });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const match = /at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)\n/.exec(out);
      if (match) resolve(match[1]!);
    });
    proc.once('exit', (code) => reject(new Error(`recap serve exited ${code}`)));
  });
  return {
    url,
    pid: proc.pid!,
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

/** Debian's Chromium driven by playwright-core, and `recap serve` as a real process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot, tempDir } from './fixtures';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.log(`end-to-end tests skipped: no Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export interface Served {
  url: string;
  origin: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** The per-user state folder (RECAP_STATE_DIR); a fresh temp folder by default. Reuse one to restart "the same" Recap. */
  stateDir?: string;
  /** Added to (or overriding) this process's environment, e.g. an isolated HOME so the machine's git config never matters. */
  env?: NodeJS.ProcessEnv;
}

/** Starts `recap serve <root>` and resolves with the URL it printed. */
export async function serve(root: string, options: ServeOptions = {}): Promise<Served> {
  const stateDir = options.stateDir ?? (await tempDir('recap-state-'));
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/recap.js'), 'serve', root], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env, RECAP_STATE_DIR: stateDir },
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const match = /at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)\n/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`recap serve exited ${code}: ${stderr}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(); // already gone (e.g. killed by a test)
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Recap in a browser tab: the server, Chromium, the page, and every request that tried to leave the machine. */
export interface AppSession {
  served: Served;
  browser: Browser;
  page: Page;
  /** Requests to anything but this machine (including ones the CSP blocked: they should not even be tried). */
  offMachine: string[];
  close(): Promise<void>;
}

export async function openApp(root: string, options: ServeOptions & { viewport?: { width: number; height: number } } = {}): Promise<AppSession> {
  const served = await serve(root, options);
  const browser = await launchChromium();
  const page = await browser.newPage(options.viewport ? { viewport: options.viewport } : {});
  const offMachine: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) offMachine.push(request.url());
  });
  await page.goto(served.url);
  return {
    served,
    browser,
    page,
    offMachine,
    async close() {
      await browser.close();
      await served.stop();
    },
  };
}

/** Opens a post as a person would: search, then choose it by its title. */
export async function openPost(page: Page, query: string, title: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search posts' }).fill(query);
  await page.getByRole('navigation', { name: 'Posts' }).getByRole('option', { name: title }).click();
  await page.waitForFunction((t) => document.title.includes(t), title);
}

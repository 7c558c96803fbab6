/**
 * The Page view's figures (issue 15), in Chromium against browser mode: the
 * seed post (the San Diego write-up, 11 tweets, embeds) rendered through the
 * Minima site's own layouts and Sass.
 *   first_page_ms   opening the post until the frame shows it (first Page of the site: Sass compiled, nothing warm)
 *   update_ms       last key of a new word until the page shows it (median of words)
 *   keystroke       key-to-frame latency while the Page tab is shown, and in the same run on the same post
 *                   with the Text tab shown (keystroke_text_*): rounds alternate Page and Text, so a busy
 *                   moment on the machine hits both alike; each figure is the median over rounds
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Frame, type Page } from 'playwright-core';
import { startServer } from '../electron/server/server';
import { median, percentile } from './stats';
import { measureTyping } from './typing-bench';

const SEED = '2019-11-26-kubecon-san-diego-highlights.md';
const SEED_TITLE = 'Our KubeCon San Diego Highlights';

export interface PageResults {
  first_page_ms: number;
  update_ms: number;
  keystroke_median_ms: number;
  keystroke_p95_ms: number;
  keystroke_text_median_ms: number;
  keystroke_text_p95_ms: number;
  requests_off_machine: number;
}

export async function benchPage(fixturesDir: string, rendererDir: string, options: { runs: number; keys: number; chromiumPath: string; typingRounds?: number }): Promise<PageResults> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'recap-bench-page-'));
  const root = path.join(tmp, 'minima');
  await cp(path.join(fixturesDir, 'sites', 'minima-jekyll'), root, { recursive: true });
  await cp(path.join(fixturesDir, 'sites', 'events-jekyll', 'images'), path.join(root, 'images'), { recursive: true });
  const seed = await readFile(path.join(fixturesDir, 'sites', 'events-jekyll', '_posts', SEED), 'utf8');
  await writeFile(path.join(root, '_posts', SEED), seed.replace(/^---\n/, '---\nlayout: post\n'));
  const server = await startServer({ root, rendererDir, stateDir: path.join(tmp, 'state') });
  const browser = await chromium.launch({ executablePath: options.chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    let offMachine = 0;
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) offMachine++;
    });
    await page.goto(server.url);
    await page.getByRole('searchbox', { name: 'Search posts' }).fill('san diego');
    const started = Date.now();
    await page.getByRole('navigation', { name: 'Posts' }).getByText(SEED_TITLE).click();
    await waitForPageText(page, SEED_TITLE, '.post-title', 30_000);
    const firstPage = Date.now() - started;

    const editor = page.getByRole('textbox', { name: 'Markdown' });
    await editor.focus();
    await page.evaluate(() => {
      const area = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Markdown"]')!;
      area.setSelectionRange(area.value.length, area.value.length);
    });
    // Timed inside the pages, on one clock (epoch ms: timeOrigin + now): the last key's event to the moment the
    // word reached the shown frame — the load of a new frame (swapped in on that load) or the mutation of the
    // shown one (patched in place) — so polling from here adds nothing to the figure.
    await page.evaluate(() => {
      const w = window as unknown as { __lastKey: number; __frameLoads: number[] };
      w.__frameLoads = [];
      document.addEventListener('keydown', (event) => (w.__lastKey = performance.timeOrigin + event.timeStamp), { capture: true });
      document.addEventListener('load', (event) => {
        if (event.target instanceof HTMLIFrameElement) w.__frameLoads.push(performance.timeOrigin + performance.now());
      }, { capture: true });
    });
    const updates: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const word = `pagebench${i}x`;
      await watchMutations(page);
      await page.keyboard.type(` ${word}`, { delay: 30 });
      const typed = Date.now();
      await waitForPageText(page, word, '.post-content', 10_000, 25);
      const lastKey = await page.evaluate(() => (window as unknown as { __lastKey: number }).__lastKey);
      const loads = await page.evaluate(() => (window as unknown as { __frameLoads: number[] }).__frameLoads);
      const frame = await shownFrame(page);
      const mutations = frame ? await frame.evaluate(() => (window as unknown as { __recapMutations?: number[] }).__recapMutations ?? []).catch(() => []) : [];
      const shown = [...loads, ...mutations].filter((t) => t >= lastKey);
      updates.push(shown.length > 0 ? Math.max(...shown) - lastKey : Date.now() - typed);
      await page.waitForTimeout(300);
    }

    const rounds: Record<'page' | 'text', number[][]> = { page: [], text: [] };
    for (let round = 0; round < (options.typingRounds ?? 3); round++) {
      for (const tab of ['page', 'text'] as const) {
        await page.getByRole('tab', { name: tab === 'page' ? 'Page' : 'Text' }).click();
        if (tab === 'page') await waitForPageText(page, `pagebench${options.runs - 1}x`, '.post-content', 10_000, 25);
        else await page.locator('.preview-body').getByText(`pagebench${options.runs - 1}x`).first().waitFor();
        await page.waitForTimeout(300);
        rounds[tab].push(await measureTyping(page, 'textarea[aria-label="Markdown"]', { keys: options.keys, delayMs: 100 }));
      }
    }
    const ofRounds = (tab: 'page' | 'text', p: number) => median(rounds[tab].map((keys) => percentile(keys, p)));
    return {
      first_page_ms: firstPage,
      update_ms: median(updates),
      keystroke_median_ms: ofRounds('page', 50),
      keystroke_p95_ms: ofRounds('page', 95),
      keystroke_text_median_ms: ofRounds('text', 50),
      keystroke_text_p95_ms: ofRounds('text', 95),
      requests_off_machine: offMachine,
    };
  } finally {
    await browser.close();
    await server.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Records (epoch ms) every change to the shown frame's document, where the word arrives when patched in place. */
async function watchMutations(page: Page): Promise<void> {
  const frame = await shownFrame(page);
  await frame?.evaluate(() => {
    const w = window as unknown as { __recapMutations?: number[] };
    if (w.__recapMutations) return;
    const times: number[] = (w.__recapMutations = []);
    new MutationObserver(() => times.push(performance.timeOrigin + performance.now())).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

async function shownFrame(page: Page): Promise<Frame | null> {
  const handle = await page.$('iframe[title="Page preview"]');
  return handle ? handle.contentFrame() : null;
}

/** Polls (every `every` ms) until the shown page frame's `selector` contains `text`. */
async function waitForPageText(page: Page, text: string, selector: string, timeout: number, every = 5): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const frame = await shownFrame(page);
    const content = frame ? await frame.evaluate((sel) => document.querySelector(sel)?.textContent ?? '', selector).catch(() => '') : '';
    if (content.includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, every));
  }
  throw new Error(`The page did not show "${text}" within ${timeout} ms.`);
}

/**
 * Typing latency, preview delay, the initial bundle and network silence, in
 * browser mode under Debian's Chromium. Latency is from the key event's
 * timestamp to just after the next frame is painted (requestAnimationFrame,
 * then a message posted from it, which runs once the frame is out).
 */
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startServer } from '../electron/server/server';
import { median, percentile } from './stats';

const SEED_TITLE = 'Our KubeCon San Diego Highlights';
const LARGE_TITLE = 'Large post for benchmarks';

export interface TypingResults {
  keystroke: {
    seed_median_ms: number;
    seed_p95_ms: number;
    large_median_ms: number;
    large_p95_ms: number;
    textarea_median_ms: number;
    textarea_large_median_ms: number;
  };
  preview_ms: { seed: number; large: number };
  bundle: { initial_kb: number };
  requests_off_machine: number;
}

export async function benchTyping(fixturesDir: string, rendererDir: string, options: { keys: number; delayMs: number; runs: number; chromiumPath: string }): Promise<TypingResults> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'recap-bench-typing-'));
  const root = path.join(tmp, 'events-jekyll');
  await cp(path.join(fixturesDir, 'sites', 'events-jekyll'), root, { recursive: true });
  const large = await readFile(path.join(fixturesDir, 'large-post.md'), 'utf8');
  await writeFile(path.join(root, '_posts', '2020-01-01-large-post.md'), withTitle(large, LARGE_TITLE));
  const server = await startServer({ root, rendererDir, stateDir: path.join(tmp, 'state') });
  const browser = await chromium.launch({
    executablePath: options.chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    let offMachine = 0;
    const scripts = new Set<string>();
    let listShown = false;
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) offMachine++;
      if (!listShown && request.resourceType() === 'script') scripts.add(url.pathname.split('/').pop()!);
    });
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Posts' }).getByText(SEED_TITLE).waitFor();
    listShown = true;
    let initialBytes = 0;
    for (const name of scripts) initialBytes += (await stat(path.join(rendererDir, 'assets', name)).catch(() => ({ size: 0 }))).size;

    // Each figure is the median over repeated runs (each run: a median or p95 of its keys), interleaved
    // with the plain-textarea floor so a noisy moment on the machine hits both alike.
    const seed: number[][] = [];
    const large: number[][] = [];
    const floorSeed: number[][] = [];
    const floorLarge: number[][] = [];
    let seedPreview = NaN;
    let largePreview = NaN;
    for (let run = 0; run < options.runs; run++) {
      seed.push(await typeInPost(page, SEED_TITLE, options));
      if (run === 0) seedPreview = await previewDelay(page);
      large.push(await typeInPost(page, LARGE_TITLE, options));
      if (run === 0) largePreview = await previewDelay(page);
      const floor = await typeInPlainTextarea(page, options);
      floorSeed.push(floor.seed);
      floorLarge.push(floor.large);
    }
    const ofRuns = (runs: number[][], p: number) => median(runs.map((keys) => percentile(keys, p)));

    return {
      keystroke: {
        seed_median_ms: ofRuns(seed, 50),
        seed_p95_ms: ofRuns(seed, 95),
        large_median_ms: ofRuns(large, 50),
        large_p95_ms: ofRuns(large, 95),
        textarea_median_ms: ofRuns(floorSeed, 50),
        textarea_large_median_ms: ofRuns(floorLarge, 50),
      },
      preview_ms: { seed: seedPreview, large: largePreview },
      bundle: { initial_kb: initialBytes / 1024 },
      requests_off_machine: offMachine,
    };
  } finally {
    await browser.close();
    await server.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

function withTitle(text: string, title: string): string {
  return text.startsWith('---\n') ? text.replace(/^title:.*$/m, `title: "${title}"`) : `---\ntitle: "${title}"\n---\n${text}`;
}

/** Opens a post, puts the caret in the middle of its body and types, returning each key's latency. */
async function typeInPost(page: Page, title: string, options: { keys: number; delayMs: number }): Promise<number[]> {
  await openPost(page, title);
  const editor = page.getByRole('textbox', { name: 'Markdown' });
  await page.waitForFunction(() => {
    const area = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Markdown"]');
    return area !== null && area.value.length > 1000;
  });
  await editor.focus();
  return measureTyping(page, 'textarea[aria-label="Markdown"]', options);
}

/** Key-to-next-frame latency of each key typed in the middle of the text of `selector` (the Page bench uses it too). */
export async function measureTyping(page: Page, selector: string, options: { keys: number; delayMs: number }): Promise<number[]> {
  await page.evaluate((sel) => {
    const area = document.querySelector<HTMLTextAreaElement>(sel)!;
    const middle = area.value.indexOf('\n', Math.floor(area.value.length / 2));
    area.focus();
    area.setSelectionRange(middle, middle);
    const w = window as unknown as { __latencies: number[] };
    w.__latencies = [];
    // The editor's textarea outlives a post switch: listen once per element, or each key would count twice.
    if (area.dataset.benchListening) return;
    area.dataset.benchListening = 'yes';
    area.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => w.__latencies.push(performance.now() - start);
          channel.port2.postMessage(null);
        });
      },
      { capture: true },
    );
  }, selector);
  const words = 'the quick brown fox jumps over the lazy dog ';
  const text = words.repeat(Math.ceil(options.keys / words.length)).slice(0, options.keys);
  await page.keyboard.type(text, { delay: options.delayMs });
  await page.waitForTimeout(300);
  // Drop the first keys: they include one-off work (JIT, first layout of the edited line).
  const latencies = await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies);
  return latencies.slice(5);
}

/** Opens a post from the list, discarding the previous post's benchmark edits. */
async function openPost(page: Page, title: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search posts' }).fill(title);
  await page.getByRole('navigation', { name: 'Posts' }).getByText(title).click();
  const unsaved = page.getByRole('dialog', { name: 'Unsaved changes' });
  const asked = await unsaved.waitFor({ timeout: 1500 }).then(
    () => true,
    () => false,
  );
  if (asked) await unsaved.getByRole('button', { name: 'Discard' }).click();
  await page.waitForFunction((t) => document.title.includes(t) && !document.title.startsWith('•'), title);
}

/** Time from the last key of a new word to the preview showing it, median of a few words. */
async function previewDelay(page: Page): Promise<number> {
  // The Text view is the sanitized preview this figure is about (the Page view has its own bench).
  const textTab = page.getByRole('tab', { name: 'Text' });
  if (await textTab.count()) await textTab.click();
  await page.getByRole('textbox', { name: 'Markdown' }).focus();
  const delays: number[] = [];
  for (let i = 0; i < 5; i++) {
    const marker = `benchmarker${i}x`;
    await page.evaluate((word) => {
      const w = window as unknown as { __previewDone: Promise<number>; __lastKey: number };
      const preview = document.querySelector('[aria-label="Preview"]') ?? document.body;
      w.__previewDone = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (preview.textContent?.includes(word)) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(preview, { childList: true, subtree: true, characterData: true });
      });
      document.addEventListener('keydown', (event) => (w.__lastKey = event.timeStamp), { capture: true });
    }, marker);
    await page.keyboard.type(` ${marker}`, { delay: 30 });
    const delay = await page.evaluate(async () => {
      const w = window as unknown as { __previewDone: Promise<number>; __lastKey: number };
      const timeout = new Promise<number>((_, reject) => setTimeout(() => reject(new Error('the preview never showed the typed word')), 15_000));
      return (await Promise.race([w.__previewDone, timeout])) - w.__lastKey;
    });
    delays.push(delay);
  }
  return median(delays);
}

/** The floor: a plain textarea on the same page, holding the same texts. */
async function typeInPlainTextarea(page: Page, options: { keys: number; delayMs: number }): Promise<{ seed: number[]; large: number[] }> {
  const result: { seed: number[]; large: number[] } = { seed: [], large: [] };
  for (const title of [SEED_TITLE, LARGE_TITLE] as const) {
    await openPost(page, title);
    await page.evaluate(() => {
      const source = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Markdown"]')!;
      document.getElementById('bench-floor')?.remove();
      const floor = document.createElement('textarea');
      floor.id = 'bench-floor';
      floor.value = source.value;
      Object.assign(floor.style, { position: 'fixed', inset: '10% 10%', zIndex: '1000', font: '14px monospace' });
      document.body.append(floor);
    });
    const latencies = await measureTyping(page, '#bench-floor', options);
    await page.evaluate(() => document.getElementById('bench-floor')?.remove());
    if (title === SEED_TITLE) result.seed = latencies;
    else result.large = latencies;
  }
  return result;
}

// Makes assets/screenshot.png for the README: browser mode on a temp copy of
// events-jekyll with the seed post open, in Debian's Chromium.
import { spawn } from 'node:child_process';
import { chmod, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = fileURLToPath(new URL('..', import.meta.url));
const fixtures = path.resolve(repo, 'test', 'fixtures');
const out = path.join(repo, 'assets', 'screenshot.png');
const colorScheme = process.argv.includes('--dark') ? 'dark' : 'light';

const tmp = await mkdtemp(path.join(os.tmpdir(), 'recap-shot-'));
const site = path.join(tmp, 'events-jekyll');
await cp(path.join(fixtures, 'sites', 'events-jekyll'), site, { recursive: true });
// A checkout may keep fixtures read-only; the copy is the author's own site, editable.
await chmodWritable(site);

const server = spawn(process.execPath, [path.join(repo, 'bin', 'recap.js'), 'serve', site], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, RECAP_STATE_DIR: path.join(tmp, 'state') },
});
const url = await new Promise((resolve, reject) => {
  let text = '';
  server.stdout.on('data', (d) => {
    text += d;
    const match = /at (http\S+)\n/.exec(text);
    if (match) resolve(match[1]);
  });
  server.on('exit', (code) => reject(new Error(`recap serve exited with ${code}`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme, deviceScaleFactor: 1 });
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Posts' }).getByText('Our KubeCon San Diego Highlights').click();
  await page.getByRole('region', { name: 'Preview' }).getByRole('heading').first().waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: out });
  console.log(`Wrote ${path.relative(repo, out)}`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await rm(tmp, { recursive: true, force: true });
}

/** @param {string} dir */
async function chmodWritable(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    await chmod(file, entry.isDirectory() ? 0o755 : 0o644);
  }
}

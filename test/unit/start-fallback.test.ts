/**
 * `npm start` on a machine where the desktop app cannot start (issue 12.7):
 * one line saying why, then browser mode with its address.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, repoRoot, tempDir } from '../support/fixtures';

const built = existsSync(path.join(repoRoot, 'out/cli/recap.cjs')) && existsSync(path.join(repoRoot, 'node_modules/electron'));

/** Runs scripts/start.mjs until it prints an address; returns its stderr and stdout lines, then stops it. */
async function start(args: string[], env: NodeJS.ProcessEnv): Promise<{ stderr: string; stdout: string; url: string }> {
  const emptyPath = await tempDir('recap-path-'); // no xdg-open here: no browser window opens during the test
  const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/start.mjs'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { HOME: process.env.HOME, PATH: emptyPath, RECAP_STATE_DIR: await tempDir('recap-state-'), ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ...env },
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d) => (stderr += d));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        stdout += d;
        const match = / at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(stdout);
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`start.mjs exited ${code}: ${stderr}`)));
    });
    expect((await fetch(url)).status).toBe(200);
    return { stderr, stdout, url };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

describe.skipIf(!built)('npm start where the desktop app cannot start', () => {
  it('a missing Electron binary: one line, then browser mode on the folder', async () => {
    const site = await copyFixture('sites', 'events-jekyll');
    const { stderr, stdout } = await start(['--', site], { ELECTRON_OVERRIDE_DIST_PATH: await tempDir('recap-no-electron-') });
    expect(stderr).toMatch(/^Recap: the desktop app cannot start here \(the Electron binary is missing[^\n]*\); starting browser mode instead\.\n$/);
    expect(stdout).toMatch(new RegExp(`^Recap is serving ${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} at http://127\\.0\\.0\\.1:\\d+/\\?token=`));
  }, 30_000);

  it('a binary that fails at once (no X server): its reason in the one line; without a folder, the start screen', async () => {
    const dist = await tempDir('recap-bad-electron-');
    await mkdir(dist, { recursive: true });
    const binary = path.join(dist, 'electron');
    await writeFile(binary, "#!/bin/sh\necho '[42:ERROR:ozone_platform_x11.cc] Missing X server or $DISPLAY' >&2\nexit 1\n");
    await chmod(binary, 0o755);
    const { stderr, stdout } = await start([], { ELECTRON_OVERRIDE_DIST_PATH: dist, DISPLAY: ':99' });
    expect(stderr).toMatch(/^Recap: the desktop app cannot start here \(Electron ended at once: .*Missing X server or \$DISPLAY\); starting browser mode instead\.\n$/);
    expect(stdout).toMatch(/^Recap is running at http:\/\/127\.0\.0\.1:\d+\/\?token=\S+ \(choose a folder on the page\)\n$/);
  }, 30_000);

  it('no display at all: browser mode, without trying the binary', async () => {
    const dist = await tempDir('recap-unused-electron-');
    const binary = path.join(dist, 'electron');
    await writeFile(binary, '#!/bin/sh\ntouch "$0.ran"\nsleep 30\n');
    await chmod(binary, 0o755);
    const { stderr } = await start([], { ELECTRON_OVERRIDE_DIST_PATH: dist });
    expect(stderr).toBe('Recap: the desktop app cannot start here (there is no display: DISPLAY and WAYLAND_DISPLAY are unset); starting browser mode instead.\n');
    expect(existsSync(binary + '.ran')).toBe(false);
  }, 30_000);
});

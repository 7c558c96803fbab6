/**
 * The desktop app itself, driven by Playwright's Electron launcher: it opens
 * the folder named on the command line and keeps its page locked down.
 * Skipped, with the reason printed, where the Electron binary is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWindowTitle } from '../../shared/window-title';
import { copyFixture, repoRoot, tempDir } from '../support/fixtures';
import { findElectronBinary } from './electron-binary';

const electron = findElectronBinary(repoRoot);
if (!electron.found) console.log(`electron tests skipped: ${electron.reason}`);

/** What the preload rejects with: contextBridge would strip a RecapError down to its message. */
interface RejectedCall {
  code?: string;
  message?: string;
}

describe.skipIf(!electron.found)('the Recap desktop app', () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    if (!electron.found) return;
    for (const built of ['out/main/main.cjs', 'out/preload/preload.cjs', 'out/renderer/index.html']) {
      if (!existsSync(path.join(repoRoot, built))) throw new Error(`${built} is missing: run npm run build first.`);
    }
    const site = await copyFixture('sites', 'events-jekyll');
    // A throwaway profile, so recent folders and the single-instance lock never touch the real one.
    const profile = await tempDir('recap-electron-profile-');
    app = await _electron.launch({
      executablePath: electron.path,
      args: ['.', site],
      cwd: repoRoot,
      env: { ...process.env, XDG_CONFIG_HOME: profile, APPDATA: profile, ELECTRON_RUN_AS_NODE: '' },
    });
    page = await app.firstWindow();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('opens the folder named on the command line and lists its posts', async () => {
    const posts = page.getByRole('navigation', { name: 'Posts' });
    await posts.getByText('Our KubeCon San Diego Highlights').first().waitFor({ timeout: 30_000 });
    expect(page.url()).toBe('app://recap/index.html');
    const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '');
    expect(title).toMatch(/Recap$/);
  });

  it('runs the page isolated and sandboxed, without Node', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
        getLastWebPreferences(): Record<string, unknown>;
      };
      const p = contents.getLastWebPreferences();
      return {
        sandbox: p.sandbox,
        contextIsolation: p.contextIsolation,
        nodeIntegration: p.nodeIntegration,
        webSecurity: p.webSecurity,
        webviewTag: p.webviewTag,
      };
    });
    expect(prefs).toEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false });

    const inPage = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      // about:blank is not a link for the system browser, so nothing opens anywhere.
      opened: window.open('about:blank') === null,
      bridge: Object.entries((window as unknown as { recap: Record<string, unknown> }).recap).map(([key, value]) => `${key}:${typeof value}`),
    }));
    expect(inPage.require).toBe('undefined');
    expect(inPage.process).toBe('undefined');
    expect(inPage.opened).toBe(true);
    // Functions only: no ipcRenderer, no objects with more reach behind them.
    expect(inPage.bridge.every((entry) => entry.endsWith(':function'))).toBe(true);
    expect(inPage.bridge).toContain('on:function');
    expect(inPage.bridge).toContain('readPost:function');
  });

  it('serves the page with a strict CSP and nothing outside out/renderer', async () => {
    const result = await page.evaluate(async () => {
      const index = await fetch('app://recap/index.html');
      const escape = await fetch('app://recap/..%2f..%2fpackage.json');
      return { csp: index.headers.get('content-security-policy'), type: index.headers.get('content-type'), escape: escape.status };
    });
    expect(result.csp).toContain("script-src 'self'");
    expect(result.csp).toContain("object-src 'none'");
    expect(result.type).toMatch(/^text\/html/);
    expect(result.escape).toBe(403);
  });

  it('refuses to navigate the window away from the app', async () => {
    await page.evaluate(() => {
      window.location.href = 'file:///etc/hostname';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://recap/index.html');
  });

  it('titles the window once: the post, the site, Recap — and the dirty dot only while unsaved', async () => {
    await page.getByRole('navigation', { name: 'Posts' }).getByText('Our KubeCon San Diego Highlights').first().click();
    await page.getByRole('textbox', { name: 'Markdown' }).waitFor();
    const windowTitle = () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '');
    await expect.poll(windowTitle).toBe(formatWindowTitle({ title: 'Our KubeCon San Diego Highlights', site: 'Example Events Blog', dirty: false }));
    await page.getByRole('textbox', { name: 'Markdown' }).press('End');
    await page.keyboard.type(' more');
    await expect.poll(windowTitle).toBe(formatWindowTitle({ title: 'Our KubeCon San Diego Highlights', site: 'Example Events Blog', dirty: true }));
  });

  it("shows a refused call's sentence, never [object Object]", async () => {
    const message = await page.evaluate(async () => {
      try {
        await (window as unknown as { recap: { readPost(input: { path: string }): Promise<unknown> } }).recap.readPost({ path: '../../../etc/passwd' });
        return null;
      } catch (error) {
        return String((error as { message?: unknown }).message ?? error);
      }
    });
    expect(message).toMatch(/outside the opened folder/i);
    expect(message).not.toContain('[object Object]');
  });

  it('answers a refused call with the error code and the sentence for the user', async () => {
    const rejected = await page.evaluate(() =>
      (window as unknown as { recap: { readPost(input: { path: string }): Promise<unknown> } }).recap
        .readPost({ path: '../../../etc/passwd' })
        .then(
          () => null,
          (error: unknown) => error as RejectedCall,
        ),
    );
    expect(rejected?.code).toBe('outside-folder');
    expect(rejected?.message).toBeTruthy();
  });
});

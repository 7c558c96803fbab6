/**
 * The bundled main process, run against a stand-in for the 'electron' module.
 * It proves the wiring where the real binary cannot run (no window appears):
 * the scheme is privileged before ready, the window gets the hardened
 * preferences, IPC trusts only our page, app://recap/ stays inside
 * out/renderer, and closing with unsaved changes saves first.
 */
import { build } from 'esbuild';
import { EventEmitter } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/bridge';
import { copyFixture, repoRoot, tempDir } from '../support/fixtures';

type Listener = (...args: unknown[]) => unknown;
type InvokeHandler = (event: unknown, method: unknown, input: unknown) => Promise<unknown>;
type ProtocolHandler = (request: Request) => Promise<Response>;

class FakeFrame {
  parent: FakeFrame | null = null;
  constructor(public url: string) {}
}

class FakeContents extends EventEmitter {
  sent: unknown[][] = [];
  mainFrame = new FakeFrame('app://recap/index.html');
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  session = {
    addWordToSpellCheckerDictionary: () => true,
    availableSpellCheckerLanguages: ['en-US', 'en-GB', 'fr', 'de'],
    languages: ['en-US'],
    getSpellCheckerLanguages() {
      return this.languages;
    },
    setSpellCheckerLanguages(languages: string[]) {
      this.languages = languages;
    },
  };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  isDestroyed() {
    return false;
  }
}

class FakeWindow extends EventEmitter {
  static all: FakeWindow[] = [];
  webContents = new FakeContents();
  title = '';
  closed = false;
  loaded: string | null = null;
  constructor(public options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
    super();
    FakeWindow.all.push(this);
    fake.app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return this.closed;
  }
  setTitle(title: string) {
    this.title = title;
  }
  setDocumentEdited() {}
  setBackgroundColor() {}
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  show() {}
  /** Like Electron: 'close' may be prevented; otherwise the window goes. */
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) {
      this.closed = true;
      this.emit('closed');
    }
    return !prevented;
  }
}

const calls = {
  privileged: [] as unknown[],
  readyBeforePrivileged: false,
  menus: [] as unknown[],
  messageBoxes: [] as unknown[],
  externals: [] as string[],
};
let ready = false;
let resolveReady: () => void = () => undefined;
const whenReady = new Promise<void>((resolve) => (resolveReady = resolve));
let invoke: InvokeHandler | null = null;
let serve: ProtocolHandler | null = null;
let nextMessageBoxResponse = 0;
let userData = '';

const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  requestSingleInstanceLock: () => true,
  quit: () => undefined,
  exit: () => undefined,
  getPath: () => userData,
  // The checkout (main.ts finds the bundled sample site there when not packaged).
  getAppPath: () => process.cwd(),
  getVersion: () => '0.1.0',
  whenReady: () => whenReady,
  isReady: () => ready,
  addRecentDocument: () => undefined,
  clearRecentDocuments: () => undefined,
});

const fake = {
  app,
  BrowserWindow: Object.assign(FakeWindow, { getAllWindows: () => FakeWindow.all.filter((w) => !w.closed) }),
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown) => {
      calls.readyBeforePrivileged = ready;
      calls.privileged.push(schemes);
    },
    handle: (_scheme: string, handler: ProtocolHandler) => {
      serve = handler;
    },
  },
  session: {
    defaultSession: {
      permissionRequest: null as Listener | null,
      permissionCheck: null as Listener | null,
      setPermissionRequestHandler(handler: Listener) {
        this.permissionRequest = handler;
      },
      setPermissionCheckHandler(handler: Listener) {
        this.permissionCheck = handler;
      },
      setDevicePermissionHandler: () => undefined,
      dictionaryDownloadUrl: null as string | null,
      setSpellCheckerDictionaryDownloadURL(url: string) {
        this.dictionaryDownloadUrl = url;
      },
    },
  },
  ipcMain: {
    handle: (channel: string, handler: InvokeHandler) => {
      if (channel === IPC_INVOKE) invoke = handler;
    },
    removeHandler: () => undefined,
  },
  Menu: {
    buildFromTemplate: (template: unknown) => ({ template, popup: () => undefined }),
    setApplicationMenu: (menu: unknown) => calls.menus.push(menu),
  },
  dialog: {
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showMessageBox: async (...args: unknown[]) => {
      calls.messageBoxes.push(args);
      return { response: nextMessageBoxResponse, checkboxChecked: false };
    },
  },
  shell: {
    openExternal: async (url: string) => {
      calls.externals.push(url);
    },
  },
  nativeTheme: Object.assign(new EventEmitter(), { shouldUseDarkColors: false }),
};

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (check()) return;
    await tick();
  }
  throw new Error(`timed out waiting for ${what}`);
}

let site = '';
let window: FakeWindow;
const trustedEvent = () => ({ sender: window.webContents, senderFrame: window.webContents.mainFrame });

describe('the main process wiring (with a stand-in Electron)', () => {
  const originalLoad = (Module as unknown as { _load: Listener })._load;
  const originalArgv = process.argv;

  beforeAll(async () => {
    const dir = await tempDir('recap-main-');
    const outfile = path.join(dir, 'out', 'main', 'main.cjs');
    await build({
      entryPoints: [path.join(repoRoot, 'electron', 'main.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'silent',
      external: ['electron', 'bufferutil', 'utf-8-validate', 'sharp'], // as scripts/build.mjs: a native module, loaded at run time
    });
    await mkdir(path.join(dir, 'out', 'renderer', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'out', 'renderer', 'index.html'), '<!doctype html><title>Recap</title>');
    await writeFile(path.join(dir, 'out', 'renderer', 'assets', 'app.js'), 'export {};');
    await writeFile(path.join(dir, 'secret.txt'), 'outside the renderer');
    site = await copyFixture('sites', 'events-jekyll');
    userData = await tempDir('recap-userdata-');

    (Module as unknown as { _load: Listener })._load = function (this: unknown, request: unknown, ...rest: unknown[]) {
      return request === 'electron' ? fake : originalLoad.call(this, request, ...rest);
    };
    process.argv = ['/opt/electron/electron', '--inspect=0', '.', site];
    Object.assign(process, { defaultApp: true });
    createRequire(import.meta.url)(outfile);
    ready = true;
    resolveReady();
    await until(() => FakeWindow.all.length === 1 && invoke !== null && serve !== null, 'the window');
    window = FakeWindow.all[0]!;
  }, 60_000);

  afterAll(() => {
    (Module as unknown as { _load: Listener })._load = originalLoad;
    process.argv = originalArgv;
  });

  it('makes app:// a privileged, secure, standard scheme before the app is ready', () => {
    expect(calls.readyBeforePrivileged).toBe(false);
    expect(calls.privileged).toEqual([[{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }]]);
  });

  it('creates one hardened window on app://recap/ with the bundled preload', () => {
    const prefs = window.options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: true });
    expect(String(prefs.preload).endsWith(path.join('out', 'preload', 'preload.cjs'))).toBe(true);
    expect(String((prefs.additionalArguments as string[])[0])).toMatch(/^--recap-methods=.*getSession/);
    expect(window.loaded).toBe('app://recap/index.html');
  });

  it('opens the folder from the command line before the page asks for its session', async () => {
    const answer = (await invoke!(trustedEvent(), 'getSession', {})) as { ok: boolean; result: { site: { root: string } | null; recent: string[] } };
    expect(answer.ok).toBe(true);
    expect(answer.result.site?.root).toBe(site);
    expect(answer.result.recent).toContain(site);
  });

  it('refuses calls from an iframe or a foreign page, and reports bad input with its code', async () => {
    const frame = new FakeFrame('app://recap/index.html');
    frame.parent = window.webContents.mainFrame;
    expect(await invoke!({ sender: window.webContents, senderFrame: frame }, 'getSession', {})).toMatchObject({ ok: false, error: { code: 'refused' } });
    const foreign = { sender: window.webContents, senderFrame: new FakeFrame('https://evil.example/') };
    expect(await invoke!(foreign, 'getSession', {})).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await invoke!({ sender: new FakeContents(), senderFrame: new FakeFrame('app://recap/index.html') }, 'getSession', {})).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
    expect(await invoke!(trustedEvent(), 'noSuchMethod', {})).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await invoke!(trustedEvent(), 'readPost', { path: '../../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'outside-folder' } });
  });

  it('serves out/renderer with a CSP, and nothing outside it', async () => {
    const index = await serve!(new Request('app://recap/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const script = await serve!(new Request('app://recap/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await serve!(new Request('app://recap/..%2f..%2fsecret.txt'))).status).toBe(403);
    expect((await serve!(new Request('app://recap/missing.js'))).status).toBe(404);
    expect((await serve!(new Request('app://recap/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('serves images of the open site on app://recap/site/, confined to it, and nothing else there', async () => {
    await invoke!(trustedEvent(), 'getSession', {}); // the folder on the command line is open once this answers
    const image = await serve!(new Request('app://recap/site/images/2019-kubecon-san-diego/background.jpg'));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(image.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect((await serve!(new Request('app://recap/site/_config.yml'))).status).toBe(403);
    expect((await serve!(new Request('app://recap/site/..%2f..%2fsecret.png'))).status).toBe(403);
    expect((await serve!(new Request('app://recap/site/images/none.png'))).status).toBe(404);
  });

  it('denies permissions, new windows and navigation; safe links go to the system browser', async () => {
    const granted: boolean[] = [];
    fake.session.defaultSession.permissionRequest?.(window.webContents, 'media', (ok: boolean) => granted.push(ok));
    expect(granted).toEqual([false]);
    expect(fake.session.defaultSession.permissionCheck?.()).toBe(false);

    expect(window.webContents.openHandler?.({ url: 'https://example.com/post' })).toEqual({ action: 'deny' });
    expect(window.webContents.openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    // An embed's popup to this machine or the local network is refused, not opened (issue 18.6).
    for (const url of ['https://127.0.0.1:22/', 'http://192.168.1.1/admin', 'http://[::1]:8080/', 'http://localhost:4000/']) {
      expect(window.webContents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
    let prevented = 0;
    window.webContents.emit('will-navigate', { preventDefault: () => prevented++ }, 'file:///etc/passwd');
    window.webContents.emit('will-navigate', { preventDefault: () => prevented++ }, 'app://recap/index.html');
    expect(prevented).toBe(1);
    await tick();
    expect(calls.externals).toEqual(['https://example.com/post']);
  });

  it('never lets the spell checker download dictionaries: their source is a refusing loopback port', () => {
    expect(fake.session.defaultSession.dictionaryDownloadUrl).toMatch(/^http:\/\/127\.0\.0\.1:9\//);
  });

  it("follows the open post's language with the spell checker, and the system's again for a post that names none", async () => {
    const languages = () => window.webContents.session.getSpellCheckerLanguages();
    await invoke!(trustedEvent(), 'setDocumentState', { title: 'Notes', site: 'Example Events Blog', dirty: false, language: 'fr' });
    expect(languages()).toEqual(['fr']);
    await invoke!(trustedEvent(), 'setDocumentState', { title: 'Notes', site: 'Example Events Blog', dirty: false, language: 'en' });
    expect(languages()).toEqual(['en-US', 'en-GB']);
    await invoke!(trustedEvent(), 'setDocumentState', { title: 'Notes', site: 'Example Events Blog', dirty: false, language: null });
    expect(languages()).toEqual(['en-US']);
    // Not a language tag: refused at the door like any malformed input.
    expect(await invoke!(trustedEvent(), 'setDocumentState', { title: 'Notes', site: null, dirty: false, language: 'fr; rm -rf' })).toMatchObject({ ok: false });
  });

  it('titles the window from the page and lists the site under Open Recent', async () => {
    // The page sends fields; the shell formats them once (shared/window-title.ts), with no second decoration.
    await invoke!(trustedEvent(), 'setDocumentState', { title: 'Our KubeCon San Diego Highlights', site: 'Example Events Blog', dirty: true });
    expect(window.title).toBe('• Our KubeCon San Diego Highlights — Example Events Blog — Recap');
    await invoke!(trustedEvent(), 'setDocumentState', { title: 'Our KubeCon San Diego Highlights', site: 'Example Events Blog', dirty: false });
    expect(window.title).toBe('Our KubeCon San Diego Highlights — Example Events Blog — Recap');
    const menu = calls.menus.at(-1) as { template: { label?: string; submenu?: { label?: string; submenu?: { label?: string }[] }[] }[] };
    const file = menu.template.find((item) => item.label === '&File');
    const recent = file?.submenu?.find((item) => item.label === 'Open Recent');
    expect(recent?.submenu?.[0]?.label).toBe(site);
  });

  it('asks before closing with unsaved changes, saves, and closes once the page reports it saved', async () => {
    await invoke!(trustedEvent(), 'setDocumentState', { title: 'Draft', site: 'Example Events Blog', dirty: true });
    nextMessageBoxResponse = 0; // Save
    expect(window.close()).toBe(false);
    // The prompt names the post itself, not the decorated window title.
    await until(() => calls.messageBoxes.length === 1, 'the unsaved-changes prompt');
    expect(JSON.stringify(calls.messageBoxes[0])).toContain('Save your changes to “Draft” before');
    await until(() => window.webContents.sent.some(([channel, name, payload]) => channel === IPC_EVENT && name === 'menu' && payload === 'save'), 'the save command');
    expect(window.closed).toBe(false);
    await invoke!(trustedEvent(), 'setDocumentState', { title: 'Draft', site: 'Example Events Blog', dirty: false });
    await until(() => window.closed, 'the window to close');
    expect(calls.messageBoxes).toHaveLength(1);
  });
});

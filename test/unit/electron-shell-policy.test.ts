/**
 * The Electron shell's security decisions, tested without Electron: these
 * pure functions are what window.ts, protocol.ts and ipc.ts act on.
 */
import path from 'node:path';
import { EMBED_FRAME_HOSTS } from '../../shared/embeds';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/api';
import { RecapError } from '../../shared/errors';
import { METHODS_SWITCH, methodsFromArgv, methodsSwitch, openEnvelope } from '../../electron/shell/bridge-protocol';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  WEB_PREFERENCES,
  folderFromArgv,
  isAppEntryUrl,
  isAppUrl,
  isTrustedSender,
  mimeTypeFor,
  resolveAppAsset,
} from '../../electron/shell/policy';
import { formatWindowTitle } from '../../shared/window-title';

const root = path.resolve('/srv/recap/out/renderer');

describe('app URLs', () => {
  it('accepts our own origin and nothing that merely resembles it', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://recap/assets/index-abc.js')).toBe(true);
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://recap/index.html',
      'app://evil/index.html',
      'app://recap.evil.example/index.html',
      'app://user@recap/index.html',
      'app://recap:8080/index.html',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('lets the window navigate only to its entry document', () => {
    expect(isAppEntryUrl('app://recap/index.html')).toBe(true);
    expect(isAppEntryUrl('app://recap/index.html#/post')).toBe(true);
    expect(isAppEntryUrl('app://recap/')).toBe(true);
    expect(isAppEntryUrl('app://recap/assets/evil.html')).toBe(false);
    expect(isAppEntryUrl('https://example.com/')).toBe(false);
    expect(isAppEntryUrl('javascript:location.href')).toBe(false);
  });
});

describe('IPC senders', () => {
  const ours = { frameUrl: APP_ENTRY_URL, isMainFrame: true, fromAppWindow: true };

  it('trusts the top frame of our window showing our page', () => {
    expect(isTrustedSender(ours)).toBe(true);
  });

  it('refuses an iframe, a foreign page, a gone frame and another window', () => {
    expect(isTrustedSender({ ...ours, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'https://platform.twitter.com/embed' })).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'file:///tmp/index.html' })).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: null })).toBe(false);
    expect(isTrustedSender({ ...ours, fromAppWindow: false })).toBe(false);
  });
});

describe('serving out/renderer on app://recap/', () => {
  it('maps paths inside the renderer folder, with / meaning index.html', () => {
    expect(resolveAppAsset(root, 'app://recap/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://recap/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://recap/assets/index-abc.js?v=1#x')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppAsset(root, 'app://recap/assets/my%20font.woff2')).toBe(path.join(root, 'assets', 'my font.woff2'));
  });

  it('refuses traversal in every encoding', () => {
    for (const url of [
      'app://recap/..%2f..%2f..%2fetc%2fpasswd',
      'app://recap/assets/..%2F..%2Fsecret',
      'app://recap/%2e%2e%2fsecret',
      'app://recap/..%5c..%5cwindows%5cwin.ini',
      'app://recap/assets/%00.js',
      'app://recap/%E0%A4%A', // malformed percent-encoding
    ]) {
      expect(resolveAppAsset(root, url), url).toBeNull();
    }
  });

  it('keeps URLs the parser already normalised inside the folder', () => {
    for (const url of ['app://recap/../../etc/passwd', 'app://recap/%2e%2e/%2e%2e/etc/passwd', 'app://recap/%2fetc%2fpasswd']) {
      expect(resolveAppAsset(root, url), url).toBe(path.join(root, 'etc', 'passwd'));
    }
  });

  it('serves nothing for another origin or scheme', () => {
    expect(resolveAppAsset(root, 'app://evil/index.html')).toBeNull();
    expect(resolveAppAsset(root, 'file:///etc/passwd')).toBeNull();
  });

  it('names the types module scripts and workers need', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('assets/worker-1.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('assets/a.MJS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('assets/a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('icon.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('unknown.bin')).toBe('application/octet-stream');
  });
});

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('runs only our own scripts: no inline script, no eval, no plugins; frames only from the embed allowlist', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'self'", ...EMBED_FRAME_HOSTS.map((host) => `https://${host}`)]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
  });

  it('allows the preview its images and worker; remote only https images and allowlisted frames, never http or a connection', () => {
    // The preview requests remote images only once the author turns on "Load external content".
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https:']);
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/http:/);
  });
});

describe('window hardening', () => {
  it('isolates and sandboxes the page with Node switched off everywhere', () => {
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('titles the window by its document and site, marks unsaved changes once, from fields', () => {
    expect(formatWindowTitle({ title: null, site: null, dirty: false })).toBe('Recap');
    expect(formatWindowTitle({ title: null, site: 'Example Events Blog', dirty: true })).toBe('Example Events Blog — Recap');
    expect(formatWindowTitle({ title: '  ', site: null, dirty: true })).toBe('Recap');
    expect(formatWindowTitle({ title: 'KubeCon write-up', site: null, dirty: false })).toBe('KubeCon write-up — Recap');
    expect(formatWindowTitle({ title: 'KubeCon write-up', site: 'blog', dirty: true })).toBe('• KubeCon write-up — blog — Recap');
  });
});

describe('the folder on the command line', () => {
  const cwd = path.resolve('/home/ada');

  it('skips the app path under `electron .` and resolves against the launch folder', () => {
    expect(folderFromArgv({ argv: ['/x/electron', '.', 'blog'], defaultApp: true, cwd })).toBe(path.join(cwd, 'blog'));
    expect(folderFromArgv({ argv: ['/x/electron', '.'], defaultApp: true, cwd })).toBeNull();
  });

  it('takes the first argument of a packaged app', () => {
    expect(folderFromArgv({ argv: ['/opt/Recap/recap', '/srv/site'], defaultApp: false, cwd })).toBe(path.resolve('/srv/site'));
    expect(folderFromArgv({ argv: ['/opt/Recap/recap'], defaultApp: false, cwd })).toBeNull();
  });

  it('never mistakes Electron or Chromium switches for a folder', () => {
    expect(
      folderFromArgv({ argv: ['/x/electron', '--inspect=0', '--remote-debugging-port=0', '.', '--no-sandbox', 'site'], defaultApp: true, cwd }),
    ).toBe(path.join(cwd, 'site'));
    expect(folderFromArgv({ argv: ['/opt/Recap/recap', '--enable-logging'], defaultApp: false, cwd })).toBeNull();
  });

  it('takes a folder whose name starts with a dash after --', () => {
    expect(folderFromArgv({ argv: ['/opt/Recap/recap', '--', '-drafts'], defaultApp: false, cwd })).toBe(path.join(cwd, '-drafts'));
  });
});

describe('the IPC bridge protocol', () => {
  it('hands the preload every method of the contract through one switch', () => {
    const argv = ['/x/electron', '--type=renderer', methodsSwitch(methodNames)];
    expect(methodsFromArgv(argv).sort()).toEqual([...methodNames].sort());
  });

  it('drops names that are not plain identifiers or would shadow `on`', () => {
    expect(methodsFromArgv([`${METHODS_SWITCH}getSession,__proto__,on,a-b,,listPosts,getSession`])).toEqual(['getSession', 'listPosts']);
    expect(methodsFromArgv(['--other'])).toEqual([]);
    expect(() => methodsSwitch(['ok', 'not ok'])).toThrow(RecapError);
  });

  it('opens envelopes, keeping the error code a plain Error would lose', () => {
    expect(openEnvelope({ ok: true, result: { a: 1 } })).toEqual({ ok: true, result: { a: 1 } });
    expect(openEnvelope({ ok: false, error: { code: 'conflict', message: 'Changed on disk.', line: 3 } })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Changed on disk.', line: 3 },
    });
  });

  it('turns anything malformed into an internal error instead of a result', () => {
    for (const value of [undefined, null, 'ok', { ok: 'yes' }, { ok: false, error: { code: 'made-up', message: 'x' } }]) {
      const opened = openEnvelope(value);
      expect(opened.ok).toBe(false);
      if (!opened.ok) expect(opened.error.code).toBe('internal');
    }
  });
});

/**
 * The shell's security decisions as plain functions. This file never imports
 * 'electron', so every rule here runs under the unit tests; the Electron
 * modules beside it only wire these answers to Electron's events.
 */
import path from 'node:path';
import { contentSecurityPolicy } from '../../shared/csp';
import { contentTypeFor } from '../../shared/media/content-types';

export const APP_SCHEME = 'app';
export const APP_HOST = 'recap';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The one document the window ever shows. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Sent with every response of the app scheme: the one policy of shared/csp.ts
 * (our scripts only; frames only from the embed allowlist).
 */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * Fixed hardening for the window. `preload` is added where the window is made,
 * since only that module knows where the bundle lives.
 */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: true,
} as const;

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True for URLs of our own origin (app://recap/…), the only content the window may hold. */
export function isAppUrl(raw: string): boolean {
  const url = parse(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** True only for the app's entry document: every other navigation of the window is refused. */
export function isAppEntryUrl(raw: string): boolean {
  if (!isAppUrl(raw)) return false;
  const { pathname } = new URL(raw);
  return pathname === '/' || pathname === '/index.html';
}

export interface SenderInfo {
  /** The sending frame's URL; null when Electron no longer knows the frame (it navigated or closed). */
  frameUrl: string | null;
  /** The frame is the top frame of its page, not an iframe. */
  isMainFrame: boolean;
  /** The message came from the web contents of a window this shell created. */
  fromAppWindow: boolean;
}

/**
 * Only the top frame of our own window, showing our own origin, may call the
 * API: an embed iframe or a page that somehow navigated elsewhere must not.
 */
export function isTrustedSender(sender: SenderInfo): boolean {
  return sender.fromAppWindow && sender.isMainFrame && sender.frameUrl !== null && isAppUrl(sender.frameUrl);
}

/**
 * Maps an app:// request to a file inside `root`, or null when it would leave
 * it. Chromium already folds `..` out of standard URLs; this also catches the
 * encoded forms (`%2e%2e`, `%2f`, `%5c`) that decode into a traversal.
 */
export function resolveAppAsset(root: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  if (relative === '' || path.isAbsolute(relative)) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  return isInside(base, file) ? file : null;
}

/**
 * The still-encoded path after app://recap/site/, or null for any other URL.
 * Taken from the raw URL so an encoded `..` reaches the confinement check as written.
 */
export function siteImagePath(requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const match = /^app:\/\/recap\/site\/([^?#]*)/i.exec(requestUrl);
  return match ? (match[1] ?? '') : null;
}

/** True when `child` is strictly inside `parent` (both absolute, normalised). */
export function isInside(parent: string, child: string): boolean {
  const prefix = parent.endsWith(path.sep) ? parent : parent + path.sep;
  return child.startsWith(prefix);
}


/** Module scripts and workers refuse to run without the right type (shared with browser mode). */
export const mimeTypeFor = contentTypeFor;

export interface LaunchArgs {
  argv: readonly string[];
  /** `process.defaultApp`: true when started as `electron <app> …`, so argv[1] is the app, not a user argument. */
  defaultApp: boolean;
  cwd: string;
}

/**
 * The folder named on the command line (`electron . <folder>` or
 * `Recap <folder>`), resolved against the launch directory; null when there is
 * none. Switches (`--inspect=0`, Chromium flags) are never taken for a folder.
 */
export function folderFromArgv({ argv, defaultApp, cwd }: LaunchArgs): string | null {
  const positional: string[] = [];
  let onlyPositional = false;
  for (const arg of argv.slice(1)) {
    if (!onlyPositional && arg === '--') {
      onlyPositional = true;
    } else if (onlyPositional || !arg.startsWith('-')) {
      positional.push(arg);
    }
  }
  // Under `electron .` the first positional argument is the app itself.
  const folder = defaultApp ? positional[1] : positional[0];
  if (folder === undefined || folder.trim() === '') return null;
  return path.resolve(cwd, folder);
}


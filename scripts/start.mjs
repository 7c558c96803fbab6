// `npm start [-- <folder>]`: runs the built app in Electron. Finds the Electron
// binary itself instead of requiring the `electron` package, whose index.js
// silently starts a download; tries that download once, visibly bounded.
// Wherever the desktop app cannot start (no binary, no download, a Node too
// old for Electron's installer, no display, a binary that fails at once), it
// says so in one line and starts browser mode instead, so `npm start` always
// gives the user Recap.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronDir = path.join(root, 'node_modules', 'electron');
const DOWNLOAD_TIMEOUT_MS = 120_000;
/** A desktop app that ends with an error this soon never opened a usable window. */
const STARTUP_MS = 4_000;
/** Electron 45's own installer and launcher declare this engine (>= 22.12). */
const ELECTRON_NODE = { major: 22, minor: 12 };
/** @type {NodeJS.Signals[]} */
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** The download's progress left its line open: what follows finishes that same line. */
let downloadLineOpen = false;

/** Where electron/install.js puts the executable for this platform (its getPlatformPath). */
function platformPath() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (existsSync(pathFile)) return readFileSync(pathFile, 'utf8').trim();
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (process.platform === 'win32') return 'electron.exe';
  return 'electron';
}

function binaryPath() {
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
  return path.join(dist, platformPath());
}

function nodeTooOld() {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  return major < ELECTRON_NODE.major || (major === ELECTRON_NODE.major && minor < ELECTRON_NODE.minor);
}

/** Downloads the binary once; the progress and its outcome share one line with what follows. */
function tryDownload() {
  const installer = path.join(electronDir, 'install.js');
  if (!existsSync(installer) || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return false;
  process.stderr.write('Recap: the Electron binary is missing; downloading it once (up to 2 minutes)… ');
  downloadLineOpen = true;
  // Output is captured: on failure the installer prints a stack trace the user does not need.
  const result = spawnSync(process.execPath, [installer], { cwd: electronDir, stdio: 'pipe', timeout: DOWNLOAD_TIMEOUT_MS, killSignal: 'SIGKILL', env: process.env });
  const ok = !result.error && result.status === 0 && existsSync(binaryPath());
  if (ok) {
    process.stderr.write('done.\n');
    downloadLineOpen = false;
  }
  return ok;
}

/** Why the desktop app cannot start on this machine, or null when it may. */
function cannotStart() {
  if (!existsSync(electronDir)) return 'the electron package is not installed';
  if (!existsSync(binaryPath())) {
    if (nodeTooOld()) return `the Electron binary is missing and its installer needs Node ${ELECTRON_NODE.major}.${ELECTRON_NODE.minor} or newer, and this is Node ${process.versions.node}`;
    const tried = tryDownload();
    if (!tried && !existsSync(binaryPath())) return 'the Electron binary is missing and could not be downloaded';
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'there is no display: DISPLAY and WAYLAND_DISPLAY are unset';
  return null;
}

/** npm runs scripts from the package root; a relative folder means the one the user typed it in. */
function forwardedArgs() {
  const from = process.env.INIT_CWD || process.cwd();
  return process.argv.slice(2).filter((arg) => arg !== '--').map((arg) => (arg.startsWith('-') ? arg : path.resolve(from, arg)));
}

/** The folder given on the command line, if any (Electron's other switches are not browser mode's). */
function folderArg() {
  return forwardedArgs().find((arg) => !arg.startsWith('-'));
}

/**
 * Runs a child until it ends, passing Ctrl+C and friends on, and ends this process the same way.
 * @param {import('node:child_process').ChildProcess} child
 */
function follow(child) {
  for (const signal of FORWARDED) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('exit', (/** @type {number | null} */ code, /** @type {NodeJS.Signals | null} */ signal) => {
    if (signal) {
      // Die the same way, so a caller sees the real cause (e.g. Ctrl+C).
      for (const name of FORWARDED) process.removeAllListeners(name);
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? 1);
  });
}

/** @param {string} reason */
function startBrowserMode(reason) {
  // A line that was left open by the download's progress ends with the reason.
  const line = `the desktop app cannot start here (${reason}); starting browser mode instead.\n`;
  process.stderr.write(downloadLineOpen ? `failed: ${line}` : `Recap: ${line}`);
  downloadLineOpen = false;
  const folder = folderArg();
  const child = spawn(process.execPath, [path.join(root, 'bin', 'recap.js'), 'serve', ...(folder ? [folder] : []), '--open'], { cwd: root, stdio: 'inherit', env: process.env });
  child.on('error', (error) => {
    console.error(`Recap: could not start browser mode (${error.message}). Run: npm run serve -- <folder>`);
    process.exit(1);
  });
  follow(child);
}

/** @param {string} binary */
function startDesktop(binary) {
  const env = { ...process.env };
  // Set by some tools (and inherited by accident), it would make the binary a plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, ['.', ...forwardedArgs()], { cwd: root, stdio: ['inherit', 'inherit', 'pipe'], env, windowsHide: false });
  // Its first words are held back: if it fails at once (missing libraries, no display), browser mode
  // starts instead with one line of explanation; once it runs, everything it says passes through.
  let early = '';
  let started = false;
  let fellBack = false;
  const fallBack = (/** @type {string} */ why) => {
    if (fellBack) return;
    fellBack = true;
    for (const name of FORWARDED) process.removeAllListeners(name);
    startBrowserMode(why);
  };
  const timer = setTimeout(() => {
    started = true;
    process.stderr.write(early);
  }, STARTUP_MS);
  child.stderr.on('data', (chunk) => {
    if (started) process.stderr.write(chunk);
    else early += chunk;
  });
  child.on('error', (error) => {
    clearTimeout(timer);
    fallBack(`Electron could not run: ${error.message}`);
  });
  child.on('exit', (code, signal) => {
    clearTimeout(timer);
    if (fellBack) return;
    if (!started && (code !== 0 || signal)) {
      const said = early.split('\n').map((l) => l.trim()).filter(Boolean).at(-1);
      fallBack(`Electron ended at once${said ? `: ${said.slice(0, 200)}` : ` with ${signal ?? `code ${code}`}`}`);
      return;
    }
    if (!started) process.stderr.write(early);
    for (const name of FORWARDED) process.removeAllListeners(name);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
  for (const signal of FORWARDED) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
}

const reason = cannotStart();
if (reason) startBrowserMode(reason);
else startDesktop(binaryPath());

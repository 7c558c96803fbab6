// `npm start [-- <folder>]`: runs the built app in Electron. Finds the Electron
// binary itself instead of requiring the `electron` package, whose index.js
// silently starts a download; tries that download once, visibly bounded, and
// otherwise explains in two lines how to use Recap without it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronDir = path.join(root, 'node_modules', 'electron');
const DOWNLOAD_TIMEOUT_MS = 120_000;
/** Electron 45's own installer and launcher declare this engine (>= 22.12). */
const ELECTRON_NODE = { major: 22, minor: 12 };

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

function tryDownload() {
  const installer = path.join(electronDir, 'install.js');
  if (!existsSync(installer)) return;
  console.error('Recap: the Electron binary is missing; trying to download it once (up to 2 minutes)…');
  // Output is captured: on failure the installer prints a stack trace the user does not need.
  const result = spawnSync(process.execPath, [installer], {
    cwd: electronDir,
    stdio: 'pipe',
    timeout: DOWNLOAD_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    env: process.env,
  });
  if (result.error || result.status !== 0) {
    const code = /** @type {NodeJS.ErrnoException | undefined} */ (result.error)?.code;
    const reason = code === 'ETIMEDOUT' ? 'timed out' : 'failed';
    console.error(`Recap: the download ${reason}.`);
  }
}

function explainAndExit() {
  const lines = [
    'Recap cannot start its desktop window: the Electron binary is not installed (node_modules/electron/dist is missing) and could not be downloaded.',
    'Use Recap in your browser instead: npm run serve -- <folder>',
  ];
  if (nodeTooOld()) {
    lines.push(`(Electron 45's installer and launcher need Node ${ELECTRON_NODE.major}.${ELECTRON_NODE.minor} or newer; this is Node ${process.versions.node}.)`);
  }
  console.error(lines.join('\n'));
  process.exit(1);
}

/** npm runs scripts from the package root; a relative folder means the one the user typed it in. */
function forwardedArgs() {
  const from = process.env.INIT_CWD || process.cwd();
  let positional = false;
  return process.argv.slice(2).map((arg) => {
    if (arg === '--') {
      positional = true;
      return arg;
    }
    return positional || !arg.startsWith('-') ? path.resolve(from, arg) : arg;
  });
}

if (!existsSync(electronDir)) {
  console.error('Recap: the electron package is missing. Run npm install first, or use the browser: npm run serve -- <folder>');
  process.exit(1);
}

let binary = binaryPath();
if (!existsSync(binary)) {
  tryDownload();
  binary = binaryPath();
  if (!existsSync(binary)) explainAndExit();
}

const env = { ...process.env };
// Set by some tools (and inherited by accident), it would make the binary a plain Node.
delete env.ELECTRON_RUN_AS_NODE;

const child = spawn(binary, ['.', ...forwardedArgs()], { cwd: root, stdio: 'inherit', env, windowsHide: false });

/** @type {NodeJS.Signals[]} */
const forward = ['SIGINT', 'SIGTERM', 'SIGHUP'];
for (const signal of forward) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}

child.on('error', (error) => {
  console.error(`Recap: could not run Electron (${error.message}).`);
  process.exit(1);
});

child.on('exit', (code, signal) => {
  if (signal) {
    // Die the same way, so a caller sees the real cause (e.g. Ctrl+C).
    for (const name of forward) process.removeAllListeners(name);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});

/**
 * Where the Electron binary is, found the way scripts/start.mjs finds it and
 * without requiring the `electron` package (its index.js starts a download).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export function findElectronBinary(repoRoot: string): ElectronBinary {
  const electronDir = path.join(repoRoot, 'node_modules', 'electron');
  if (!existsSync(electronDir)) return { found: false, reason: 'the electron package is not installed (run npm install)' };
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : process.platform === 'darwin'
      ? 'Electron.app/Contents/MacOS/Electron'
      : process.platform === 'win32'
        ? 'electron.exe'
        : 'electron';
  const binary = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist'), relative);
  if (existsSync(binary)) return { found: true, path: binary };
  return {
    found: false,
    reason:
      'the Electron binary is not installed (node_modules/electron/dist missing; it downloads on first run and this machine has no internet)',
  };
}

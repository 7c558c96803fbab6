/** Runs the CLI in-process with captured output. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../electron/cli/run';
import { repoRoot } from './fixtures';

/** The CLI's persistent index and check cache go to a temp state folder, never the real one. */
const stateDir = mkdtempSync(path.join(os.tmpdir(), 'recap-cli-state-'));

export async function recap(args: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
    cwd,
    env: { ...process.env, RECAP_DEBUG: '', RECAP_STATE_DIR: process.env.RECAP_STATE_DIR ?? stateDir },
    rendererDir: path.join(repoRoot, 'out', 'renderer'),
  });
  return { code, stdout, stderr };
}

/** Runs the CLI in-process with captured output. */
import path from 'node:path';
import { runCli } from '../../electron/cli/run';
import { repoRoot } from './fixtures';

export async function recap(args: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
    cwd,
    env: { ...process.env, RECAP_DEBUG: '' },
    rendererDir: path.join(repoRoot, 'out', 'renderer'),
  });
  return { code, stdout, stderr };
}

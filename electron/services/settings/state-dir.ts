/** The per-user state folder for browser mode and the CLI (Electron passes app.getPath('userData')). */
import os from 'node:os';
import path from 'node:path';

export function defaultStateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RECAP_STATE_DIR) return path.resolve(env.RECAP_STATE_DIR);
  const base = env.XDG_STATE_HOME && path.isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : path.join(os.homedir(), '.local', 'state');
  return path.join(base, 'recap');
}

/** What a CLI command may touch of the outside world; tests pass their own. */
import path from 'node:path';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Where the built renderer lives (browser mode serves it). */
  rendererDir: string;
  /** Columns of the terminal, when stdout is one. */
  columns?: number;
}

/** A usage error: exit code 2 with the command's help hint. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;

/** A path argument, relative to where the command was run. */
export function resolveFrom(io: CliIo, target: string): string {
  return path.resolve(io.cwd, target);
}

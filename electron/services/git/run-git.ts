/**
 * The one place that starts `git`: argument arrays only (never a shell), an
 * environment that cannot prompt on a terminal, and the author's own setup
 * (config, SSH keys, credential helpers, hooks) left alone.
 */
import { spawn } from 'node:child_process';
import { RecapError } from '../../../shared/errors';

export interface GitRunOptions {
  cwd: string;
  /** Extra variables for this call only (e.g. GIT_INDEX_FILE). */
  env?: Record<string, string>;
  /** Bytes written to git's stdin. */
  input?: Buffer | string;
  /** Exit codes that are answers, not failures (e.g. 1 for `git diff --no-index`). */
  okCodes?: readonly number[];
  /** Each stderr line as it arrives (progress lines end in \r). */
  onStderrLine?: (line: string) => void;
  /** Stop collecting stdout beyond this many bytes; `truncated` says so. */
  maxStdout?: number;
}

export interface GitOutput {
  stdout: string;
  stdoutBytes: Buffer;
  stderr: string;
  code: number;
  truncated: boolean;
}

/** git exited with a code not in okCodes. Callers map it to a RecapError with a plain explanation. */
export class GitCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly code: number,
    readonly stderr: string,
    readonly stdout: string,
  ) {
    super(`git ${args[0] ?? ''} exited with ${code}: ${stderr.trim()}`);
  }
}

export const gitMissing = () =>
  new RecapError('refused', 'Git is not installed (or not on the PATH). Install git from https://git-scm.com and restart Recap.');

/**
 * The environment git runs with. GIT_TERMINAL_PROMPT=0 makes a missing
 * credential fail instead of waiting on an invisible terminal; messages are
 * kept in English (LC_MESSAGES=C) so errors can be recognised, while the rest
 * of the author's locale is kept.
 */
export function gitEnvironment(base: NodeJS.ProcessEnv, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  // Recap always names the repository by folder; variables inherited from a hook that launched it must not redirect git.
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_PREFIX', 'GIT_OBJECT_DIRECTORY']) delete env[name];
  if (env.LC_ALL) {
    // LC_ALL would override LC_MESSAGES; keep its value for everything else.
    env.LANG = env.LC_ALL;
    delete env.LC_ALL;
  }
  delete env.LANGUAGE;
  env.LC_MESSAGES = 'C';
  env.GIT_TERMINAL_PROMPT = '0';
  // Never an editor or pager: Recap always passes the message itself.
  env.GIT_EDITOR = ':';
  env.GIT_PAGER = 'cat';
  return { ...env, ...extra };
}

/**
 * Prepended to every command Recap runs. `core.fsmonitor` names a program
 * that status, diff and index refreshes start: Recap's own status and
 * planning commands never run it (the author's hooks still run on commit).
 */
const SAFE_CONFIG = ['-c', 'core.fsmonitor=false'] as const;

export class Git {
  constructor(
    /** Where commands run: the repository's top level once known. */
    readonly cwd: string,
    /** The author's environment (process.env in the app, io.env in the CLI). */
    readonly baseEnv: NodeJS.ProcessEnv = process.env,
  ) {}

  at(cwd: string): Git {
    return new Git(cwd, this.baseEnv);
  }

  /** Runs git and resolves with its output; rejects with GitCommandError or (git missing) RecapError. */
  run(args: readonly string[], options: Omit<GitRunOptions, 'cwd'> & { cwd?: string } = {}): Promise<GitOutput> {
    const okCodes = options.okCodes ?? [0];
    return new Promise((resolve, reject) => {
      const child = spawn('git', [...SAFE_CONFIG, ...args], {
        cwd: options.cwd ?? this.cwd,
        env: gitEnvironment(this.baseEnv, options.env),
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true,
      });
      const out: Buffer[] = [];
      let outBytes = 0;
      let truncated = false;
      let stderr = '';
      let pendingLine = '';
      child.stdout.on('data', (chunk: Buffer) => {
        if (options.maxStdout !== undefined && outBytes + chunk.length > options.maxStdout) {
          const room = Math.max(0, options.maxStdout - outBytes);
          if (room > 0) out.push(chunk.subarray(0, room));
          outBytes += room;
          truncated = true;
          return;
        }
        out.push(chunk);
        outBytes += chunk.length;
      });
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        stderr += chunk;
        if (!options.onStderrLine) return;
        const parts = (pendingLine + chunk).split(/[\r\n]/);
        pendingLine = parts.pop() ?? '';
        for (const line of parts) if (line.trim()) options.onStderrLine(line);
      });
      child.on('error', (error: NodeJS.ErrnoException) => {
        reject(error.code === 'ENOENT' ? gitMissing() : error);
      });
      child.on('close', (code) => {
        if (pendingLine.trim()) options.onStderrLine?.(pendingLine);
        const stdoutBytes = Buffer.concat(out);
        const result = { stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr, code: code ?? -1, truncated };
        if (okCodes.includes(result.code)) resolve(result);
        else reject(new GitCommandError(args, result.code, stderr, result.stdout));
      });
      // A closed stdin is expected when git does not read it.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input ?? '');
    });
  }

  /** stdout without the trailing newline. */
  async text(args: readonly string[], options: Omit<GitRunOptions, 'cwd'> = {}): Promise<string> {
    return (await this.run(args, options)).stdout.replace(/\n$/, '');
  }

  /** stdout, or null when git exits with 1 (e.g. an unset config key, a missing ref). */
  async maybe(args: readonly string[], options: Omit<GitRunOptions, 'cwd'> = {}): Promise<string | null> {
    const result = await this.run(args, { ...options, okCodes: [0, 1, 128] });
    return result.code === 0 ? result.stdout.replace(/\n$/, '') : null;
  }
}

/**
 * Temp git repositories for the export tests: a copy of events-jekyll with
 * one commit, an identity set in the repository only, and a local bare
 * remote. HOME and XDG_CONFIG_HOME point at an empty temp folder so the
 * machine's own git config never matters.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { chmod, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { copyFixture, tempDir } from './fixtures';

const home = mkdtempSync(path.join(os.tmpdir(), 'recap-git-home-'));
mkdirSync(path.join(home, '.config'), { recursive: true });

/** Applied to this test file's process: the services and the CLI read process.env. */
export function isolateGitConfig(): void {
  process.env.HOME = home;
  process.env.XDG_CONFIG_HOME = path.join(home, '.config');
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL', 'EMAIL']) {
    delete process.env[name];
  }
}

/** Runs git synchronously in `cwd` and returns stdout (trailing newline removed). */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: process.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).replace(/\n$/, '');
}

async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await makeWritable(full);
    else await chmod(full, 0o644);
  }
}

export interface SiteRepo {
  site: string;
  bare: string;
}

/** events-jekyll as a repository on `main`, pushed to a bare `origin`. `identity: false` leaves user.name/email unset. */
export async function siteRepo({ identity = true, remote = true }: { identity?: boolean; remote?: boolean } = {}): Promise<SiteRepo> {
  const site = await copyFixture('sites', 'events-jekyll');
  await makeWritable(site);
  git(site, 'init', '-q', '-b', 'main');
  git(site, 'config', 'commit.gpgsign', 'false');
  git(site, 'add', '-A');
  git(site, '-c', 'user.name=Fixture', '-c', 'user.email=fixture@example.org', 'commit', '-q', '-m', 'Initial site');
  if (identity) {
    git(site, 'config', 'user.name', 'Recap Test');
    git(site, 'config', 'user.email', 'recap@example.org');
  }
  const bare = path.join(await tempDir('recap-remote-'), 'remote.git');
  if (remote) {
    git(os.tmpdir(), 'init', '-q', '--bare', '-b', 'main', bare);
    git(site, 'remote', 'add', 'origin', bare);
    git(site, 'push', '-q', 'origin', 'main');
  }
  return { site, bare };
}

/** Everything `git status` and both diffs say: equal before and after means nothing was touched. */
export function workState(site: string): { status: string; staged: string; unstaged: string; head: string; branch: string } {
  return {
    status: git(site, 'status', '--porcelain=v1', '--untracked-files=all'),
    staged: git(site, 'diff', '--cached'),
    unstaged: git(site, 'diff'),
    head: git(site, 'rev-parse', 'HEAD'),
    branch: git(site, 'symbolic-ref', '--short', 'HEAD'),
  };
}

/** Files a commit changed, as `git show --stat` reports them (names only). */
export function changedFiles(gitDirOrRepo: string, rev: string): string[] {
  return git(gitDirOrRepo, 'show', '--format=', '--name-only', rev).split('\n').filter(Boolean).sort();
}

/** Command-line manners (issue 12.6): one line on stderr for every error, usage on stderr, whole paths when piped. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recap } from '../support/cli';
import { copyFixture, repoRoot } from '../support/fixtures';

const oneLine = /^recap: [^\n]+\n$/;

describe('errors are one line on stderr', () => {
  it('a mistyped option says which, and suggests the one that exists', async () => {
    const result = await recap(['index', '.', '--jsn']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('recap: Unknown option --jsn (did you mean --json?). See `recap index --help`.\n');
  });

  it('option and argument mistakes of every command stay one line, in Recap’s words', async () => {
    const cases = [
      ['serve', '.', '--port'],
      ['check', '.', '--json=yes'],
      ['get', 'a.md', '-x'],
      ['set', 'a.md', '--delte', 'title'],
      ['new', '.', '--title'],
      ['export', 'a.md', '--brnch', 'x'],
    ];
    for (const args of cases) {
      const { code, stderr } = await recap(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toMatch(oneLine);
      expect(stderr).not.toMatch(/To specify a positional argument|argument missing|ERR_PARSE_ARGS/);
    }
    expect((await recap(['serve', '.', '--port'])).stderr).toBe('recap: --port needs a value. See `recap serve --help`.\n');
    expect((await recap(['check', '.', '--json=yes'])).stderr).toBe('recap: --json takes no value. See `recap check --help`.\n');
  });

  it('recap with no command prints the usage to stderr and exits 2', async () => {
    const result = await recap([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Recap: [\s\S]*Usage: recap <command>/);
    expect((await recap(['--help'])).stdout).toMatch(/Usage: recap <command>/);
    expect((await recap(['help', 'set'])).stdout).toMatch(/^Usage: recap set /);
    expect(await recap(['help', 'frobnicate'])).toEqual({ code: 2, stdout: '', stderr: 'recap: Unknown command "frobnicate". See `recap --help`.\n' });
  });

  it('new --title "" says the title is empty', async () => {
    const site = await copyFixture('sites', 'events-jekyll');
    const result = await recap(['new', site, '--title', '  ']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^recap: The title is empty; [^\n]+\n$/);
    expect((await recap(['new', site])).stderr).toMatch(/^recap: recap new needs --title <title>\./);
  });
});

describe('recap index when piped', () => {
  it('never cuts titles or paths when stdout is not a terminal', async () => {
    const site = await copyFixture('sites', 'jekyll-docs');
    const { code, stdout } = await recap(['index', site]);
    expect(code).toBe(0);
    expect(stdout).not.toContain('…');
    const longest = stdout.split('\n').reduce((max, line) => Math.max(max, line.length), 0);
    expect(longest).toBeGreaterThan(100);
    expect(stdout).toMatch(/_posts\/\S+\.markdown\n/);
  });

  it.skipIf(!existsSync(path.join(repoRoot, 'out/cli/recap.cjs')))('as a real process with a pipe too', async () => {
    const site = await copyFixture('sites', 'jekyll-docs');
    const child = spawnSync(process.execPath, [path.join(repoRoot, 'bin/recap.js'), 'index', site], { encoding: 'utf8' });
    expect(child.status).toBe(0);
    expect(child.stdout).not.toContain('…');
  });
});

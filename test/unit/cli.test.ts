import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recap } from '../support/cli';
import { copyFixture, fixture, repoRoot } from '../support/fixtures';

describe('recap index', () => {
  it('--json lists the posts with the documented fields', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const { code, stdout, stderr } = await recap(['index', root, '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout);
    expect(json.site).toEqual({ root, kind: 'jekyll' });
    expect(json.posts).toHaveLength(4);
    expect(Object.keys(json.posts[0]).sort()).toEqual(['categories', 'date', 'draft', 'path', 'tags', 'title', 'words']);
    expect(json.posts.map((p: { path: string }) => p.path)).toContain('_drafts/community-meetup-notes.md');
  });

  it('prints a readable table with dates, drafts and titles', async () => {
    const { code, stdout } = await recap(['index', 'sites/events-jekyll'], fixture());
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/events-jekyll · jekyll · 4 posts/);
    expect(lines[2]).toMatch(/^DATE\s+DRAFT\s+WORDS\s+TITLE\s+PATH$/);
    expect(lines[3]).toMatch(/^2024-03-22\s+\d+\s+KubeCon Paris/);
    expect(lines.at(-1)).toMatch(/^—\s+draft\s+\d+\s+Community meetup notes/);
  });

  it('a folder that does not exist: one line on stderr, exit 2', async () => {
    const { code, stdout, stderr } = await recap(['index', '/definitely/not/here']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('recap: /definitely/not/here does not exist. Check the path and try again.\n');
  });
});

describe('recap usage', () => {
  it('--help for the program and every command', async () => {
    expect((await recap(['--help'])).stdout).toMatch(/Commands:[\s\S]*serve[\s\S]*index/);
    for (const command of ['serve', 'index']) {
      const { code, stdout } = await recap([command, '--help']);
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^Usage: recap ${command} `));
    }
  });

  it('bad usage exits 2 with a hint, never a stack trace', async () => {
    for (const args of [['frobnicate'], ['index'], ['index', 'a', 'b'], ['index', '.', '--bogus'], ['serve', '.', '--port', 'abc'], ['serve', '.', '--host', '0.0.0.0']]) {
      const { code, stderr } = await recap(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toMatch(/^recap: .+ See `recap( \w+)? --help`\.\n$/);
      expect(stderr).not.toMatch(/\bat .+:\d+:\d+/);
    }
  });
});

describe('recap serve (as a process)', () => {
  it.skipIf(!existsSync(path.join(repoRoot, 'out/cli/recap.cjs')))('prints exactly the documented line and stops on SIGTERM', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/recap.js'), 'serve', root], { stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('\n')) resolve(out);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    expect(line).toMatch(new RegExp(`^Recap is serving ${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} at http://127\\.0\\.0\\.1:\\d+/\\?token=[\\w-]{32}\\n$`));
    const url = line.trim().split(' at ')[1]!;
    expect((await fetch(url)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
  });
});

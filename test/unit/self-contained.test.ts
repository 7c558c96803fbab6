import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot } from '../support/fixtures';

/** Every file the tests, the bench and the scripts run, fixtures aside. */
async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full !== fixturesDir && entry.name !== 'node_modules') out.push(...(await sourceFiles(full)));
    } else if (/\.(?:[cm]?[jt]sx?)$/.test(entry.name)) out.push(full);
  }
  return out;
}

describe('a clone needs nothing beside it', () => {
  it('reads its fixtures from inside the repository', () => {
    expect(path.relative(repoRoot, fixturesDir)).toBe(path.join('test', 'fixtures'));
  });

  it('no test, bench or script names a path outside the repository', async () => {
    const files = (await Promise.all(['test', 'bench', 'scripts'].map((dir) => sourceFiles(path.join(repoRoot, dir))))).flat();
    expect(files.length).toBeGreaterThan(20);
    const outside = /\.\.\/shared\/fixtures|\.\.\/\.\.\/\.\.\/shared|'\.\.', 'shared'|"\.\.", "shared"|RECAP_FIXTURES/;
    const offenders: string[] = [];
    for (const file of files) {
      if (file === path.join(repoRoot, 'test', 'unit', 'self-contained.test.ts')) continue;
      const text = await readFile(file, 'utf8');
      if (outside.test(text)) offenders.push(path.relative(repoRoot, file));
    }
    expect(offenders).toEqual([]);
  });

  it('keeps the licences of the sites it copied', async () => {
    const sites = await readdir(path.join(fixturesDir, 'sites'));
    for (const site of ['jekyll-docs', 'rust-blog', 'minima-jekyll']) {
      expect(sites).toContain(site);
      const names = await readdir(path.join(fixturesDir, 'sites', site));
      expect(names.some((name) => /^LICEN[CS]E/i.test(name))).toBe(true);
    }
  });
});

import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSealed, writeSealed } from '../../electron/services/cache/sealed-file';
import { checkPaths, type CheckOptions, type CheckReport } from '../../electron/services/check/check-paths';
import { rulesKey } from '../../electron/services/check/check-pool';
import { settle } from '../support/settle';
import { copyFixture, tempDir } from '../support/fixtures';

const PARIS = '_posts/2024-03-22-kubecon-paris-recap.md';
const HERO = 'images/2024-kubecon-paris/hero.jpg';

async function site(): Promise<{ root: string; stateDir: string }> {
  const root = await copyFixture('sites', 'events-jekyll');
  await settle(root);
  return { root, stateDir: await tempDir('recap-state-') };
}

/** The report without absolute paths, as `--json` prints it. */
function shown(report: CheckReport) {
  return { ...report, files: report.files.map(({ path, problems }) => ({ path, problems })) };
}

/** `recap check <root>`, cached in stateDir; checks in-process (the worker is tested in check-pool.test.ts). */
async function check(root: string, stateDir: string, options: CheckOptions = {}) {
  return shown(await checkPaths([root], { stateDir, worker: null, ...options }));
}

/** The truth: a run that has never seen the site. */
async function fresh(root: string, options: CheckOptions = {}) {
  return shown(await checkPaths([root], { cache: false, worker: null, ...options }));
}

function cacheFile(stateDir: string): string {
  const names = readdirSync(path.join(stateDir, 'check')).filter((n) => n.endsWith('.cache'));
  expect(names).toHaveLength(1);
  return path.join(stateDir, 'check', names[0]!);
}

const cacheId = (root: string) => ({ kind: 'recap-check', format: 1, key: root });

describe('the check cache', () => {
  it('gives a warm run exactly the cold result, from the cache', async () => {
    const { root, stateDir } = await site();
    const cold = await check(root, stateDir);
    expect(cold).toEqual(await fresh(root));
    expect(await check(root, stateDir)).toEqual(cold);

    // Proof the warm run read the cache: a stored message (re-sealed) is what it reports.
    const file = cacheFile(stateDir);
    const stored = readSealed(file, cacheId(root)) as Record<string, { problems: Array<{ message: string }> }>;
    const withProblems = Object.keys(stored).find((p) => stored[p]!.problems.length > 0)!;
    stored[withProblems]!.problems[0]!.message = 'From the cache';
    await writeSealed(file, cacheId(root), stored);
    const warm = await check(root, stateDir);
    expect(warm.files.find((f) => f.path === withProblems)!.problems[0]!.message).toBe('From the cache');
  });

  it('--no-cache checks afresh and stores nothing', async () => {
    const { root, stateDir } = await site();
    await check(root, stateDir, { cache: false });
    expect(existsSync(path.join(stateDir, 'check'))).toBe(false);
  });

  it('is invalidated by an edit of the post', async () => {
    const { root, stateDir } = await site();
    await check(root, stateDir);
    const file = path.join(root, PARIS);
    await writeFile(file, (await readFile(file, 'utf8')) + '\nAn [empty link]() added.\n');
    await settle(root, 1_800_000);
    const after = await check(root, stateDir);
    expect(after.files.find((f) => f.path === PARIS)!.problems.map((p) => p.rule)).toContain('empty-link');
    expect(after).toEqual(await fresh(root));
  });

  it('is invalidated by a rename of the post', async () => {
    const { root, stateDir } = await site();
    await check(root, stateDir);
    // The file name's date no longer matches the post's date.
    const renamed = '_posts/2024-03-25-kubecon-paris-recap.md';
    await rename(path.join(root, PARIS), path.join(root, renamed));
    const after = await check(root, stateDir);
    expect(after.files.map((f) => f.path)).not.toContain(PARIS);
    expect(after.files.find((f) => f.path === renamed)!.problems.map((p) => p.rule)).toContain('filename-date');
    expect(after).toEqual(await fresh(root));
  });

  it('is invalidated by a deleted site file the post uses, and by its return', async () => {
    const { root, stateDir } = await site();
    const before = await check(root, stateDir);
    const missing = (report: typeof before) => report.files.find((f) => f.path === PARIS)!.problems.filter((p) => p.rule === 'missing-image');
    const hero = await readFile(path.join(root, HERO));
    await rm(path.join(root, HERO));
    const after = await check(root, stateDir);
    expect(missing(after).length).toBeGreaterThan(missing(before).length);
    expect(after).toEqual(await fresh(root));

    await mkdir(path.dirname(path.join(root, HERO)), { recursive: true });
    await writeFile(path.join(root, HERO), hero);
    expect(await check(root, stateDir)).toEqual(before);
  });

  it('is invalidated by a changed site schema (.recap.json)', async () => {
    const { root, stateDir } = await site();
    const before = await check(root, stateDir);
    expect(before.files.flatMap((f) => f.problems).filter((p) => p.rule === 'required-field')).toEqual([]);
    await writeFile(path.join(root, '.recap.json'), JSON.stringify({ fields: { subtitle: { type: 'text', required: true } } }));
    const after = await check(root, stateDir);
    expect(after.files.flatMap((f) => f.problems).filter((p) => p.rule === 'required-field').length).toBeGreaterThan(0);
    expect(after).toEqual(await fresh(root));
  });

  it('never changes a result when the cache file is torn, flipped, foreign or of another format', async () => {
    const { root, stateDir } = await site();
    const expected = await fresh(root);
    await check(root, stateDir);
    const file = cacheFile(stateDir);
    const good = await readFile(file);
    const damaged: Array<[string, Buffer]> = [
      ['torn', good.subarray(0, Math.floor(good.length * 0.7))],
      ['flipped byte', Buffer.from(good.map((b, i) => (i === good.length - 40 ? b ^ 4 : b)))],
      ['garbage', Buffer.from('{"kind":"recap-check"}\n[]')],
      ['another format', Buffer.from(good.toString().replace('"format":1', '"format":2'))],
      ['another site', Buffer.from(good.toString().replace(/"key":"[^"]*"/, '"key":"/elsewhere"'))],
    ];
    for (const [what, bytes] of damaged) {
      await writeFile(file, bytes);
      expect(await check(root, stateDir), what).toEqual(expected);
      expect(readSealed(file, cacheId(root)), what).not.toBeNull(); // rebuilt whole
    }
    // Sealed but of the wrong shape: ignored whole.
    const stored = readSealed(file, cacheId(root)) as Record<string, Record<string, unknown>>;
    stored[PARIS]!.problems = [{ rule: 'empty-link' }];
    await writeSealed(file, cacheId(root), stored);
    expect(await check(root, stateDir)).toEqual(expected);
  });

  it('two runs at once on one site both get the right result and leave one whole cache', async () => {
    const { root, stateDir } = await site();
    const expected = await fresh(root);
    const runs = await Promise.all([check(root, stateDir), check(root, stateDir), check(root, stateDir)]);
    for (const run of runs) expect(run).toEqual(expected);
    expect(readSealed(cacheFile(stateDir), cacheId(root))).not.toBeNull();
    expect(readdirSync(path.join(stateDir, 'check')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(await check(root, stateDir)).toEqual(expected);
  });

  it('keys results by the rules: a changed check bundle misses every entry', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'a.cjs'), 'rules v1');
    await writeFile(path.join(dir, 'b.cjs'), 'rules v2');
    expect(rulesKey(path.join(dir, 'a.cjs'))).not.toBe(rulesKey(path.join(dir, 'b.cjs')));
    expect(rulesKey(path.join(dir, 'a.cjs'))).toBe(rulesKey(path.join(dir, 'a.cjs')));
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBytes, tooComplexToCheck, type CheckFacts } from '../../electron/services/check/check-bytes';
import { CheckPool } from '../../electron/services/check/check-pool';
import { listSiteFiles } from '../../electron/services/check/site-files';
import { boundMarkdown } from '../../shared/markdown/bound-markdown';
import { parseMarkdown } from '../../shared/markdown/parse-markdown';
import { fixture, repoRoot, tempDir } from '../support/fixtures';

// The worker as the build makes it, bundled here so the test needs no `npm run build`.
let worker: string;
beforeAll(async () => {
  worker = path.join(await tempDir(), 'check-worker.cjs');
  await build({ entryPoints: [path.join(repoRoot, 'electron/services/check/check-worker.ts')], outfile: worker, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
}, 60_000);

const pools: CheckPool[] = [];
afterAll(() => Promise.all(pools.map((p) => p.close())));
function pool(options: ConstructorParameters<typeof CheckPool>[1] = {}): CheckPool {
  const made = new CheckPool(worker, options);
  pools.push(made);
  return made;
}

const TOO_COMPLEX = tooComplexToCheck().message;
/** remark needs seconds and hundreds of MB for this (about 5 µs and 1.5 KB a byte). */
const LINKS = '[a](https://example.com/z)\n\n'.repeat(20_000);

async function eventsFacts(): Promise<CheckFacts> {
  const root = fixture('sites', 'events-jekyll');
  return { site: { kind: 'jekyll' }, schema: undefined, files: await listSiteFiles(root, 'jekyll') };
}

describe('the check on worker threads', () => {
  it('gives exactly the in-process problems, and which site files they depend on', async () => {
    const facts = await eventsFacts();
    const checks = pool({ size: 2 });
    for (const name of ['2024-03-22-kubecon-paris-recap.md', '2019-11-26-kubecon-san-diego-highlights.md', '2023-09-14-devopsdays-amsterdam.md']) {
      const relative = `_posts/${name}`;
      const bytes = await readFile(fixture('sites', 'events-jekyll', relative));
      const direct = checkBytes(bytes, relative, facts);
      expect(await checks.check(facts, relative, { bytes }), name).toEqual(direct);
      expect(await checks.check(facts, relative, { text: bytes.toString('utf8') }), name).toEqual(direct);
    }
    const paris = checkBytes(await readFile(fixture('sites', 'events-jekyll', '_posts/2024-03-22-kubecon-paris-recap.md')), '_posts/2024-03-22-kubecon-paris-recap.md', facts);
    expect(paris.lookups).toContainEqual(['images/2024-kubecon-paris/hero.jpg', true]);
  });

  it('reports a post past its time budget as too complex, and checks the next one', async () => {
    const facts = await eventsFacts();
    const checks = pool({ size: 1, timeMs: 200 });
    const stuck = await checks.check(facts, '_posts/2024-01-01-links.md', { text: LINKS });
    expect(stuck.problems.map((p) => p.message)).toEqual([TOO_COMPLEX]);
    const next = await checks.check(facts, '_posts/2024-01-01-fine.md', { text: '---\ntitle: Fine\n---\nAn [empty link]().\n' });
    expect(next.problems.map((p) => p.rule)).toContain('empty-link');
  });

  it('reports a post past its memory budget as too complex, and checks the next one', async () => {
    const facts = await eventsFacts();
    const checks = pool({ size: 1, memoryMb: 48, timeMs: 60_000 });
    const stuck = await checks.check(facts, '_posts/2024-01-01-links.md', { text: LINKS });
    expect(stuck.problems.map((p) => p.message)).toEqual([TOO_COMPLEX]);
    const next = await checks.check(facts, '_posts/2024-01-01-fine.md', { text: '---\ntitle: Fine\n---\nAn [empty link]().\n' });
    expect(next.problems.map((p) => p.rule)).toContain('empty-link');
  });
});

describe('inputs that make remark quadratic', () => {
  it('long runs of * and _ keep their length, so every offset still points at the file', () => {
    const text = `${'*'.repeat(20_000)}word${'*'.repeat(20_000)} and _${'_'.repeat(100)}_ [link]() **bold**`;
    const bounded = boundMarkdown(text);
    expect(bounded.length).toBe(text.length);
    expect(bounded.endsWith('[link]() **bold**')).toBe(true);
    expect(boundMarkdown('a **normal** _post_ with ---- and ____ rules')).toBe('a **normal** _post_ with ---- and ____ rules');
  });

  it('the 40 KB post of 20,000 *, a word and 20,000 * is checked, not timed out', async () => {
    const facts = await eventsFacts();
    const text = `---\ntitle: Stars\n---\n${'*'.repeat(20_000)}word${'*'.repeat(20_000)}\n\nAn [empty link]().\n`;
    const checked = await pool({ size: 1, timeMs: 5000 }).check(facts, '_posts/2024-01-01-stars.md', { text });
    expect(checked.problems.map((p) => p.message)).not.toContain(TOO_COMPLEX);
    expect(checked.problems.find((p) => p.rule === 'empty-link')?.line).toBe(6);
    // The tree still has the link where the file has it.
    const link = parseMarkdown(text.slice(text.indexOf('*'))).children.at(-1);
    expect(link?.position?.start.line).toBe(3);
  });

  it('a post over 1 MB is reported, not parsed', async () => {
    const facts = await eventsFacts();
    const checked = checkBytes(Buffer.from('---\ntitle: Big\n---\n' + LINKS.repeat(3)), '_posts/2024-01-01-big.md', facts);
    expect(checked.problems).toHaveLength(1);
    expect(checked.problems[0]!.message).toMatch(/too large to check/);
  });
});

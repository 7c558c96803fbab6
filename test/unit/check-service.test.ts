import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SiteSchema } from '../../shared/front-matter/schema';
import { checkPaths } from '../../electron/services/check/check-paths';
import { TextChecker } from '../../electron/services/check/check-text';
import { Workspace } from '../../electron/services/workspace/workspace';
import { copyFixture } from '../support/fixtures';

const AMSTERDAM = '_posts/2023-09-14-devopsdays-amsterdam.md';

describe('checkPaths', () => {
  it('uses the schema it is given: a hand-built list of staff members', async () => {
    const site = await copyFixture('sites', 'events-jekyll');
    const schema: SiteSchema = { fields: [{ key: 'author_staff_member', label: 'Author staff member', type: 'choice', required: true, frequency: 1, choices: ['alex', 'sam', 'jordan'] }] };
    const report = await checkPaths([site], { schemaFor: async () => schema });
    const amsterdam = report.files.find((f) => f.path === AMSTERDAM)!;
    expect(amsterdam.absolutePath).toBe(path.join(site, AMSTERDAM));
    expect(amsterdam.problems.some((p) => p.rule === 'unknown-value')).toBe(false); // jordan is allowed by this schema
    expect(report.errors).toBe(report.files.flatMap((f) => f.problems).filter((p) => p.severity === 'error').length);
  });

  it('an image added to the site is no longer missing', async () => {
    const site = await copyFixture('sites', 'events-jekyll');
    await writeFile(path.join(site, 'images', 'missing.png'), 'png');
    const [file] = (await checkPaths([path.join(site, AMSTERDAM)])).files;
    expect(file!.problems.filter((p) => p.rule === 'missing-image').map((p) => p.line)).toEqual([6, 10]);
  });
});

describe('TextChecker (the app’s checkPost)', () => {
  it('checks the unsaved text, not the file, with the inferred schema', async () => {
    const site = await copyFixture('sites', 'events-jekyll');
    const workspace = await Workspace.open(site);
    const checker = new TextChecker();
    const saved = await readFile(path.join(site, AMSTERDAM), 'utf8');
    const edited = saved.replace('author_staff_member: jordan', 'author_staff_member: sam').replace("<script>document.title = 'owned'</script>\n", '');
    const problems = await checker.check(workspace, AMSTERDAM, edited);
    expect(problems.some((p) => p.rule === 'unknown-value')).toBe(false);
    expect(problems.filter((p) => p.rule === 'unsafe-html').map((p) => p.line)).toEqual([16, 18]);
    expect((await checker.check(workspace, AMSTERDAM, saved)).some((p) => p.rule === 'unknown-value' && p.line === 5)).toBe(true);
    await workspace.close();
  });

  it('refuses a path outside the folder', async () => {
    const workspace = await Workspace.open(await copyFixture('sites', 'events-jekyll'));
    await expect(new TextChecker().check(workspace, '../outside.md', 'x')).rejects.toMatchObject({ code: 'outside-folder' });
  });
});

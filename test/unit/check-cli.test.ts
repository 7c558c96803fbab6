import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { recap } from '../support/cli';
import { copyFixture, fixture } from '../support/fixtures';

interface JsonProblem {
  rule: string;
  severity: string;
  line: number;
  column: number;
  message: string;
}
interface JsonReport {
  files: { path: string; problems: JsonProblem[] }[];
  errors: number;
  warnings: number;
}

const SEED = '_posts/2019-11-26-kubecon-san-diego-highlights.md';
const PARIS = '_posts/2024-03-22-kubecon-paris-recap.md';
const AMSTERDAM = '_posts/2023-09-14-devopsdays-amsterdam.md';
const DRAFT = '_drafts/community-meetup-notes.md';

describe('recap check on a copy of sites/events-jekyll', () => {
  let site: string;
  let code: number;
  let report: JsonReport;
  const problemsOf = (file: string) => report.files.find((f) => f.path === file)!.problems;
  const lines = (file: string, rule: string) => problemsOf(file).filter((p) => p.rule === rule).map((p) => p.line);

  beforeAll(async () => {
    site = await copyFixture('sites', 'events-jekyll');
    const result = await recap(['check', site, '--json']);
    expect(result.stderr).toBe('');
    code = result.code;
    report = JSON.parse(result.stdout) as JsonReport;
  });

  it('exits 1 and counts errors and warnings', () => {
    expect(code).toBe(1);
    expect(Object.keys(report).sort()).toEqual(['errors', 'files', 'warnings']);
    const all = report.files.flatMap((f) => f.problems);
    expect(report.errors).toBe(all.filter((p) => p.severity === 'error').length);
    expect(report.warnings).toBe(all.filter((p) => p.severity === 'warning').length);
    expect(report.errors).toBeGreaterThan(0);
  });

  it('lists every post by its path from the site root, with the documented fields', () => {
    expect(report.files.map((f) => f.path).sort()).toEqual([DRAFT, AMSTERDAM, SEED, PARIS].sort());
    for (const p of report.files.flatMap((f) => f.problems)) expect(Object.keys(p)).toEqual(['rule', 'severity', 'line', 'column', 'message']);
  });

  it('the seed post: empty link (128), mojibake (26, 30, 66, 102), widgets.js repeated, no alt on the k3sup screenshot (132)', () => {
    expect(lines(SEED, 'empty-link')).toEqual([128]);
    expect(lines(SEED, 'mojibake')).toEqual([26, 30, 66, 102]);
    expect(lines(SEED, 'duplicate-script')).toEqual([26, 30, 62, 70, 76, 90, 102, 114, 138, 146]);
    expect(problemsOf(SEED).find((p) => p.rule === 'duplicate-script')!.message).toMatch(/widgets\.js is included 11 times/);
    expect(lines(SEED, 'missing-alt')).toEqual([132]);
    expect(new Set(problemsOf(SEED).map((p) => p.rule))).toEqual(new Set(['empty-link', 'mojibake', 'duplicate-script', 'missing-alt']));
  });

  it('the Paris post: nothing but the missing alt text of its last image', () => {
    expect(problemsOf(PARIS)).toEqual([{ rule: 'missing-alt', severity: 'warning', line: 41, column: 1, message: expect.stringContaining('/images/2024-kubecon-paris/hero.jpg') }]);
  });

  it('the Amsterdam post: every planted defect at its line', () => {
    const found = problemsOf(AMSTERDAM).map((p) => `${p.rule}@${p.line}`);
    expect(found.sort()).toEqual(
      [
        'filename-date@3',
        'unknown-value@5',
        'missing-image@6', // the cover
        'missing-image@10', // the board
        'insecure-url@14',
        'invalid-embed@14',
        'unsafe-html@16', // javascript: link
        'missing-alt@18',
        'missing-image@18', // /images/missing.png
        'unsafe-html@18', // onerror
        'unsafe-html@20', // inline script
      ].sort(),
    );
    expect(problemsOf(AMSTERDAM).find((p) => p.rule === 'unknown-value')!.message).toMatch(/"jordan"/);
    expect(problemsOf(AMSTERDAM).find((p) => p.rule === 'invalid-embed')!.message).toMatch(/abc123/);
  });

  it('the draft: nothing about its missing date', () => {
    expect(problemsOf(DRAFT).filter((p) => p.severity !== 'info')).toEqual([]);
    expect(problemsOf(DRAFT).some((p) => /date/i.test(p.message))).toBe(false);
  });

  it('prints problems like a compiler, then a summary', async () => {
    const { code: textCode, stdout } = await recap(['check', 'events-jekyll'], path.dirname(site));
    expect(textCode).toBe(1);
    const out = stdout.trim().split('\n');
    expect(out).toContain(`${path.join('events-jekyll', SEED)}:128:19  error  The link "k3sup ('ketchup')" has no target.  empty-link`);
    expect(out.at(-1)).toMatch(/^\d+ errors, \d+ warnings in 3 of 4 posts\.$/);
  });
});

describe('recap check of single files and exit codes', () => {
  it('a clean post exits 0 and names the file as given', async () => {
    const site = await copyFixture('sites', 'events-jekyll');
    await writeFile(path.join(site, '_posts', '2024-05-01-clean.md'), '---\ntitle: Clean\ndate: 2024-05-01\nauthor_staff_member: sam\nimage: /images/staff/sam.jpg\ncategories: [events]\ndescription: d\n---\nAll good.\n');
    const result = await recap(['check', '_posts/2024-05-01-clean.md', '--json'], site);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ files: [{ path: '_posts/2024-05-01-clean.md', problems: [] }], errors: 0, warnings: 0 });
    expect((await recap(['check', '_posts/2024-05-01-clean.md'], site)).stdout).toBe('No problems in 1 post.\n');
  });

  it('warnings alone exit 0', async () => {
    const site = await copyFixture('sites', 'events-jekyll');
    const result = await recap(['check', path.join(site, PARIS)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/0 errors, 1 warning in 1 of 1 post\./);
  });

  it('bad usage and unreadable paths exit 2 with one line on stderr', async () => {
    expect(await recap(['check'])).toMatchObject({ code: 2, stdout: '' });
    const missing = await recap(['check', '/definitely/not/here.md']);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe('recap: /definitely/not/here.md does not exist. Check the path and try again.\n');
    expect((await recap(['check', 'x.md', '--bogus'])).code).toBe(2);
  });

  it('a binary post is skipped with a problem; a Latin-1 post is reported as not UTF-8', async () => {
    const site = await copyFixture('sites', 'events-jekyll');
    await copyFile(fixture('bad', 'binary.md'), path.join(site, '_posts', '2024-06-01-binary.md'));
    await copyFile(fixture('bad', 'latin1.md'), path.join(site, '_posts', '2024-06-02-latin1.md'));
    const report = JSON.parse((await recap(['check', path.join(site, '_posts', '2024-06-01-binary.md'), path.join(site, '_posts', '2024-06-02-latin1.md'), '--json'])).stdout) as JsonReport;
    expect(report.files[0]!.problems).toEqual([expect.objectContaining({ severity: 'error', line: 1, message: expect.stringMatching(/binary/) })]);
    expect(report.files[1]!.problems[0]).toMatchObject({ severity: 'error', line: 1, message: expect.stringMatching(/not valid UTF-8/) });
  });
});

/** invalid-date: the check flags a date the generator cannot read (issue 12.3), and nothing else. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPost, type CheckInput, type Problem } from '../../shared/check';
import type { SiteSchema } from '../../shared/front-matter/schema';
import { recap } from '../support/cli';
import { copyFixture, fixture } from '../support/fixtures';

const schema: SiteSchema = { fields: [{ key: 'event_day', label: 'Event day', type: 'date', required: false, frequency: 1 }] };

function dates(frontMatter: string, input: Partial<CheckInput> = {}): string[] {
  const text = `---\n${frontMatter}\n---\nBody\n`;
  const problems: Problem[] = checkPost({ path: '_posts/2024-01-02-post.md', text, site: { kind: 'jekyll' }, schema, ...input });
  return problems.filter((p) => p.rule === 'invalid-date').map((p) => `${p.line}:${p.column} ${p.severity}`);
}

describe('invalid-date', () => {
  it('flags text in a date field that no generator reads as a date, at its value', () => {
    expect(dates('title: T\ndate: not-a-date')).toEqual(['3:7 error']);
    expect(dates('date: 2024-02-32')).toEqual(['2:7 error']);
    expect(dates('+++\n', { text: '+++\ndate = "2024-02-30"\n+++\n', path: 'content/x.md', site: { kind: 'hugo' } })).toEqual(['2:8 error']);
    expect(dates('date: 2024-01-02\nevent_day: soon')).toEqual(['3:12 error']);
    expect(dates('+++\n', { text: '+++\ndate = "yesterday"\n+++\n', path: 'content/x.md', site: { kind: 'zola' } })).toEqual(['2:8 error']);
  });

  it('accepts every form the generators read, and empty values', () => {
    for (const value of ['2024-01-02', '2023-01-29 18:30:22 2023 -0800', '2024-1-2', '2024-01-02 09:30:00 +0100', '2024-01-02T09:30:00Z', '"2024-01-02"', 'March 3, 2020', 'Mon, 02 Jan 2006 15:04:05 MST', '', '~']) {
      expect(dates(`date: ${value}`), value).toEqual([]);
    }
    expect(dates('date: Last Modified', { site: { kind: 'eleventy' } })).toEqual([]);
    expect(dates('date: Last Modified')).toEqual(['2:7 error']);
  });

  it('recap check reports a date written with --force, and no fixture site has a false one', async () => {
    const site = await copyFixture('sites', 'events-jekyll');
    const post = path.join(site, '_posts', '2024-03-22-kubecon-paris-recap.md');
    expect((await recap(['set', post, 'date=not-a-date', '--force'])).code).toBe(0);
    const result = await recap(['check', post, '--json']);
    expect(result.code).toBe(1);
    const problems = JSON.parse(result.stdout).files[0].problems as Array<{ rule: string; line: number }>;
    const dateLine = (await readFile(post, 'utf8')).split('\n').indexOf('date: not-a-date') + 1;
    expect(problems.filter((p) => p.rule === 'invalid-date')).toEqual([expect.objectContaining({ rule: 'invalid-date', line: dateLine, column: 7 })]);
    for (const name of ['events-jekyll', 'jekyll-docs', 'rust-blog', 'minima-jekyll', 'multilingual-jekyll']) {
      const report = JSON.parse((await recap(['check', fixture('sites', name), '--json'])).stdout) as { files: Array<{ path: string; problems: Array<{ rule: string }> }> };
      const found = report.files.flatMap((f) => f.problems.filter((p) => p.rule === 'invalid-date').map(() => f.path));
      expect(found, name).toEqual([]);
    }
  }, 60_000);
});

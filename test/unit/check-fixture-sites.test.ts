/**
 * `recap check` of every fixture site reports no false error (issue 13):
 * each error it reports must be one listed here, with the reason it is real.
 * A new fixture site starts with no expected errors at all.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPaths, type FileReport } from '../../electron/services/check/check-paths';
import type { Problem } from '../../shared/check';
import { copyFixture, fixture } from '../support/fixtures';

interface Expected {
  /** Why this error is real. */
  why: string;
  matches: (file: FileReport, problem: Problem) => boolean;
  /** Exact entries must each be reported (a fixed defect must leave the list too). */
  exact?: boolean;
}

const at = (post: string, line: number, rule: Problem['rule'], why: string): Expected => ({ why, exact: true, matches: (f, p) => f.path === post && p.line === line && p.rule === rule });

const SAN_DIEGO = '_posts/2019-11-26-kubecon-san-diego-highlights.md';
const AMSTERDAM = '_posts/2023-09-14-devopsdays-amsterdam.md';

const EXPECTED: Record<string, Expected[]> = {
  // The deliberate defects listed in test/fixtures/README.md.
  'events-jekyll': [
    at(SAN_DIEGO, 128, 'empty-link', 'deliberate: `[k3sup (\'ketchup\')]()` has no target'),
    at(AMSTERDAM, 5, 'unknown-value', 'deliberate: `jordan` is not in _staff_members/'),
    at(AMSTERDAM, 6, 'missing-image', 'deliberate: the cover image is not in images/'),
    at(AMSTERDAM, 10, 'missing-image', 'deliberate: the board image is not in images/'),
    at(AMSTERDAM, 14, 'invalid-embed', 'deliberate: YouTube id `abc123` is not 11 characters'),
    at(AMSTERDAM, 16, 'unsafe-html', 'deliberate: a javascript: link'),
    at(AMSTERDAM, 18, 'missing-image', 'deliberate: /images/missing.png does not exist'),
    at(AMSTERDAM, 18, 'unsafe-html', 'deliberate: an onerror handler'),
    at(AMSTERDAM, 20, 'unsafe-html', 'deliberate: an inline <script>'),
  ],
  // The fixture holds the news posts of Jekyll's docs site, not its img/ folder.
  'jekyll-docs': [
    at('_posts/2014-06-04-jekyll-stickers-1-dollar-stickermule.markdown', 8, 'missing-image', '/img/ lives in the docs site, outside the fixture'),
    at('_posts/2018-08-01-jekyll-sponsoring.markdown', 56, 'missing-image', '/img/ lives in the docs site, outside the fixture'),
  ],
  // test/fixtures/README.md: "Large images were removed, so some image references are missing on purpose."
  'rust-blog': [
    {
      why: 'an image of the page’s own bundle, removed from the fixture for its size',
      matches: (f, p) => p.rule === 'missing-image' && /(^|\/)index\.md$/.test(f.path) && new RegExp(`looked for ${escape(path.posix.dirname(f.path))}/[^/)]+\\)`).test(p.message),
    },
  ],
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const sites = readdirSync(fixture('sites')).filter((name) => statSync(fixture('sites', name)).isDirectory());

describe('recap check of every fixture site', () => {
  it('covers the sites of at least five generators', () => {
    for (const site of ['events-jekyll', 'rust-blog', 'zola-docs', 'hugo-docs', 'astro-mdx', 'eleventy-site', 'multilang-jekyll']) expect(sites).toContain(site);
  });

  it.each(sites)('%s: every error is a real, listed one', async (name) => {
    const root = await copyFixture('sites', name);
    const report = await checkPaths([root]);
    const expected = EXPECTED[name] ?? [];
    const unexpected: string[] = [];
    const seen = new Set<Expected>();
    for (const file of report.files) {
      for (const problem of file.problems.filter((p) => p.severity === 'error')) {
        const entry = expected.find((e) => e.matches(file, problem));
        if (entry) seen.add(entry);
        else unexpected.push(`${file.path}:${problem.line} ${problem.rule} ${problem.message}`);
      }
    }
    expect(unexpected).toEqual([]);
    expect(expected.filter((e) => e.exact && !seen.has(e)).map((e) => e.why)).toEqual([]);
  }, 60_000);
});

/**
 * Issue 13 point 1 and issue 12 point 5: every page a person would call a
 * page is found — content that shares a name with an output or theme folder,
 * one-digit Jekyll dates, configured output folders — and nothing else is.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPaths } from '../../electron/services/check/check-paths';
import { findPosts, isPostPath } from '../../electron/services/workspace/find-posts';
import { findSiteOf } from '../../electron/services/workspace/find-site-root';
import { isIgnoredPath } from '../../electron/services/workspace/watch-site';
import { Workspace } from '../../electron/services/workspace/workspace';
import { parsePost } from '../../shared/front-matter/post-document';
import { fixture, tempDir } from '../support/fixtures';

async function postsOf(site: string): Promise<string[]> {
  const workspace = await Workspace.open(site);
  return (await findPosts(workspace.site.root, await workspace.layout())).sort();
}

async function write(root: string, files: Record<string, string>): Promise<string> {
  for (const [relative, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, relative)), { recursive: true });
    await writeFile(path.join(root, relative), text);
  }
  return root;
}

describe('every page of the fixture sites, and nothing else', () => {
  it('Zola docs: pages under content/documentation/themes/ and the theme gallery in content/themes/ are found; the root themes/ and public/ are not', async () => {
    expect(await postsOf(fixture('sites', 'zola-docs'))).toEqual([
      'content/documentation/content/image-processing/index.md',
      'content/documentation/content/shortcodes/index.md',
      'content/documentation/getting-started/overview.md',
      'content/documentation/templates/overview.md',
      'content/documentation/themes/creating-a-theme.md',
      'content/documentation/themes/installing-and-using-themes.md',
      'content/documentation/themes/overview.md',
      'content/themes/after-dark.md',
      'content/themes/book.md',
    ]);
  });

  it('Hugo docs: sections named resources/ and themes/ are content; publishDir, themes/, archetypes/ and headless bundles (_common/) are not', async () => {
    expect(await postsOf(fixture('sites', 'hugo-docs'))).toEqual([
      'content/blog/hugo-0-118.md',
      'content/blog/hugo-0-119.md',
      'content/blog/hugo-0-120.md',
      'content/blog/hugo-0-121.md',
      'content/blog/hugo-0-123/index.md',
      'content/docs/content-management/image-processing/index.md',
      'content/docs/getting-started/directory-structure.md',
      'content/docs/getting-started/quick-start.md',
      'content/docs/resources/page-resources.md',
      'content/docs/themes/installing-themes.md',
    ]);
  });

  it('Astro: .md and .mdx under src/content and src/pages; not the outDir', async () => {
    expect(await postsOf(fixture('sites', 'astro-mdx'))).toEqual([
      'src/content/docs/en/getting-started.mdx',
      'src/content/docs/en/guides/client-side-scripts.mdx',
      'src/content/docs/en/guides/images.mdx',
      'src/content/docs/en/reference/configuration.md',
      'src/pages/404.md',
    ]);
  });

  it('Eleventy: the configured input folder, without its _includes or the configured output folder', async () => {
    expect(await postsOf(fixture('sites', 'eleventy-site'))).toEqual([
      'src/blog/faster-json-stringify.md',
      'src/blog/partial-hydration.md',
      'src/blog/year-in-review.md',
      'src/docs/getting-started.md',
      'src/index.md',
    ]);
  });

  it('Jekyll in many languages: every <lang>/news/_posts/, one-digit dates included; not vendor/ or the destination', async () => {
    expect(await postsOf(fixture('sites', 'multilang-jekyll'))).toEqual([
      'en/news/_posts/2019-12-25-ruby-2-7-0-released.md',
      'en/news/_posts/2020-3-31-ruby-2-7-1-released.md',
      'en/news/_posts/2021-04-05-xml-round-trip-vulnerability-in-rexml-cve-2021-28965.md',
      'es/news/_posts/2020-3-31-ruby-2-7-1-released.md',
      'fr/news/_posts/2020-3-31-ruby-2-7-1-released.md',
    ]);
  });
});

describe('the post list reads what get reads', () => {
  it('front matter indented by one space gives its title, date and tags, as get does', async () => {
    const site = fixture('sites', 'eleventy-site');
    const { posts } = await (await Workspace.open(site)).list({ words: false });
    const post = posts.find((p) => p.path === 'src/blog/faster-json-stringify.md')!;
    const got = parsePost(await readFile(path.join(site, post.path), 'utf8')).data!;
    expect(post).toMatchObject({ title: 'How we made JSON.stringify twice as fast', date: '2025-08-04', tags: ['internals'] });
    expect(post.title).toBe(got.title);
    expect(post.date).toBe(got.date);
  });

  it('a one-digit month is the date Jekyll reads; a title with &#58; is listed decoded', async () => {
    const { posts } = await (await Workspace.open(fixture('sites', 'multilang-jekyll'))).list({ words: false });
    const byPath = new Map(posts.map((p) => [p.path, p]));
    expect(byPath.get('en/news/_posts/2020-3-31-ruby-2-7-1-released.md')?.date).toBe('2020-03-31 12:00:00 +0000');
    expect(byPath.get('en/news/_posts/2021-04-05-xml-round-trip-vulnerability-in-rexml-cve-2021-28965.md')?.title).toBe('CVE-2021-28965: XML round-trip vulnerability in REXML');
  });

  it('a one-digit date without a date field is read from the name, zero-padded', async () => {
    const site = await write(await tempDir(), { '_config.yml': 'title: t\n', '_posts/2020-3-9-short.md': '---\ntitle: Short\n---\nHi\n' });
    const { posts } = await (await Workspace.open(site)).list({ words: false });
    expect(posts.map((p) => [p.path, p.date])).toEqual([['_posts/2020-3-9-short.md', '2020-03-09']]);
  });
});

describe('only the generator’s real output is skipped', () => {
  it('Jekyll: the configured destination and exclude folders hold no posts; a language folder named public does', async () => {
    const site = await write(await tempDir(), {
      '_config.yml': 'destination: build\nexclude: [tools]\n',
      '_posts/2024-01-01-a.md': '# A\n',
      'build/_posts/2024-01-01-a.md': '# copy\n',
      'tools/_posts/2024-01-01-t.md': '# tool\n',
      'public/_posts/2024-01-02-b.md': '# B\n',
    });
    expect(await postsOf(site)).toEqual(['_posts/2024-01-01-a.md', 'public/_posts/2024-01-02-b.md']);
  });

  it('Hugo: content mounted from another folder is content, and only it; publishDir at the root is not', async () => {
    const site = await write(await tempDir(), {
      'hugo.yaml': 'baseURL: https://x.example/\npublishDir: out\nmodule:\n  mounts:\n    - source: docs-src\n      target: content\n',
      'docs-src/public/page.md': '# A section named public\n',
      'docs-src/vendor/notes.md': '# And one named vendor\n',
      'content/old.md': '# Not mounted: Hugo no longer reads content/\n',
      'out/page.md': '# output\n',
    });
    expect(await postsOf(site)).toEqual(['docs-src/public/page.md', 'docs-src/vendor/notes.md']);
  });

  it('Hugo: a section that cascades render: never holds no pages, one that only hides itself does; a licence page inside content is a page', async () => {
    const site = await write(await tempDir(), {
      'hugo.toml': 'baseURL = "https://x.example/"\n',
      'content/LICENSE.md': 'The repository licence, at the top of content/.\n',
      'content/about/license.md': '---\ntitle: License\n---\nThe documentation licence, a page of the site.\n',
      'content/glossary/_index.md': '---\ntitle: Glossary\nbuild:\n  render: always\ncascade:\n  build:\n    render: never\n    list: local\n---\n',
      'content/glossary/bundle.md': '---\ntitle: bundle\n---\nA term shown on the glossary page.\n',
      'content/hidden/_index.md': '+++\ntitle = "Hidden section"\n[build]\nrender = "never"\n+++\n',
      'content/hidden/still-a-page.md': '+++\ntitle = "Still a page"\n+++\n',
    });
    expect(await postsOf(site)).toEqual(['content/about/license.md', 'content/hidden/still-a-page.md']);
  });

  it('Hugo: pages the configuration cascades render: never to (opentelemetry.io’s _includes/ snippets) are not posts', async () => {
    const site = await write(await tempDir(), {
      'hugo.yaml': "baseURL: https://x.example/\ncascade:\n  - build: { list: never, render: never }\n    target: { path: '{,/**}/_includes{,/**}' }\n  - outputs: [HTML]\n    target: { kind: home }\n",
      'content/docs/languages/_includes/index-intro.md': '---\n---\nWelcome to the {{ $name }} docs.\n',
      'content/docs/languages/go.md': '---\ntitle: Go\n---\nGo.\n',
    });
    expect(await postsOf(site)).toEqual(['content/docs/languages/go.md']);
  });

  it('the watcher sees changes in content named like output folders; it ignores the root output and dependencies', () => {
    expect(isIgnoredPath('/site', '/site/content/docs/resources/page-resources.md')).toBe(false);
    expect(isIgnoredPath('/site', '/site/content/themes/book.md')).toBe(false);
    expect(isIgnoredPath('/site', '/site/public/index.html')).toBe(true);
    expect(isIgnoredPath('/site', '/site/content/node_modules/x.md')).toBe(true);
  });

  it('isPostPath with the site’s layout agrees with the list', async () => {
    const workspace = await Workspace.open(fixture('sites', 'eleventy-site'));
    expect(await workspace.isPostPath('src/blog/partial-hydration.md')).toBe(true);
    expect(await workspace.isPostPath('src/_includes/about-snippet.md')).toBe(false);
    expect(await workspace.isPostPath('www/draft-copy.md')).toBe(false);
    expect(await workspace.isPostPath('README.md')).toBe(false);
    expect(isPostPath('hugo', 'content/docs/themes/installing-themes.md')).toBe(true);
    expect(isPostPath('jekyll', '_posts/2020-3-29-x.md')).toBe(true);
  });
});

describe('Hugo’s configuration directory and languages', () => {
  it.each(['module.yaml', 'module-template.yaml'])('config/_default/ (%s) gives the languages and mounts: a translation finds the default language’s bundle image, a mounted folder serves its URL path', async (moduleFile) => {
    const site = await write(await tempDir(), {
      'config/_default/hugo.yaml': 'baseURL: https://otel.example/\nlanguages:\n  en: { label: English }\n  bn: { label: Bangla }\n',
      [`config/_default/${moduleFile}`]: 'mounts:\n  - { source: content/en, target: content }\n  - { source: content/bn, target: content }\n  - { source: static, target: static }\n  - { source: iconography/32x32, target: static/img/logos/32x32 }\n',
      'content/en/docs/demo/index.md': '---\ntitle: Demo\n---\n![Exemplars](exemplars.png)\n\n![Receivers](/img/logos/32x32/Receivers.svg)\n',
      'content/en/docs/demo/exemplars.png': 'png',
      'content/bn/docs/demo/index.md': '---\ntitle: ডেমো\n---\n![Exemplars](exemplars.png)\n\n![Gone](gone.png)\n',
      'iconography/32x32/Receivers.svg': '<svg/>',
    });
    expect(await postsOf(site)).toEqual(['content/bn/docs/demo/index.md', 'content/en/docs/demo/index.md']);
    const report = await checkPaths([site]);
    const missing = report.files.flatMap((f) => f.problems.filter((p) => p.rule === 'missing-image').map((p) => `${f.path}:${p.line}`));
    expect(missing).toEqual(['content/bn/docs/demo/index.md:6']);
  });
});

describe('the site of a single file', () => {
  it('is the folder with the generator’s configuration, not the nearest _posts/', async () => {
    const file = fixture('sites', 'multilang-jekyll', 'en', 'news', '_posts', '2020-3-31-ruby-2-7-1-released.md');
    expect(await findSiteOf(file)).toMatchObject({ root: fixture('sites', 'multilang-jekyll'), kind: 'jekyll' });
  });

  it('without any configuration, the folder the shape names', async () => {
    const site = await write(await tempDir(), { 'blog/_posts/2024-01-01-a.md': '# A\n' });
    await mkdir(path.join(site, '.git'));
    expect((await findSiteOf(path.join(site, 'blog/_posts/2024-01-01-a.md'))).root).toBe(path.join(site, 'blog'));
  });
});

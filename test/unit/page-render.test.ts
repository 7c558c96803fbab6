/**
 * The Page view against Jekyll 4.3's own build of the Minima fixture
 * (test/fixtures/rendered/minima-jekyll): visible text word for word, URLs,
 * the time-zone-shifted date, includes, the compiled stylesheet, the share
 * values, and what never passes (scripts, handlers, remote requests).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { recap } from '../support/cli';
import { copyFixture, fixture } from '../support/fixtures';
import { renderPage } from '../../electron/services/page/render-page';
import { similarity, visibleWords } from '../support/visible-text';

const REFERENCE = fixture('rendered', 'minima-jekyll');
let site: string;

beforeAll(async () => {
  site = await copyFixture('sites', 'minima-jekyll');
});

async function posts(): Promise<string[]> {
  return (await readdir(path.join(site, '_posts'))).filter((f) => f.endsWith('.md')).sort();
}

function metaContent(html: string, property: string): string | null {
  const match = new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(html);
  return match ? match[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'") : null;
}

describe('recap render matches Jekyll’s build of the Minima site', () => {
  test('every post: the visible text matches word for word within 5 %, at the URL Jekyll published it', async () => {
    const files = await posts();
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) {
      const { code, stdout, stderr } = await recap(['render', path.join(site, '_posts', file)]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const url = /<link rel="canonical" href="https:\/\/fieldnotes\.example\.org([^"]+)"/.exec(stdout)?.[1];
      expect(url, file).toBeDefined();
      const reference = await readFile(path.join(REFERENCE, url!, 'index.html'), 'utf8');
      const score = similarity(visibleWords(stdout), visibleWords(reference));
      expect(score, `${file} → ${url}: ${score.toFixed(3)}`).toBeGreaterThanOrEqual(0.95);
    }
  }, 60_000);

  test('the event post moves to 2024/11/16: its date, written in -0700, is shown in the site’s zone (UTC)', async () => {
    const { stdout } = await recap(['render', path.join(site, '_posts', '2024-11-15-kubecon-salt-lake-city.md')]);
    expect(stdout).toContain('href="https://fieldnotes.example.org/2024/11/16/kubecon-salt-lake-city/"');
    expect(stdout).toMatch(/<time class="dt-published" datetime="2024-11-16T01:30:00\+00:00"[^>]*>\s*Nov 16, 2024\s*<\/time>/);
  });

  test('a timezone in _config.yml moves the date back: America/Denver keeps the post on 2024/11/15', async () => {
    const config = path.join(site, '_config.yml');
    const original = await readFile(config, 'utf8');
    await writeFile(config, original + '\ntimezone: America/Denver\n');
    try {
      const { stdout } = await recap(['render', path.join(site, '_posts', '2024-11-15-kubecon-salt-lake-city.md')]);
      expect(stdout).toContain('href="https://fieldnotes.example.org/2024/11/15/kubecon-salt-lake-city/"');
      expect(stdout).toContain('datetime="2024-11-15T18:30:00-07:00"');
    } finally {
      await writeFile(config, original);
    }
  });

  test('includes run with their parameters: speaker.html finds the speaker in _speakers, youtube.html renders as a facade', async () => {
    const { stdout } = await recap(['render', path.join(site, '_posts', '2024-11-15-kubecon-salt-lake-city.md')]);
    expect(stdout).toContain('<p class="speaker">Tomás Herrera <span class="speaker-role">Maintainer, Flux</span></p>');
    expect(stdout).toMatch(/<figure class="video">\s*<a class="recap-embed-facade" href="https:\/\/www\.youtube\.com\/watch\?v=NckMekZXRt8"[^>]*>.*GitOps at scale.*<\/a><figcaption>GitOps at scale<\/figcaption>/s);
    expect(stdout).not.toContain('<iframe');
    expect(stdout).toContain('<a href="/2016/05/20/welcome-to-jekyll/">previous write-up</a>'); // post_url
  });

  test('the stylesheet compiles from _sass/ with the Liquid in style.scss expanded (the classic skin), and is inlined', async () => {
    const { stdout } = await recap(['render', path.join(site, '_posts', '2016-05-20-welcome-to-jekyll.md')]);
    const inlined = [...stdout.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join('\n');
    const reference = await readFile(path.join(REFERENCE, 'assets', 'css', 'style.css'), 'utf8');
    const selectors = (css: string) => new Set([...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}@;]+)\{/g)].map((m) => m[1]!.replace(/\s+/g, ' ').trim()).filter((s) => /^[.#a-z*:[]/i.test(s)));
    const ours = selectors(inlined);
    const theirs = [...selectors(reference)];
    const missing = theirs.filter((s) => !ours.has(s));
    expect(theirs.length).toBeGreaterThan(50);
    expect(missing.length / theirs.length, `missing: ${missing.slice(0, 5).join(' | ')}`).toBeLessThan(0.05);
    expect(stdout).not.toMatch(/<link[^>]+stylesheet/); // one file: nothing to fetch
    expect(inlined).not.toContain('{{');
  });

  test('recap share --json equals the og:title, og:description, og:image and og:url Jekyll wrote', async () => {
    for (const file of await posts()) {
      const { code, stdout } = await recap(['share', path.join(site, '_posts', file), '--json']);
      expect(code).toBe(0);
      const share = JSON.parse(stdout) as Record<string, string | null>;
      expect(Object.keys(share).sort()).toEqual(['card', 'description', 'image', 'siteName', 'title', 'url']);
      const reference = await readFile(path.join(REFERENCE, new URL(share.url!).pathname, 'index.html'), 'utf8');
      expect(share.title, file).toBe(metaContent(reference, 'og:title'));
      expect(share.description, file).toBe(metaContent(reference, 'og:description'));
      expect(share.image, file).toBe(metaContent(reference, 'og:image'));
      expect(share.url, file).toBe(metaContent(reference, 'og:url'));
      expect(share.siteName).toBe(metaContent(reference, 'og:site_name'));
      expect(share.card).toBe(metaContent(reference, 'twitter:card'));
    }
  }, 60_000);
});

describe('what never passes into a page', () => {
  test('scripts and handlers planted in a layout, an include and the post are gone; remote styles and images stay off the page', async () => {
    const copy = await copyFixture('sites', 'minima-jekyll');
    const layout = path.join(copy, '_layouts', 'base.html');
    await writeFile(layout, (await readFile(layout, 'utf8')).replace('<body>', '<body onload="window.__recapPwned=1"><script>window.__recapPwned=1</script><iframe srcdoc="<script>x</script>"></iframe><meta http-equiv="refresh" content="0;url=https://evil.example">'));
    const text = '---\nlayout: post\ntitle: Hostile\n---\n<script>window.__recapPwned=1</script>\n\n<img src="x" onerror="window.__recapPwned=1"> [link](javascript:alert(1)) ![remote](https://images.example/a.png)\n';
    const page = await renderPage({ root: copy, name: 'minima', kind: 'jekyll' }, '_posts/2024-01-01-hostile.md', text, { externalContent: false, assets: (p) => `../page-assets${p}` });
    expect(page.html).not.toMatch(/<script|onload=|onerror=|javascript:|srcdoc|http-equiv|<iframe/i);
    expect(page.html).toContain('External image not loaded');
    expect(page.html).not.toContain('cdn.jsdelivr.net'); // the remote Font Awesome stylesheet is dropped while external content is off
    expect(page.html).toMatch(/href="..\/page-assets\/assets\/css\/style.css\?v=[\w-]+"/); // the compiled Sass, addressed by its content
    const allowed = await renderPage({ root: copy, name: 'minima', kind: 'jekyll' }, '_posts/2024-01-01-hostile.md', text, { externalContent: true, assets: (p) => `../page-assets${p}` });
    expect(allowed.html).toContain('src="https://images.example/a.png"');
    expect(allowed.html).toContain('cdn.jsdelivr.net');
    expect(allowed.html).not.toMatch(/<script|onerror=/i);
  });

  test('a theme that is not in the folder is named in one line, exit 1', async () => {
    const copy = await copyFixture('sites', 'minima-jekyll');
    const { rm } = await import('node:fs/promises');
    await rm(path.join(copy, '_layouts'), { recursive: true });
    await writeFile(path.join(copy, '_config.yml'), (await readFile(path.join(copy, '_config.yml'), 'utf8')) + '\ntheme: minima\n');
    const { code, stdout, stderr } = await recap(['render', path.join(copy, '_posts', '2016-05-20-welcome-to-jekyll.md')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^recap: The site's theme "minima" is not in the folder.*\n$/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('other generators: the post with its header in the site’s stylesheet, and a plain note', () => {
  test('Hugo: title, date, author and cover in the header; the note says layouts are not rendered', async () => {
    const root = fixture('sites', 'hugo-docs');
    const relative = 'content/blog/hugo-0-123/index.md';
    const page = await renderPage({ root, name: 'hugo-docs', kind: 'hugo' }, relative, await readFile(path.join(root, relative), 'utf8'), { externalContent: false, assets: (p) => `../page-assets${p}` });
    expect(page.layoutsRendered).toBe(false);
    expect(page.note).toMatch(/^Layouts are not rendered for Hugo sites/);
    expect(page.html).toContain('<h1 class="post-title">Hugo 0.123.0</h1>');
    expect(page.html).toContain('<span class="post-author">The Hugo team</span>');
    expect(page.html).toContain('<img class="post-cover" src="../page-assets/content/blog/hugo-0-123/featured.png"');
    expect(page.html).not.toMatch(/<script/i);
  });

  test('Zola: the site’s own Sass (sass/site.scss) is compiled and linked from Recap', async () => {
    const root = fixture('sites', 'zola-docs');
    const relative = 'content/themes/after-dark.md';
    const page = await renderPage({ root, name: 'zola-docs', kind: 'zola' }, relative, await readFile(path.join(root, relative), 'utf8'), { externalContent: false, assets: (p) => `../page-assets${p}` });
    expect(page.styles.map((s) => s.url)).toEqual(['/.recap/styles/site.css']);
    expect(page.styles[0]!.css).toContain('color: #222');
    expect(page.html).toMatch(/href="..\/page-assets\/.recap\/styles\/site.css\?v=[\w-]+"/);
    expect(page.note).toMatch(/^Layouts are not rendered for Zola sites: this is the post with its header in the site’s stylesheet\.$/);
  });
});

/** The Page view's Markdown and Liquid as Jekyll writes them, on a temp copy of the Minima site. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { markdownToHtml } from '../../electron/services/page/kramdown';
import { renderPage } from '../../electron/services/page/render-page';
import { copyFixture } from '../support/fixtures';

describe('Markdown as kramdown (GFM) writes it', () => {
  test('smart quotes, typographic dashes and ellipses; code stays as written', () => {
    expect(markdownToHtml(`"Quoted" and 'single', it's the '90s -- a dash --- an em dash... \`"code" -- ...\`\n`)).toBe(
      '<p>“Quoted” and ‘single’, it’s the ’90s – a dash — an em dash… <code class="language-plaintext highlighter-rouge">"code" -- ...</code></p>',
    );
  });

  test('header ids as kramdown GFM makes them, repeats numbered', () => {
    const html = markdownToHtml('## Some great heading (h2)\n\n### Whaaat, a checklist??\n\n### Repeat\n\n### Repeat\n\n###### Small yet significant sub-heading  (h6)\n');
    expect([...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1])).toEqual(['some-great-heading-h2', 'whaaat-a-checklist', 'repeat', 'repeat-1', 'small-yet-significant-sub-heading--h6']);
  });

  test('IAL is applied, never printed: block (own line or trailing), span, and a header id', () => {
    const html = markdownToHtml('A lead paragraph.\n{: .lead #intro}\n\n> Quote\n\n{: .pull-quote}\n\nSome *text*{: .hl title="t"} here.\n\n## Title {#custom}\n');
    expect(html).toContain('<p id="intro" class="lead">A lead paragraph.</p>');
    expect(html).toContain('<blockquote class="pull-quote">');
    expect(html).toMatch(/<em (?=[^>]*class="hl")(?=[^>]*title="t")[^>]*>text<\/em>/);
    expect(html).toContain('<h2 id="custom">Title</h2>');
    expect(html).not.toContain('{:');
  });

  test('fenced code in Rouge’s wrappers, the language named', () => {
    expect(markdownToHtml('```ruby\nputs 1\n```\n')).toBe('<div class="language-ruby highlighter-rouge"><div class="highlight"><pre class="highlight"><code>puts 1\n</code></pre></div></div>');
  });
});

describe('Liquid as Jekyll runs it, plugin tags included', () => {
  let root: string;
  beforeAll(async () => {
    root = await copyFixture('sites', 'minima-jekyll');
  });
  const render = (body: string) =>
    renderPage({ root, name: 'minima', kind: 'jekyll' }, '_posts/2024-12-01-liquid.md', `---\nlayout: post\ntitle: Liquid\ntags: [a, b]\n---\n${body}\n`, { externalContent: false, assets: 'inline' }).then((page) => /<div class="post-content e-content" itemprop="articleBody">([\s\S]*?)<\/div>\s*<a class="u-url"/.exec(page.html)?.[1]?.trim() ?? page.html);

  test('unknown plugin tags render nothing (a block its inside), never an error page; gist is a card', async () => {
    expect(await render('Before {% tweet 123 %} after.')).toBe('<p>Before  after.</p>');
    expect(await render('{% callout %}Inside{% endcallout %}')).toBe('<p>Inside</p>');
    expect(await render('{% gist octocat/6cad326836d38bd3a7ae %}')).toMatch(/<a href="https:\/\/gist\.github\.com\/octocat\/6cad326836d38bd3a7ae">Gist octocat\/6cad326836d38bd3a7ae<\/a>/);
  });

  // jsonify's quotes are smartened like any text in Markdown (kramdown: a quote after a non-space closes).
  test('raw, highlight, post_url, link and Jekyll’s filters', async () => {
    expect(await render('{% raw %}{{ not.liquid }}{% endraw %}')).toBe('<p>{{ not.liquid }}</p>');
    expect(await render('{% highlight ruby %}\nputs "<hi>"\n{% endhighlight %}')).toBe('<figure class="highlight"><pre><code class="language-ruby" data-lang="ruby">puts "&#x3C;hi>"</code></pre></figure>');
    expect(await render('[about]({% link about.md %}) [w]({% post_url 2016-05-20-welcome-to-jekyll %})')).toBe('<p><a href="/about/">about</a> <a href="/2016/05/20/welcome-to-jekyll/">w</a></p>');
    expect(await render('{{ "Hello, World!" | slugify }} {{ page.tags | jsonify }} {{ site.posts | where_exp: "p", "p.title contains \'Kube\'" | map: "title" | first }} {{ "a & b" | xml_escape }} {{ "/x" | absolute_url }} {{ page.date | date_to_string }}')).toBe(
      '<p>hello-world [“a”,”b”] KubeCon Salt Lake City: our highlights a &#x26; b <a href="https://fieldnotes.example.org/x">https://fieldnotes.example.org/x</a> 01 Dec 2024</p>',
    );
    expect(await render('{% assign groups = site.speakers | group_by: "role" %}{{ groups.size }} {{ site.speakers | sort: "name" | map: "handle" | join: "," }}')).toBe('<p>2 lena,tomas</p>');
  });

  test('broken Liquid in the site’s layout is one line, not an error page', async () => {
    await writeFile(path.join(root, '_layouts', 'page.html'), '---\nlayout: base\n---\n{% if %}');
    await expect(renderPage({ root, name: 'minima', kind: 'jekyll' }, 'about.md', '---\nlayout: page\ntitle: About\n---\nHi\n', { externalContent: false, assets: 'inline' })).rejects.toThrow(/^The page cannot be rendered: _layouts\/page: .+/);
  });
});

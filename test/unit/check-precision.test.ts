/**
 * Issue 13 point 2 and issue 12 point 5: what real sites write is not
 * reported as a problem, and what is really broken still is.
 */
import { describe, expect, it } from 'vitest';
import { checkPost, type CheckInput, type Problem } from '../../shared/check';
import { inferSchema } from '../../shared/front-matter/infer-schema';
import { postGroup } from '../../shared/front-matter/post-group';
import type { SiteSchema } from '../../shared/front-matter/schema';
import type { FrontMatterValue } from '../../shared/model';

function check(path: string, text: string, input: Partial<CheckInput> = {}, files: string[] = []): Problem[] {
  const exists = new Set(files);
  return checkPost({ path, text, site: { kind: 'unknown', fileExists: (p) => exists.has(p) }, ...input });
}
const rules = (problems: Problem[]) => problems.map((p) => `${p.rule}@${p.line}`);

describe('MDX: imports, JSX and expressions are code; the Markdown between them is Markdown', () => {
  const mdx = [
    '---',
    'title: Scripts',
    '---',
    "import { Tabs, TabItem, Code } from '@astrojs/starlight/components';",
    "export const sample = `<script>alert('x')</script>`;",
    '',
    '<Tabs>',
    '  <TabItem label="Inline">',
    '    ```html',
    '    <script src="https://tracker.example.org/t.js"></script>',
    '    <img src="/missing.png" onerror="alert(1)">',
    '    <a href="">empty</a>',
    '    ```',
    '  </TabItem>',
    '</Tabs>',
    '',
    '<Code code={`<script>x()</script><form action="/x"></form>`} lang="html" />',
    '<Link href="/docs/">A component named Link is not a <link> element</Link>',
    '{/* <script>a comment</script> */}',
    '<img src={logo.src} alt="Logo" />',
    '',
    'And `<meta http-equiv="refresh">` in a code span.',
    '',
  ].join('\n');

  it('nothing inside code, JSX component tags or {expressions} is reported', () => {
    expect(check('src/content/docs/scripts.mdx', mdx, { site: { kind: 'astro', fileExists: () => false } })).toEqual([]);
  });

  it('a stray backtick or a code fence between components does not shift what is code', () => {
    const text = '---\ntitle: T\n---\n1. Create `src/menu.js (a typo: no closing backtick)\n\n<Tabs>\n  <Fragment slot="a">\n    ```js\n    const a = 1;\n\n    ```\n  </Fragment>\n  <Fragment slot="b">\n    ```svelte add="on:submit={submit}"\n    <script lang="ts">let x;</script>\n    <form onsubmit={go}></form>\n    ```\n  </Fragment>\n</Tabs>\n';
    expect(check('src/content/docs/forms.mdx', text, { site: { kind: 'astro' } })).toEqual([]);
  });

  it('the same text as plain Markdown is still checked as HTML (the rules did not go blind)', () => {
    const problems = check('src/content/docs/scripts.md', mdx.replace(/^ {4}/gm, ''), { site: { kind: 'astro', fileExists: () => false } });
    expect(problems.filter((p) => p.severity === 'error').length).toBeGreaterThan(0);
  });

  it('real HTML in an MDX body outside components is still checked', () => {
    const problems = check('src/content/docs/x.mdx', '---\ntitle: X\n---\nimport A from "./a";\n\n<A>fine</A>\n\n<img src="/gone.png" onerror="alert(1)" alt="">\n');
    expect(rules(problems)).toEqual(['missing-image@8', 'unsafe-html@8']);
  });
});

describe('custom elements, the site’s own files, template code blocks', () => {
  it('<is-land on:visible> and a same-site stylesheet are not unsafe; an onclick handler and a foreign stylesheet are', () => {
    const text = '# Islands\n\n<link rel="stylesheet" href="/css/island.css">\n\n<is-land on:visible on:interaction="click">\n  <my-counter></my-counter>\n</is-land>\n\n<button onclick="go()">Go</button>\n\n<link rel="stylesheet" href="https://cdn.example.org/x.css">\n';
    expect(rules(check('src/blog/islands.md', text).filter((p) => p.rule === 'unsafe-html'))).toEqual(['unsafe-html@9', 'unsafe-html@11']);
  });

  it('the site’s own scripts are not unsafe; an inline one or one from elsewhere is', () => {
    const text = 'Charts:\n\n<script src="/scripts/plotly.min.js"></script>\n\n<script src="charts.js"></script>\n\n<script src="https://evil.example/x.js"></script>\n\n<script>alert(1)</script>\n';
    expect(rules(check('content/survey/index.md', text))).toEqual(['unsafe-html@7', 'unsafe-html@9']);
  });

  it('an inline SVG’s url(#gradient) and <image href="data:image/png…"> load nothing; url(https://…) and an HTML data: URL do', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const text = `<svg viewBox="0 0 10 10"><style>.bg{fill:url(#b)}</style><image href="${png}" width="10" height="10"/><image href="data:image/svg+xml,<svg xmlns=%22http://www.w3.org/2000/svg%22/>"/></svg>\n\n<svg><style>.x{background:url(https://t.example/p.gif)}</style><image href="data:text/html,<b>x</b>"/></svg>\n`;
    expect(rules(check('src/blog/v8-release-80.md', text))).toEqual(['unsafe-html@3', 'unsafe-html@3']);
  });

  it('a form posting to the site itself is not unsafe; one posting elsewhere is', () => {
    const text = '<form action="/blog/certify/"><button>Go</button></form>\n\n<form action="https://collector.example/x"></form>\n';
    expect(rules(check('src/blog/certify.md', text))).toEqual(['unsafe-html@3']);
  });

  it('JavaScript front matter is not checked, and not an error: the generator builds it', () => {
    expect(check('src/authors.md', '---js\n{ title: "x" }\n---\nBody\n').map((p) => [p.rule, p.severity])).toEqual([['invalid-front-matter', 'warning']]);
  });

  it('{% highlight %}, {{< highlight >}} and template comments hold code, not HTML', () => {
    const text = [
      '{% highlight html %}',
      '<meta charset="utf-8">',
      '{% endhighlight %}',
      '{{< highlight html >}}',
      '<script src="https://x.example/a.js"></script>',
      '{{< /highlight >}}',
      '{% comment %}<form action="/x"></form>{% endcomment %}',
      '{# <script>dropped</script> #}',
      '{{/* youtube(id="bad") */}}',
      '{%- set codeBlock %}{% raw %}<meta name="generator" content="{{ eleventy.generator }}">{% endraw %}{%- endset %}',
      '{{ codeBlock | highlight("jinja2") | safe }}',
      '',
    ].join('\n');
    expect(check('_posts/2024-01-01-code.md', text)).toEqual([]);
  });
});

describe('missing-image resolves as the generator does', () => {
  const hugo = { kind: 'hugo' as const, folders: { staticDirs: [{ dir: 'static', url: '' }, { dir: 'shared/images', url: 'images' }, { dir: 'site-assets', url: '' }], contentDirs: ['content'] } };
  const files = ['shared/images/quick-start/server.png', 'content/docs/start/layout.png', 'content/blog/post/cover.png', 'site-assets/logo.svg', 'content/inside/old-post/diagram.svg'];
  const image = (path: string, url: string, data = 'title: T') => rules(check(path, `---\n${data}\n---\n![An image](${url})\n`, { site: { ...hugo, fileExists: (p) => files.includes(p) } }));

  it('a Hugo module mount serves its folder at the mount’s URL path', () => {
    expect(image('content/docs/start/quick.md', '/images/quick-start/server.png')).toEqual([]);
    expect(image('content/docs/start/quick.md', '/quick-start/server.png')).toEqual(['missing-image@4']); // only under the mount's URL path
    expect(image('content/docs/start/quick.md', '/logo.svg')).toEqual([]);
  });

  it('a leaf page is served at its own folder: ../x.png is beside the page file', () => {
    expect(image('content/docs/start/usage.md', '../layout.png')).toEqual([]);
    expect(image('content/docs/start/usage.md', 'layout.png')).toEqual([]); // beside the file, as render hooks resolve it
    expect(image('content/docs/start/usage.md', '../../layout.png')).toEqual(['missing-image@4']);
  });

  it('a page bundle’s files, by a root URL too; a bundle that sets its own path is found by it', () => {
    expect(image('content/blog/post/index.md', 'cover.png')).toEqual([]);
    expect(image('content/docs/start/quick.md', '/blog/post/cover.png')).toEqual([]);
    const withUrls = { ...hugo, kind: 'zola' as const, folders: { ...hugo.folders, pageUrls: { 'inside/2024/05/07/old-post': 'content/inside/old-post' } } };
    const problems = check('content/inside/new-post/index.md', '+++\npath = "inside/2024/10/01/new-post"\n+++\n![Diagram](../../../../2024/05/07/old-post/diagram.svg)\n', { site: { ...withUrls, fileExists: (p) => files.includes(p) } });
    expect(problems).toEqual([]);
  });

  it('an image imported in MDX (`src={rocket.src}`) is the bundler’s business', () => {
    expect(check('src/content/docs/a.mdx', '---\ntitle: A\n---\n<img src={rocket.src} alt="A rocket" />\n', { site: { kind: 'astro', fileExists: () => false } })).toEqual([]);
  });
});

describe('required-field: inferred per group of siblings, a warning unless declared', () => {
  const page = (path: string, data: Record<string, FrontMatterValue>) => ({ path, data });
  const blog = Array.from({ length: 10 }, (_, i) => page(`content/blog/post-${i}.md`, { title: `Post ${i}`, date: '2024-01-01', ...(i === 9 ? {} : { author: 'sam' }) }));
  const docs = Array.from({ length: 6 }, (_, i) => page(`content/docs/page-${i}.md`, { title: `Page ${i}`, weight: i }));
  const pages = [...blog, ...docs];
  const schemaOf = (settings?: Parameters<typeof inferSchema>[0]['settings']): SiteSchema =>
    inferSchema({ posts: pages.map((p) => p.data), groups: pages.map((p) => postGroup(p.path, p.data)), settings: settings ?? null });
  const required = (path: string, frontMatter: string, schema: SiteSchema) =>
    check(path, `---\n${frontMatter}\n---\nBody\n`, { schema, site: { kind: 'hugo' } }).filter((p) => p.rule === 'required-field').map((p) => `${p.severity}:${p.message.match(/"(\w+)"/)?.[1]}`);

  it('a blog post without the author its siblings set gets a warning; a docs page without it gets nothing', () => {
    const schema = schemaOf();
    expect(required('content/blog/post-9.md', 'title: Post 9\ndate: 2024-01-01', schema)).toEqual(['warning:author']);
    expect(required('content/docs/page-9.md', 'title: Page 9\nweight: 3', schema)).toEqual([]);
    expect(required('content/docs/page-9.md', 'title: Page 9', schema)).toEqual(['warning:weight']);
  });

  it('never fires in a group too small to say anything, nor for a table such as [extra]', () => {
    const few = inferSchema({ posts: [{ title: 'a', author: 'x' }, { title: 'b', author: 'y' }], groups: ['notes', 'notes'] });
    expect(required('content/notes/c.md', 'title: c', few)).toEqual([]);
    const tables = Array.from({ length: 6 }, () => ({ title: 't', extra: { team: 'x' } }));
    expect(required('content/x/c.md', 'title: c', inferSchema({ posts: tables, groups: tables.map(() => 'x') }))).toEqual([]);
  });

  it('siblings are the same section, language and layout or type', () => {
    expect(postGroup('content/blog/post.md', {})).toBe('blog');
    expect(postGroup('content/en/blog/2021/post.md', {})).toBe('en/blog');
    expect(postGroup('src/content/docs/ar/guides/x.mdx', {})).toBe('docs/ar');
    expect(postGroup('fr/news/_drafts/x.md', {})).toBe('fr/news/_posts');
    expect(postGroup('content/docs/x.md', { type: 'api' })).toBe('docs#api');
  });

  it('a field .recap.json declares required is an error on every page', () => {
    const schema = schemaOf({ fields: { description: { required: true } } });
    expect(required('content/docs/page-9.md', 'title: Page 9\nweight: 1', schema)).toEqual(['error:description']);
  });
});

describe('mojibake', () => {
  it('French typography (no-break space before », after «) is correct text', () => {
    const text = 'Le message «\u00a0Ruby est là\u00a0» s’affiche ; l’équipe du café\u00a0» — voilà\u00a0!\n';
    expect(check('_posts/2020-3-31-fr.md', text)).toEqual([]);
  });

  it('real mojibake is still found', () => {
    expect(rules(check('_posts/2020-3-31-fr.md', 'It’s broken: itâ€™s and ðŸ˜Ž\n'))).toEqual(['mojibake@1', 'mojibake@1']);
  });
});

describe('Liquid tags and template expressions, in the generator’s own argument order', () => {
  it('{% gist id file %} (jekyll-gist) is one valid gist, not an invalid embed; Hugo’s {{< gist user id >}} too', () => {
    const text = '{% gist rubylang/3b1a7c2d9e8f4a6b0c5d release-check.rb %}\n\n{% gist 9f8e7d6c5b4a39281706 %}\n\n{{< gist spf13 7896402 >}}\n\n{% gist not-a-gist %}\n';
    expect(rules(check('_posts/2020-3-31-gist.md', text))).toEqual(['invalid-embed@7']);
  });

  it('a tweet blockquote whose status link a template writes (`href="{{ "…/status/1" | filter }}"`) is a valid tweet', () => {
    const text = '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Moving off .io</p>&mdash; Tatiana (@TatianaTMac) <a href="{{ "https://twitter.com/TatianaTMac/status/1202467104722571264" | canonicalTwitterUrl }}">December 5, 2019</a></blockquote>\n';
    expect(check('src/blog/2019-12-05-moving.md', text)).toEqual([]);
  });

  it('a twitter timeline tag, and tweet links inside template expressions, are not broken tweets', () => {
    const text = '{% twitter https://twitter.com/jekyllrb %}\n\n{{ tweet(url="https://twitter.com/rustlang/status/1234567890") }}\n\n{{< figure\n  src="/x.png"\n  link=\n  https://twitter.com/rustlang\n>}}\n\nhttps://twitter.com/rustlang/status/abc\n';
    expect(rules(check('_posts/2020-3-31-tweets.md', text).filter((p) => p.rule === 'invalid-embed'))).toEqual(['invalid-embed@11']);
  });
});

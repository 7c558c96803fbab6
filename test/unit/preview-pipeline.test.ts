import { readFileSync } from 'node:fs';
import type { Element, Root, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../shared/document/front-matter-block';
import { BlockRenderer } from '../../renderer/preview/pipeline/block-renderer';
import { renderBlock } from '../../renderer/preview/pipeline/render-block';
import { splitBlocks } from '../../renderer/preview/pipeline/split-blocks';
import { fixture } from '../support/fixtures';

function elements(node: Root | RootContent, out: Element[] = []): Element[] {
  if (node.type === 'element') out.push(node);
  if ('children' in node) for (const child of node.children) elements(child, out);
  return out;
}

function text(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(text).join('') : '';
}

describe('splitting a body into blocks', () => {
  it('splits at blank lines, with 1-based source lines', () => {
    expect(splitBlocks('# Title\n\nPara one\nstill one\n\nPara two\n')).toEqual([
      { text: '# Title', line: 1, endLine: 1 },
      { text: 'Para one\nstill one', line: 3, endLine: 4 },
      { text: 'Para two', line: 6, endLine: 6 },
    ]);
  });

  it('never cuts fenced code, HTML containers, comments, Liquid code blocks, lists or indented continuations', () => {
    const body = ['```js', 'a', '', 'b', '```', '', '<details>', '<summary>More</summary>', '', 'Hidden *text*', '', '</details>', '', '<!--', '', '-->', '', '{% highlight go %}', 'x', '', 'y', '{% endhighlight %}', '', '- one', '', '- two', '', '    code in item', ''].join('\n');
    expect(splitBlocks(body).map((b) => [b.line, b.endLine])).toEqual([
      [1, 5],
      [7, 12],
      [14, 16],
      [18, 22],
      [24, 28],
    ]);
  });
});

describe('rendering a block', () => {
  it('keeps what posts use: tables, details/summary, figure, kbd, sup/sub, sized images', () => {
    const tree = renderBlock('<figure><img src="/a.png" width="300" height="200" loading="lazy" alt="A"><figcaption>Cap</figcaption></figure>\n<details><summary>S</summary><kbd>Ctrl</kbd> x<sup>2</sup> H<sub>2</sub>O</details>\n');
    const tags = elements(tree).map((e) => e.tagName);
    expect(tags).toEqual(expect.arrayContaining(['figure', 'img', 'figcaption', 'details', 'summary', 'kbd', 'sup', 'sub']));
    const img = elements(tree).find((e) => e.tagName === 'img')!;
    expect(img.properties).toMatchObject({ src: '/a.png', width: 300, height: 200, loading: 'lazy', alt: 'A' });
  });

  it('drops style attributes, forms, srcset and data: except raster images', () => {
    const tree = renderBlock('<div style="background:url(https://t.example/x)">s</div><img srcset="https://t.example/1x.png 1x" src="data:image/png;base64,iVBORw0KGgo=" alt="dot"><img src="data:image/svg+xml;base64,PHN2Zz4=" alt="svg"><a href="data:text/html,x">d</a><form><input name="q"></form>');
    const all = elements(tree);
    expect(all.some((e) => 'style' in e.properties || 'srcSet' in e.properties)).toBe(false);
    expect(all.some((e) => e.tagName === 'form' || e.tagName === 'input')).toBe(false);
    const [png, svg] = all.filter((e) => e.tagName === 'img');
    expect(png!.properties.src).toMatch(/^data:image\/png/);
    expect(svg!.properties.src).toBeUndefined();
    expect(all.find((e) => e.tagName === 'a')!.properties.href).toBeUndefined();
  });

  it('turns template tags into chips, highlight blocks into code, and drops Liquid comments', () => {
    const tree = renderBlock('See {% include note.html %} and {{< figure src="x" >}}.\n\n{% highlight ruby %}\nputs 1\n{% endhighlight %}\n\n{% comment %}secret{% endcomment %}');
    const chips = elements(tree).filter((e) => e.tagName === 'code' && String(e.properties.className).includes('template-tag'));
    expect(chips.map(text)).toEqual(['{% include note.html %}', '{{< figure src="x" >}}']);
    const code = elements(tree).find((e) => e.tagName === 'code' && String(e.properties.className).includes('language-ruby'));
    expect(code && text(code)).toBe('puts 1\n');
    expect(text(tree)).not.toContain('secret');
  });

  it('lifts embeds out as placeholders, from HTML, bare URLs and shortcodes, never inside a paragraph', () => {
    const tree = renderBlock('Before {{< youtube dQw4w9WgXcQ >}} after');
    expect(tree.children.map((c) => (c.type === 'element' ? c.tagName : c.type))).toEqual(['p', 'div', 'p']);
    const embed = tree.children[1] as Element;
    expect(JSON.parse(String(embed.properties.dataRecapEmbed))).toMatchObject({ provider: 'youtube', id: 'dQw4w9WgXcQ', syntax: 'hugo' });
  });

  it('a post cannot forge an embed placeholder', () => {
    const tree = renderBlock('<div data-recap-embed=\'{"provider":"iframe","url":"https://evil.example"}\'>x</div><recap-embed-x data-i="0"></recap-embed-x>');
    expect(elements(tree).some((e) => 'dataRecapEmbed' in e.properties || e.tagName.startsWith('recap-embed'))).toBe(false);
  });
});

describe('incremental rendering', () => {
  const { body } = splitFrontMatter(readFileSync(fixture('large-post.md'), 'utf8'));

  it('an edit re-renders and re-sends only the block it touched', () => {
    const renderer = new BlockRenderer();
    const first = renderer.render(body);
    expect(first.every((b) => b.tree)).toBe(true);
    const at = body.indexOf('\n\n', body.length >> 1) - 1;
    const second = renderer.render(body.slice(0, at) + 'Z' + body.slice(at));
    expect(second.filter((b) => b.tree)).toHaveLength(1);
    expect(second.map((b) => b.line)).toEqual(first.map((b) => b.line));
  });

  it('link reference definitions resolve from any block', () => {
    const blocks = new BlockRenderer().render('See [the talk][talk].\n\nMore text.\n\n[talk]: https://example.com/talk\n');
    const link = elements(blocks[0]!.tree!).find((e) => e.tagName === 'a');
    expect(link?.properties.href).toBe('https://example.com/talk');
  });
});

describe('Jekyll site URLs in images', () => {
  it('keeps `{{ site.baseurl }}/images/…` an image (Markdown forbids the spaces, kramdown allows them)', () => {
    const img = elements(renderBlock('![Stage]({{ site.baseurl }}/images/stage.png)')).find((e) => e.tagName === 'img');
    expect(decodeURI(String(img?.properties.src))).toBe('{{site.baseurl}}/images/stage.png');
  });
});

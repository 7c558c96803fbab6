import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../shared/document/front-matter-block';
import { parseYaml } from '../../shared/front-matter/parse-values';
import { pickTopLevelYaml } from '../../shared/front-matter/summary-fields';
import { parseSimpleYaml } from '../../electron/services/workspace/simple-yaml';
import { fixturesDir } from '../support/fixtures';

/** Every Markdown file under test/fixtures (posts of every site, the bad ones, the seed post). */
function fixtureMarkdown(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(md|markdown|mdx)$/i.test(entry.name)) files.push(full);
    }
  };
  walk(fixturesDir);
  return files;
}

/** What the slow path gives: js-yaml (core schema), or the error it throws. */
function slow(text: string): unknown {
  try {
    return parseYaml(text);
  } catch {
    return 'error';
  }
}

describe('the fast reader of simple front matter', () => {
  it('gives exactly what js-yaml gives, on the summary fields and the whole front matter of every fixture post', () => {
    let picked = 0;
    let fast = 0;
    const files = fixtureMarkdown();
    expect(files.length).toBeGreaterThan(300);
    for (const file of files) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
      const block = splitFrontMatter(text).block;
      if (block?.language !== 'yaml' || !block.closed) continue;
      for (const content of [pickTopLevelYaml(block.content), block.content]) {
        if (content === null) continue;
        if (content !== block.content) picked++;
        const value = parseSimpleYaml(content);
        if (value === null) continue;
        if (content !== block.content) fast++;
        expect(value, path.relative(fixturesDir, file)).toStrictEqual(slow(content));
      }
    }
    // Most real posts take the fast path: it is not a test that passes by always saying "not simple".
    expect(fast).toBeGreaterThan(picked * 0.8);
  });

  it.each([
    ['plain and quoted', 'title: Hello world\ndate: 2019-11-26 10:00:00 +0000\nlayout: "post"\nauthor: \'It\'\'s me\''],
    ['numbers, booleans, null', 'a: 12\nb: 1.5\nc: true\nd: False\ne: ~\nf: null\ng: .inf\nh: 0x1F\ni: 1_000\nj: +12\nk: 1e3\nl:'],
    ['lists', 'tags: [a, "b c", \'d\', 3, true]\ncategories:\n- x\n-   y  \n  \ncategory:\n  - one\n  - "two"\n  -\nempty: []'],
    ['comments and blanks', '# a comment\ntitle: x\n\n# another\ntags:\n# inside\n- a'],
    ['unicode', 'title: Été à Paris 日本 🎉\nother: a\u00a0'],
    ['text that only looks special', 'title: C# and F#\nurl: http://example.com\ntime: 12:30\nq: what?\ne: a-b'],
  ])('%s', (_name, text) => {
    expect(parseSimpleYaml(text)).toStrictEqual(slow(text));
  });

  it.each([
    ['escapes', 'title: "a\\"b"'],
    ['a comment after a value', 'title: x # note'],
    ['multi-line plain', 'title: one\n  two'],
    ['a nested map', 'taxonomies:\n  tags: [a]'],
    ['anchors', 'a: &x 1\nb: *x'],
    ['a block scalar', 'title: |\n  text'],
    ['duplicate keys', 'title: a\ntitle: b'],
    ['a mapping inside a value', 'title: a: b'],
    ['a trailing comma', 'tags: [a, b,]'],
    ['tabs', 'title:\tx\ttab'],
    ['a lone surrogate', 'title: \ud800'],
    ['a flow map', 'tags: {a: 1}'],
    ['nested lists', 'tags:\n- [a]\n- - b'],
  ])('leaves %s to js-yaml', (_name, text) => {
    expect(parseSimpleYaml(text)).toBeNull();
  });

  it('never disagrees with js-yaml on generated front matter', () => {
    const piece = fc.constantFrom('a', 'b c', ' ', '"', "'", "''", '#', ' #', ':', ': ', '-', '- ', '[', ']', ',', ', ', '{', '}', '\\', '\t', '1', '0x', '.', 'e5', 'true', 'null', '~', 'é', '日', '🎉', '*', '&', '!', '|', '>', '%', '@', '`', '?');
    const scalar = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
    const line = fc.oneof(
      fc.tuple(fc.constantFrom('title', 'date', 'tags', 'draft', 'x-y'), scalar).map(([k, v]) => `${k}: ${v}`),
      fc.tuple(fc.constantFrom('tags', 'categories'), fc.array(scalar, { maxLength: 3 })).map(([k, items]) => `${k}: [${items.join(', ')}]`),
      fc.tuple(fc.constantFrom('', '  '), scalar).map(([indent, v]) => `${indent}- ${v}`),
      fc.constantFrom('tags:', '', '# c', 'title:'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        const text = lines.join('\n');
        const value = parseSimpleYaml(text);
        if (value !== null) expect(value).toStrictEqual(slow(text));
      }),
      { numRuns: 3000 },
    );
  });
});

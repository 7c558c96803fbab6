import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { addListItem, deleteField, FrontMatterEditError, removeListItem, setField } from '../../shared/front-matter/edit-front-matter';
import { parsePost } from '../../shared/front-matter/post-document';
import { fixture } from '../support/fixtures';
import { changedLines } from '../support/line-diff';

const zoo = async () => (await readFile(fixture('bad', 'formatting-zoo.md'), 'utf8'));

describe('YAML edits keep everything else as written', () => {
  test('changing a quoted value keeps its quotes, spacing and trailing comment', async () => {
    const text = await zoo();
    expect(changedLines(text, setField(text, 'title', 'New title'))).toEqual({
      removed: ['title:   "Odd   spacing"   # trailing comment'],
      added: ['title:   "New title"   # trailing comment'],
    });
    expect(changedLines(text, setField(text, 'quoted', "it's")).added).toEqual(["quoted: 'it''s'"]);
  });

  test('dates are written as dates, unquoted; plain values stay plain unless YAML would misread them', async () => {
    const text = await zoo();
    expect(changedLines(text, setField(text, 'date', '2024-03-01')).added).toEqual(['date: 2024-03-01']);
    expect(changedLines(text, setField(text, 'unknown_key_kept', 'no')).added).toEqual(['unknown_key_kept: "no"']);
    expect(changedLines(text, setField(text, 'unknown_key_kept', 'Paris: the recap')).added).toEqual(['unknown_key_kept: "Paris: the recap"']);
    expect(changedLines(text, setField(text, 'empty', 'filled')).added).toEqual(['empty: filled']);
  });

  test('nested keys, block scalars and flow lists change in place', async () => {
    const text = await zoo();
    expect(changedLines(text, setField(text, ['nested', 'key'], 'v2'))).toEqual({ removed: ['  key: value'], added: ['  key: v2'] });
    expect(changedLines(text, setField(text, ['nested', 'third'], 3))).toEqual({ removed: [], added: ['  third: 3'] });
    expect(changedLines(text, setField(text, 'multiline', 'a\nb\n'))).toEqual({ removed: ['  line one', '  line two'], added: ['  a', '  b'] });
    expect(changedLines(text, setField(text, 'list', ['one', 'x,y']))).toEqual({ removed: ['list: [one, two]'], added: ['list: [one, "x,y"]'] });
  });

  test('a field shared through an anchor is refused, not silently changed in two places', async () => {
    const text = await zoo();
    expect(() => setField(text, 'anchor', 'changed')).toThrow(FrontMatterEditError);
    expect(changedLines(text, setField(text, 'alias', 'own value')).added).toEqual(['alias: own value']);
  });

  test('adding a field appends one line; the template order places it after its predecessor', async () => {
    const text = await zoo();
    expect(changedLines(text, setField(text, 'draft', true))).toEqual({ removed: [], added: ['draft: true'] });
    const placed = setField(text, 'subtitle', 'Hi', { order: ['title', 'subtitle', 'date'] });
    expect(placed.split('\n').indexOf('subtitle: Hi')).toBe(text.split('\n').findIndex((l) => l.startsWith('title:')) + 1);
  });

  test('deleting removes only the field’s lines', async () => {
    const text = await zoo();
    expect(changedLines(text, deleteField(text, 'nested'))).toEqual({ removed: ['nested:', '  key: value', '  other: 2'], added: [] });
    expect(changedLines(text, deleteField(text, 'multiline'))).toEqual({ removed: ['multiline: |', '  line one', '  line two'], added: [] });
    expect(deleteField(text, 'no_such_key')).toBe(text);
  });

  test('list edits touch only the items that change', async () => {
    const text = await readFile(fixture('sites', 'events-jekyll', '_posts', '2019-11-26-kubecon-san-diego-highlights.md'), 'utf8');
    expect(changedLines(text, addListItem(text, 'categories', 'cloud'))).toEqual({ removed: [], added: ['  - cloud'] });
    expect(changedLines(text, removeListItem(text, 'categories', 2))).toEqual({ removed: ['  - kubernetes'], added: [] });
    expect(changedLines(text, setField(text, 'categories', ['serverless', 'paas', 'k8s', 'kubecon', 'events']))).toEqual({
      removed: ['  - kubernetes'],
      added: ['  - k8s'],
    });
  });

  test('setting a value equal to the current one returns the very same text', async () => {
    const text = await zoo();
    expect(setField(text, 'title', 'Odd   spacing')).toBe(text);
    expect(setField(text, 'list', ['one', 'two'])).toBe(text);
    expect(setField(text, 'nested', { key: 'value', other: 2 })).toBe(text);
  });

  test('a post without front matter gets a YAML block', () => {
    const edited = setField('Just a body.\n', 'title', 'Hello');
    expect(edited).toBe('---\ntitle: Hello\n---\n\nJust a body.\n');
  });

  test('broken front matter is never edited: the error names the line', async () => {
    const broken = await readFile(fixture('bad', 'malformed-yaml.md'), 'utf8');
    const error = (() => {
      try {
        setField(broken, 'title', 'x');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(FrontMatterEditError);
    expect((error as FrontMatterEditError).reason).toBe('invalid');
    expect((error as FrontMatterEditError).line).toBeGreaterThan(1);
    for (const name of ['js-front-matter.md', 'unterminated.md', 'billion-laughs.md', 'duplicate-keys.md']) {
      const text = await readFile(fixture('bad', name), 'utf8');
      expect(() => setField(text, 'title', 'x'), name).toThrow(FrontMatterEditError);
    }
  });
});

describe('TOML edits', () => {
  const post = `+++
path = "2019/05/15/4-Years-Of-Rust"
title = '4 years of Rust'  # keep me
authors = [
    "The Rust Core Team",
]
date = 2019-05-15

[extra]
team = "core"
+++
Body
`;

  test('a value changes on its line, in its quoting style; dates stay TOML dates', () => {
    expect(changedLines(post, setField(post, 'title', 'Five years'))).toEqual({ removed: ["title = '4 years of Rust'  # keep me"], added: ["title = 'Five years'  # keep me"] });
    expect(changedLines(post, setField(post, 'date', '2020-01-02')).added).toEqual(['date = 2020-01-02']);
    expect(changedLines(post, setField(post, ['extra', 'team'], 'infra')).added).toEqual(['team = "infra"']);
  });

  test('new keys go before the first table, or into their table', () => {
    expect(changedLines(post, setField(post, 'draft', true))).toEqual({ removed: [], added: ['draft = true'] });
    expect(parsePost(setField(post, 'draft', true)).data!.draft).toBe(true);
    const inTable = setField(post, ['extra', 'lead'], 'Ferris');
    expect(changedLines(post, inTable)).toEqual({ removed: [], added: ['lead = "Ferris"'] });
    expect(parsePost(inTable).data!.extra).toEqual({ team: 'core', lead: 'Ferris' });
  });

  test('multi-line arrays keep their layout; deleting removes all their lines', () => {
    const grown = addListItem(post, 'authors', 'Ferris');
    expect(changedLines(post, grown).added).toContain('    "Ferris",');
    expect(changedLines(post, deleteField(post, 'authors'))).toEqual({ removed: ['authors = [', '    "The Rust Core Team",', ']'], added: [] });
    expect(changedLines(post, deleteField(post, 'extra')).removed).toEqual(['[extra]', 'team = "core"']);
  });
});

describe('JSON edits', () => {
  const post = '{\n  "title": "Hi",\n  "tags": ["a", "b"]\n}\nBody\n';
  test('values change in place and new members follow the last one', () => {
    expect(changedLines(post, setField(post, 'title', 'Ho'))).toEqual({ removed: ['  "title": "Hi",'], added: ['  "title": "Ho",'] });
    const added = setField(post, 'draft', true);
    expect(parsePost(added).data).toEqual({ title: 'Hi', tags: ['a', 'b'], draft: true });
    expect(changedLines(post, added).added).toEqual(['  "tags": ["a", "b"],', '  "draft": true']);
    expect(parsePost(deleteField(post, 'title')).data).toEqual({ tags: ['a', 'b'] });
    expect(changedLines(post, deleteField(post, 'title'))).toEqual({ removed: ['  "title": "Hi",'], added: [] });
  });
});

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { inferFieldType, inferSchema } from '../../shared/front-matter/infer-schema';
import { parsePost } from '../../shared/front-matter/post-document';
import { parseRecapSettings, RecapSettingsError } from '../../shared/front-matter/site-settings';
import { validateFrontMatter } from '../../shared/front-matter/validate-front-matter';
import { RecapError } from '../../shared/errors';
import { readSiteFacts } from '../../electron/services/schema/read-site-facts';
import { copyFixture, fixture } from '../support/fixtures';

describe('the events-jekyll schema', () => {
  test('lists the template’s fields in its order, with types and the staff members as choices', async () => {
    const { schema } = await readSiteFacts(fixture('sites', 'events-jekyll'), 'jekyll');
    const byKey = Object.fromEntries(schema.fields.map((f) => [f.key, f]));
    // _posts/_defaults.md writes title, date, description, categories, image, author_staff_member; the rest follow.
    expect(schema.fields.map((f) => f.label)).toEqual(['Title', 'Date', 'Description', 'Categories', 'Image', 'Author staff member', 'Dark background']);
    expect(byKey.title).toMatchObject({ type: 'text', required: true });
    expect(byKey.date!.type).toBe('date');
    expect(byKey.description!.type).toBe('long-text');
    expect(byKey.image!.type).toBe('image');
    expect(byKey.categories).toMatchObject({ type: 'tags', required: true });
    expect(byKey.categories!.suggestions!.slice(0, 2)).toEqual(['events', 'kubecon']);
    expect(byKey.author_staff_member).toMatchObject({ type: 'choice', choices: ['alex', 'sam'], required: true });
    expect(byKey.dark_background!.type).toBe('boolean');
  });

  test('validateFrontMatter flags jordan as not a staff member', async () => {
    const { schema } = await readSiteFacts(fixture('sites', 'events-jekyll'), 'jekyll');
    const text = await readFile(fixture('sites', 'events-jekyll', '_posts', '2023-09-14-devopsdays-amsterdam.md'), 'utf8');
    const issues = validateFrontMatter(parsePost(text).data!, schema);
    expect(issues).toContainEqual(expect.objectContaining({ key: 'author_staff_member', kind: 'unknown-value' }));
    expect(issues.find((i) => i.kind === 'unknown-value')!.message).toContain('jordan');
    const clean = await readFile(fixture('sites', 'events-jekyll', '_posts', '2024-03-22-kubecon-paris-recap.md'), 'utf8');
    expect(validateFrontMatter(parsePost(clean).data!, schema)).toEqual([]);
  });

  test('.recap.json overrides what is inferred; a malformed one is a clear error', async () => {
    const site = await copyFixture('sites', 'events-jekyll');
    await writeFile(
      path.join(site, '.recap.json'),
      JSON.stringify({ fields: { dark_background: { label: 'Dark hero', required: true }, location: { type: 'choice', choices: ['Paris', 'Berlin'] } }, order: ['title', 'location'] }),
    );
    const { schema } = await readSiteFacts(site, 'jekyll');
    expect(schema.fields.slice(0, 2).map((f) => f.key)).toEqual(['title', 'location']);
    expect(schema.fields.find((f) => f.key === 'dark_background')).toMatchObject({ label: 'Dark hero', required: true });
    expect(schema.fields.find((f) => f.key === 'location')).toMatchObject({ type: 'choice', choices: ['Paris', 'Berlin'] });

    await writeFile(path.join(site, '.recap.json'), JSON.stringify({ fields: { title: { type: 'colour' } } }));
    await expect(readSiteFacts(site, 'jekyll')).rejects.toThrow(RecapError);
    await expect(readSiteFacts(site, 'jekyll')).rejects.toThrow(/\.recap\.json is malformed at "fields\.title\.type"/);
    expect(() => parseRecapSettings('{ not json')).toThrow(RecapSettingsError);
  });
});

describe('inference', () => {
  test('types come from the values written', () => {
    expect(inferFieldType('date', ['2024-01-02', '2023-05-06'])).toBe('date');
    expect(inferFieldType('date', ['2013-05-06 02:12:52 +0200', '2014-01-01 10:00:00 -0800'])).toBe('datetime');
    expect(inferFieldType('draft', [true, false])).toBe('boolean');
    expect(inferFieldType('weight', [1, 20])).toBe('number');
    expect(inferFieldType('tags', [['a', 'b'], 'c d'])).toBe('tags');
    expect(inferFieldType('cover', ['/images/a.png'])).toBe('image');
    expect(inferFieldType('summary', ['x'])).toBe('long-text');
    expect(inferFieldType('extra', [{ a: 1 }])).toBe('object');
  });

  test('required at 90 %, suggestions most used first', () => {
    const posts = Array.from({ length: 10 }, (_, i) => ({ title: `Post ${i}`, tags: i < 6 ? ['rust'] : ['go', 'rust'], ...(i < 9 ? { author: 'ann' } : {}), ...(i < 8 ? { image: '/a.png' } : {}) }));
    const { fields } = inferSchema({ posts });
    const byKey = Object.fromEntries(fields.map((f) => [f.key, f]));
    expect(byKey.author!.required).toBe(true);
    expect(byKey.image!.required).toBe(false);
    expect(byKey.tags!.suggestions).toEqual(['rust', 'go']);
  });

  test('validation reports missing required fields, bad dates and wrong types', () => {
    const schema = inferSchema({ posts: [{ title: 'a', date: '2024-01-01', draft: false, weight: 1 }] });
    const issues = validateFrontMatter({ date: '2024-02-30', draft: 'yes', weight: 'heavy' }, schema);
    expect(issues.map((i) => [i.key, i.kind])).toEqual([
      ['title', 'required'],
      ['date', 'bad-date'],
      ['draft', 'bad-type'],
      ['weight', 'bad-type'],
    ]);
    expect(validateFrontMatter({ title: 'a' }, schema, { draft: true }).map((i) => i.key)).toEqual(['draft', 'weight']);
  });
});

import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkPost, type CheckInput } from '../../shared/check';
import type { ShareSiteFacts } from '../../shared/check/types';
import { shareSiteFacts } from '../../electron/services/page/share-site-facts';
import { fixture } from '../support/fixtures';

const site = (images: ShareSiteFacts['images'] = {}, card: ShareSiteFacts['card'] = 'summary_large_image'): CheckInput['site'] => ({ kind: 'jekyll', share: { description: null, defaultImage: null, card, images } });
const share = (text: string, input: Partial<CheckInput> = {}) =>
  checkPost({ path: '_posts/2024-11-15-a-post.md', text, site: site(), ...input })
    .filter((p) => p.rule.startsWith('share-'))
    .map((p) => `${p.rule}@${p.line}: ${p.message}`);

describe('share-title, share-description, share-image', () => {
  it('a post with a short title, a description and a large 1200×630 image passes', () => {
    const text = '---\ntitle: KubeCon highlights\ndescription: What we saw.\nimage: /images/cover.jpg\n---\nBody.\n';
    expect(share(text, { site: site({ 'images/cover.jpg': { width: 1200, height: 630 } }) })).toEqual([]);
  });

  it('a title over 70 characters and a description over 200 are named at their lines', () => {
    const text = `---\ntitle: ${'T'.repeat(71)}\ndescription: ${'d'.repeat(201)}\nimage: /images/cover.jpg\n---\nBody.\n`;
    const found = share(text, { site: site({ 'images/cover.jpg': { width: 1600, height: 840 } }) });
    expect(found).toEqual([expect.stringMatching(/^share-title@2: The title is 71 characters/), expect.stringMatching(/^share-description@3: The description is 201 characters/)]);
  });

  it('no description falls back to the first paragraph (the excerpt); none at all is a problem', () => {
    expect(share('---\ntitle: T\nimage: /x.png\n---\nThe first paragraph.\n', { site: site({ 'x.png': { width: 1200, height: 630 } }) })).toEqual([]);
    expect(share('---\ntitle: T\nimage: /x.png\n---\n## Only a heading\n', { site: site({ 'x.png': { width: 1200, height: 630 } }) })).toEqual([expect.stringMatching(/^share-description@1: .*no description/)]);
  });

  it('share-image: missing, not in the site, too small or the wrong shape for a large card; a small card takes a small image', () => {
    const base = '---\ntitle: T\ndescription: D\n';
    expect(share(`${base}---\nBody.\n`)).toEqual([expect.stringMatching(/^share-image@1: A shared link shows no image/)]);
    expect(share(`${base}image: /images/gone.jpg\n---\nBody.\n`, { site: site({ 'images/gone.jpg': null }) })).toEqual(['share-image@4: The share image /images/gone.jpg is not in the site.']);
    expect(share(`${base}image: /s.png\n---\nBody.\n`, { site: site({ 's.png': { width: 800, height: 418 } }) })).toEqual([expect.stringMatching(/^share-image@4: The share image is 800×418; a large card needs at least 1200×630/)]);
    expect(share(`${base}image: /sq.png\n---\nBody.\n`, { site: site({ 'sq.png': { width: 1200, height: 1200 } }) })).toEqual([expect.stringMatching(/cropped to 1\.91:1/)]);
    expect(share(`${base}image: /s.png\n---\nBody.\n`, { site: site({ 's.png': { width: 800, height: 418 } }, 'summary') })).toEqual([]);
    expect(share(`${base}image: https://cdn.example/a.png\n---\nBody.\n`)).toEqual([]); // another site's image is not fetched
  });

  it('without the site’s share facts (recap check) the rules stay silent', () => {
    expect(checkPost({ path: '_posts/2024-01-01-x.md', text: '---\ntitle: T\n---\n', site: { kind: 'jekyll' } }).filter((p) => p.rule.startsWith('share-'))).toEqual([]);
  });

  it('the Node side measures the site’s image: the Minima event post’s cover is large enough, so nothing is reported', async () => {
    const root = fixture('sites', 'minima-jekyll');
    const relative = '_posts/2024-11-15-kubecon-salt-lake-city.md';
    const text = await readFile(path.join(root, relative), 'utf8');
    const facts = await shareSiteFacts({ root, name: 'minima', kind: 'jekyll' }, relative, text);
    expect(facts.images['images/2024-kubecon-slc/cover.jpg']).toMatchObject({ width: expect.any(Number), height: expect.any(Number) });
    expect(facts.description).toBe('Notes from conferences, meetups and the hallway track.');
    expect(share(text, { path: relative, site: { kind: 'jekyll', share: facts } })).toEqual([]);
    // A post without a title of its own gets one from its file name (as Jekyll does), so only the missing image is reported.
    const untitled = await readFile(path.join(root, '_posts/2016-05-19-codeblocks-ahoy.md'), 'utf8');
    const plain = await shareSiteFacts({ root, name: 'minima', kind: 'jekyll' }, '_posts/2016-05-19-codeblocks-ahoy.md', untitled);
    expect(share(untitled, { path: '_posts/2016-05-19-codeblocks-ahoy.md', site: { kind: 'jekyll', share: plain } })).toEqual([expect.stringMatching(/^share-image@1:/)]);
  });
});

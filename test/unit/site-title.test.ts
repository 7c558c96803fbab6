import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSiteLanguage, readSiteTitle } from '../../electron/services/workspace/site-title';
import { Workspace } from '../../electron/services/workspace/workspace';
import { fixture, tempDir } from '../support/fixtures';

describe("the site's title, from its configuration", () => {
  it.each([
    ['events-jekyll', 'Example Events Blog'],
    ['hugo-docs', 'Hugo docs (Recap fixture)'],
    ['zola-docs', 'Zola docs (Recap fixture)'],
    ['eleventy-site', 'eleventy-fixture'],
  ])('%s is called "%s"', async (site, title) => {
    expect(await readSiteTitle(fixture('sites', site))).toBe(title);
  });

  it('ignores a title inside a TOML table and a template expression; none at all is null', async () => {
    const dir = await tempDir('recap-title-');
    await writeFile(path.join(dir, 'config.toml'), 'base_url = "https://example.org"\n[extra]\ntitle = "Menu"\n');
    expect(await readSiteTitle(dir)).toBeNull();
    await writeFile(path.join(dir, '_config.yml'), 'title: "{{ site.name }}"\n');
    expect(await readSiteTitle(dir)).toBeNull();
    await writeFile(path.join(dir, '_config.yml'), "title: 'Ada''s notes' # the blog\n");
    expect(await readSiteTitle(dir)).toBe("Ada's notes");
  });

  it('reaches the session: the opened site carries it beside its folder name', async () => {
    const workspace = await Workspace.open(fixture('sites', 'events-jekyll'));
    expect(workspace.site).toMatchObject({ name: 'events-jekyll', title: 'Example Events Blog' });
  });
});

describe("the site's language, the spell checker's default for posts that name none", () => {
  it.each([
    ['multilingual-jekyll', 'en'],
    ['hugo-docs', 'en-us'],
    ['events-jekyll', null],
  ])('%s writes in %s', async (site, language) => {
    expect(await readSiteLanguage(fixture('sites', site))).toBe(language);
  });

  it('reads Zola default_language before any table, and ignores what is not a language tag', async () => {
    const dir = await tempDir('recap-lang-');
    await writeFile(path.join(dir, 'config.toml'), 'base_url = "https://example.org"\ndefault_language = "fr"\n[languages.en]\n');
    expect(await readSiteLanguage(dir)).toBe('fr');
    await writeFile(path.join(dir, 'config.toml'), '[extra]\ndefault_language = "de"\n');
    expect(await readSiteLanguage(dir)).toBeNull();
    await writeFile(path.join(dir, '_config.yml'), 'lang: "{{ site.locale }}"\n');
    expect(await readSiteLanguage(dir)).toBeNull();
    await writeFile(path.join(dir, '_config.yml'), 'lang: pt_BR\n');
    expect(await readSiteLanguage(dir)).toBe('pt-BR');
  });
});

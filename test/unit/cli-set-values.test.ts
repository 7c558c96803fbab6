/**
 * `recap set` reads values as YAML means them and refuses what would break the
 * post (issue 12.3, 13.3); edits and restores keep the author's quoting (13.4).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { setField } from '../../shared/front-matter/edit-front-matter';
import { parsePost } from '../../shared/front-matter/post-document';
import { parseFieldValue } from '../../electron/cli/commands/field-argument';
import { recap } from '../support/cli';
import { copyFixture, tempDir } from '../support/fixtures';
import { changedLines } from '../support/line-diff';

let events = '';
let multilingual = '';
const amsterdam = () => path.join(events, '_posts', '2023-09-14-devopsdays-amsterdam.md');
const news = (lang: string) => path.join(multilingual, lang, 'news', '_posts');

async function onlyPost(folder: string): Promise<string> {
  const { readdir } = await import('node:fs/promises');
  return path.join(folder, (await readdir(folder))[0]!);
}

beforeAll(async () => {
  events = await copyFixture('sites', 'events-jekyll');
  multilingual = await copyFixture('sites', 'multilingual-jekyll');
});

afterEach(() => vi.restoreAllMocks());

/** Runs `recap set` and says whether the file was left exactly as it was. */
async function set(file: string, ...args: string[]) {
  const before = await readFile(file, 'utf8');
  const result = await recap(['set', file, ...args]);
  const after = await readFile(file, 'utf8');
  return { ...result, unchanged: before === after, before, after };
}

describe('values are checked before anything is written', () => {
  test('invalid YAML is refused with its column, one line, exit 2', async () => {
    const result = await set(amsterdam(), 'categories=[a, b');
    expect(result.code).toBe(2);
    expect(result.unchanged).toBe(true);
    expect(result.stderr).toMatch(/^recap: The value of categories is not valid YAML at column 6 of "\[a, b": .*\n$/);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect((await set(amsterdam(), 'title="never closed')).code).toBe(2);
  });

  test('a list where the site keeps text, or text where it keeps a list, is refused unless --force', async () => {
    const list = await set(amsterdam(), 'title=[a, b]');
    expect(list.code).toBe(1);
    expect(list.unchanged).toBe(true);
    expect(list.stderr).toMatch(/"title" is text on this site, not a list; .*--force.*\n$/);
    const text = await set(amsterdam(), 'categories=events');
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('"categories" is a list on this site');
    const forced = await set(amsterdam(), 'title=[a, b]', '--force');
    expect(forced.code).toBe(0);
    expect(parsePost(forced.after).data!.title).toEqual(['a', 'b']);
    expect((await set(amsterdam(), 'title=DevOpsDays Amsterdam notes')).code).toBe(0);
  });

  test('a date the generator cannot read is refused; real dates and clearing pass', async () => {
    for (const bad of ['date=not-a-date', 'date=2023-02-32', 'date=2023-09-15 25:00']) {
      const result = await set(amsterdam(), bad);
      expect(result.code, bad).toBe(1);
      expect(result.unchanged).toBe(true);
      expect(result.stderr).toMatch(/"date" is a date on this site, and .* is not a date the site's generator can read; write it like 2024-05-01/);
    }
    for (const good of ['date=2023-09-14 10:30:00 +0200', 'date=2023-09-14T10:30:00Z', 'date=2023-09-15']) {
      const result = await set(amsterdam(), good);
      expect(result.code, `${good}: ${result.stderr}`).toBe(0);
    }
  });

  test('title=%bad is text, and no library warning reaches stderr', async () => {
    const emitted = vi.spyOn(process, 'emitWarning');
    const warned = vi.spyOn(console, 'warn');
    const written = vi.spyOn(process.stderr, 'write');
    const result = await set(amsterdam(), 'title=%bad');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(emitted).not.toHaveBeenCalled();
    expect(warned).not.toHaveBeenCalled();
    expect(written).not.toHaveBeenCalled();
    expect(parsePost(result.after).data!.title).toBe('%bad');
    // Text that looks like a YAML tag is quoted when written; deciding that warns nobody either.
    const tag = await set(amsterdam(), "title='!important notes'");
    expect(tag.code).toBe(0);
    expect(tag.stderr).toBe('');
    expect(parsePost(tag.after).data!.title).toBe('!important notes');
    expect(emitted).not.toHaveBeenCalled();
    expect(written).not.toHaveBeenCalled();
    expect(parseFieldValue('C# #1')).toBe('C# #1'); // a comment sign inside text is text
  });
});

describe('null as YAML means it', () => {
  test.each(['null', '~', 'Null', 'NULL'])('c=%s writes a real null in YAML', async (typed) => {
    expect(parseFieldValue(typed)).toBeNull();
    const result = await set(amsterdam(), `image=${typed}`);
    expect(result.code, result.stderr).toBe(0);
    expect(parsePost(result.after).data!.image).toBeNull();
    expect(JSON.parse((await recap(['get', amsterdam(), 'image', '--json'])).stdout)).toBeNull();
  });

  test('TOML has no null: key=null removes the key, JSON writes null', async () => {
    const site = await tempDir();
    await writeFile(path.join(site, 'zola.toml'), 'base_url = "https://example.org"\n');
    const toml = path.join(site, 'post.md');
    await writeFile(toml, '+++\ntitle = "x"\nsubtitle = "gone"\n+++\nBody\n');
    expect((await set(toml, 'subtitle=null')).after).toBe('+++\ntitle = "x"\n+++\nBody\n');
    const json = path.join(site, 'data.md');
    await writeFile(json, '{\n  "title": "x",\n  "subtitle": "y"\n}\nBody\n');
    expect(parsePost((await set(json, 'subtitle=~')).after).data).toEqual({ title: 'x', subtitle: null });
  });
});

describe('set accepts what get, index and check accept', () => {
  test('a quoted title continued at column 0 (ruby-lang es/news) can be edited', async () => {
    const file = await onlyPost(news('es'));
    expect((await recap(['get', file, 'title'])).stdout).toBe('Publicado Ruby 3.0.2, con correcciones de seguridad en varias bibliotecas estándar\n');
    const author = await set(file, 'translator=María');
    expect(author.code, author.stderr).toBe(0);
    expect(changedLines(author.before, author.after)).toEqual({ removed: ['translator: "Ana"'], added: ['translator: "María"'] });
    const title = await set(file, 'title=Publicado Ruby 3.0.2');
    expect(title.code, title.stderr).toBe(0);
    expect(title.after).toContain('\ntitle: "Publicado Ruby 3.0.2"\nauthor: "nagachika"\n');
  });
});

describe('restores keep the author’s quoting', () => {
  test.each(['bn', 'hi', 'ar', 'fr'])('a plain %s title with combining marks or no-break spaces stays plain', async (lang) => {
    const file = await onlyPost(news(lang));
    const original = await readFile(file, 'utf8');
    const title = parsePost(original).data!.title as string;
    expect(original).toContain(`\ntitle: ${title}\n`);
    const changed = await set(file, `title=${title} (2)`);
    expect(changed.after, lang).toContain(`\ntitle: ${title} (2)\n`);
    expect((await set(file, `title=${title}`)).after).toBe(original);
  });

  test('a value that needed quotes loses them when the restored value does not', async () => {
    const file = await onlyPost(news('hi'));
    const original = await readFile(file, 'utf8');
    const title = parsePost(original).data!.title as string;
    expect((await set(file, `title=Notes: ${title}`)).after).toContain(`\ntitle: "Notes: ${title}"\n`);
    expect((await set(file, `title=${title}`)).after).toBe(original);
    // Quotes the author chose (the English title needs none) are kept.
    const english = await onlyPost(news('en'));
    expect((await set(english, 'title=Ruby 3.0.3 Released')).after).toContain('\ntitle: "Ruby 3.0.3 Released"\n');
  });

  test('an edited flow list keeps each item’s quoting; a restore gives the same bytes', async () => {
    const file = await onlyPost(news('ar'));
    const original = await readFile(file, 'utf8');
    const added = await set(file, 'tags=[روبي, أمان, إصدار, ٣.٠]');
    expect(added.after).toContain(`\ntags: [روبي, "أمان", 'إصدار', ٣.٠]\n`);
    const removed = await set(file, 'tags=[روبي, إصدار]');
    expect(removed.after).toContain(`\ntags: [روبي, 'إصدار']\n`);
    expect(original).toContain(`\ntags: [روبي, "أمان", 'إصدار']\n`);
    const hindi = await onlyPost(news('hi'));
    const list = await set(hindi, 'tags=[रूबी, सुरक्षा, रिलीज़]');
    expect(list.after).toContain('\ntags:\n  - रूबी\n  - "सुरक्षा"\n  - रिलीज़\n');
  });

  test('a TOML inline array keeps each item’s quoting', async () => {
    const site = await tempDir();
    await writeFile(path.join(site, 'zola.toml'), 'base_url = "https://example.org"\n');
    const file = path.join(site, 'post.md');
    const original = "+++\ntitle = 'x'\n[taxonomies]\ntags = ['rust', \"release\", 'c:\\path']\n+++\nBody\n";
    await writeFile(file, original);
    const added = await set(file, 'taxonomies.tags=[rust, release, c:\\path, wasm]');
    expect(added.code, added.stderr).toBe(0);
    expect(added.after).toContain(`tags = ['rust', "release", 'c:\\path', 'wasm']\n`);
    expect((await set(file, 'taxonomies.tags=[rust, release, c:\\path]')).after).toBe(original);
  });

  test('property: any plain title set to anything and then restored gives back the exact bytes', async () => {
    const files = await Promise.all(['bn', 'hi', 'ar', 'fr'].map((lang) => onlyPost(news(lang))));
    const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
    const piece = fc.constantFrom('রুবি', 'হয়েছে', 'जारी', 'إِصْدَار', '\u00a0', ' ', ':', '#', '"', "'", '- ', '[', 'a', '3.0', 'yes', 'null', '«', '👩‍💻');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: texts.length - 1 }), fc.array(piece, { minLength: 1, maxLength: 6 }), (which, parts) => {
        const text = texts[which]!;
        const title = parsePost(text).data!.title as string;
        const edited = setField(text, 'title', parts.join(''));
        expect(parsePost(edited).data!.title).toBe(parts.join(''));
        expect(setField(edited, 'title', title)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { deleteField, setField } from '../../shared/front-matter/edit-front-matter';
import { parsePost, serializePost } from '../../shared/front-matter/post-document';
import type { FrontMatterValue } from '../../shared/model';
import { changedLines } from '../support/line-diff';

/** One field of a generated document: its lines as written and the value they mean. */
interface GeneratedField {
  key: string;
  lines: string[];
  value: FrontMatterValue;
  /** The value sits on the key's own line (not a block scalar or block list). */
  inline: boolean;
}

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const text = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.!?'é東-]{0,30}$/).map((s) => s.trimEnd()).filter((s) => s.length > 0);
const anyText = fc.string({ maxLength: 40, unit: 'grapheme' });
const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const comment = fc.option(word.map((w) => `  # ${w}`), { nil: '' });

function yamlField(key: string): fc.Arbitrary<GeneratedField> {
  return fc.oneof(
    fc.tuple(text, comment).map(([v, c]) => ({ key, lines: [`${key}: "${v.replace(/["\\]/g, '')}"${c}`], value: v.replace(/["\\]/g, ''), inline: true })),
    fc.tuple(text, comment).map(([v, c]) => ({ key, lines: [`${key}: '${v.replace(/'/g, "''")}'${c}`], value: v, inline: true })),
    fc.tuple(word, comment).map(([v, c]) => ({ key, lines: [`${key}:   ${'x' + v}${c}`], value: 'x' + v, inline: true })),
    fc.integer({ min: -1000, max: 100000 }).map((n) => ({ key, lines: [`${key}: ${n}`], value: n, inline: true })),
    fc.boolean().map((b) => ({ key, lines: [`${key}: ${b}`], value: b, inline: true })),
    date.map((d) => ({ key, lines: [`${key}: ${d}`], value: d, inline: true })),
    fc.array(word, { minLength: 1, maxLength: 4 }).map((items) => ({ key, lines: [`${key}: [${items.join(', ')}]`], value: items, inline: true })),
    fc.tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom('  ', '')).map(([items, indent]) => ({
      key,
      lines: [`${key}:`, ...items.map((i) => `${indent}- ${i}`)],
      value: items,
      inline: false,
    })),
    fc.array(word, { minLength: 1, maxLength: 3 }).map((ls) => ({ key, lines: [`${key}: |`, ...ls.map((l) => `  ${l}`)], value: ls.join('\n') + '\n', inline: false })),
  );
}

const yamlDocument = fc
  .uniqueArray(word, { minLength: 1, maxLength: 8 })
  .chain((keys) => fc.tuple(...keys.map((k) => yamlField(k)), fc.array(fc.boolean(), { minLength: keys.length, maxLength: keys.length })))
  .map((parts) => {
    const blanks = parts.pop() as boolean[];
    const fields = parts as GeneratedField[];
    const lines = fields.flatMap((f, i) => [...(blanks[i] ? ['', '# about ' + f.key] : []), ...f.lines]);
    return { fields, text: `---\n${lines.join('\n')}\n---\nThe body.\n` };
  });

const scalar: fc.Arbitrary<FrontMatterValue> = fc.oneof(anyText, fc.integer(), fc.boolean(), date);

describe('random YAML front matter', () => {
  test('parses to the values written and serialises byte for byte', () => {
    fc.assert(
      fc.property(yamlDocument, ({ fields, text: post }) => {
        const parsed = parsePost(post);
        expect(parsed.error).toBeNull();
        for (const f of fields) expect(parsed.data![f.key]).toEqual(f.value);
        expect(serializePost(parsed)).toBe(post);
        // Setting every field to what it already is changes nothing.
        for (const f of fields) expect(setField(post, f.key, f.value)).toBe(post);
      }),
      { numRuns: 200 },
    );
  });

  test('a new single-line value for a one-line field changes exactly that line', () => {
    fc.assert(
      fc.property(yamlDocument, fc.nat(), scalar, ({ fields, text: post }, pick, value) => {
        const field = fields[pick % fields.length]!;
        fc.pre(field.inline && !(typeof value === 'string' && /[\n\r\u0085\u2028\u2029]/.test(value)));
        const edited = setField(post, field.key, value);
        expect(parsePost(edited).data![field.key]).toEqual(value);
        const { removed, added } = changedLines(post, edited);
        if (edited === post) return;
        expect(removed).toEqual([field.lines[0]]);
        expect(added).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });

  test('deleting a field removes only its lines; adding one adds one line at the end', () => {
    fc.assert(
      fc.property(yamlDocument, fc.nat(), scalar, ({ fields, text: post }, pick, value) => {
        const field = fields[pick % fields.length]!;
        const deleted = deleteField(post, field.key);
        const { removed, added } = changedLines(post, deleted);
        expect(added).toEqual([]);
        expect(removed).toEqual(field.lines);
        fc.pre(!(typeof value === 'string' && /[\n\r\u0085\u2028\u2029]/.test(value)));
        const grown = setField(post, 'zz_new_field', value);
        const growth = changedLines(post, grown);
        expect(growth.removed).toEqual([]);
        expect(growth.added).toHaveLength(1);
        expect(parsePost(grown).data!.zz_new_field).toEqual(value);
      }),
      { numRuns: 200 },
    );
  });

  test('list edits touch only the list', () => {
    fc.assert(
      fc.property(yamlDocument, fc.nat(), fc.array(word, { maxLength: 5 }), ({ fields, text: post }, pick, items) => {
        const lists = fields.filter((f) => Array.isArray(f.value));
        fc.pre(lists.length > 0);
        const field = lists[pick % lists.length]!;
        const edited = setField(post, field.key, items);
        expect(parsePost(edited).data![field.key]).toEqual(items);
        const { removed } = changedLines(post, edited);
        for (const line of removed) expect(field.lines).toContain(line);
      }),
      { numRuns: 200 },
    );
  });
});

const tomlDocument = fc.uniqueArray(word, { minLength: 1, maxLength: 6 }).chain((keys) =>
  fc
    .tuple(
      ...keys.map((key) =>
        fc.oneof(
          text.map((v) => ({ key, line: `${key} = "${v.replace(/["\\]/g, '')}"`, value: v.replace(/["\\]/g, '') as FrontMatterValue })),
          text.map((v) => ({ key, line: `${key} = '${v.replace(/'/g, '')}'  # note`, value: v.replace(/'/g, '') as FrontMatterValue })),
          fc.integer().map((n) => ({ key, line: `${key} = ${n}`, value: n as FrontMatterValue })),
          fc.array(word, { maxLength: 3 }).map((items) => ({ key, line: `${key} = [${items.map((i) => `"${i}"`).join(', ')}]`, value: items as FrontMatterValue })),
        ),
      ),
    )
    .map((fields) => ({ fields, text: `+++\n${fields.map((f) => f.line).join('\n')}\n\n[extra]\nteam = "core"\n+++\nBody\n` })),
);

describe('random TOML front matter', () => {
  test('one-field edits change one line; deletes remove one line', () => {
    fc.assert(
      fc.property(tomlDocument, fc.nat(), scalar, ({ fields, text: post }, pick, value) => {
        const field = fields[pick % fields.length]!;
        expect(parsePost(post).data![field.key]).toEqual(field.value);
        fc.pre(!(typeof value === 'string' && /[\n\r]/.test(value)));
        const edited = setField(post, field.key, value);
        if (edited !== post) {
          const { removed, added } = changedLines(post, edited);
          expect(removed).toEqual([field.line]);
          expect(added).toHaveLength(1);
        }
        expect(parsePost(edited).data![field.key]).toEqual(value);
        expect(changedLines(post, deleteField(post, field.key))).toEqual({ removed: [field.line], added: [] });
        expect(changedLines(post, setField(post, ['extra', 'team'], 'infra')).removed).toEqual(['team = "core"']);
      }),
      { numRuns: 200 },
    );
  });
});

describe('any text value', () => {
  const posts = ['---\ntitle: "x"\nnote: plain\nbody: |\n  a\n---\nBody\n', "+++\ntitle = 'x'\nnote = \"plain\"\n+++\nBody\n", '{\n  "title": "x",\n  "note": "plain"\n}\nBody\n'];
  test('can be set in YAML, TOML and JSON and reads back exactly', () => {
    fc.assert(
      fc.property(fc.constantFrom(...posts), fc.constantFrom('title', 'note', 'body', 'fresh'), fc.string({ maxLength: 60, unit: 'binary' }), (post, key, value) => {
        const edited = setField(post, key, value);
        expect(parsePost(edited).data![key]).toBe(value);
        expect(edited.endsWith('Body\n')).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

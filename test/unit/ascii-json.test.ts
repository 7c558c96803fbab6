import { describe, expect, it } from 'vitest';
import { asciiJson, unasciiJson } from '../../electron/services/cache/ascii-json';

/** Strings where escapes are easy to get wrong: backslashes before "u", pairs, lone halves, control characters. */
const TRICKY = [
  'plain',
  'Été à Zürich — 日本語',
  '🎉 emoji pair',
  'lone high \ud83c then text',
  'lone low \udf89 alone',
  'low after a character é\udf89',
  'control \u0001\u001f and tab\t',
  'a backslash then u00e9: \\u00e9',
  'two backslashes \\\\u00e9 é',
  'quote " and \\"é',
  'C:\\users\\élise',
  '\ud83c\ud83c\udf89 high, then a pair',
];

describe('ASCII JSON', () => {
  it('reads back as the same value, and unescapes to exactly what JSON.stringify writes', () => {
    const values = [...TRICKY, TRICKY, { title: TRICKY.join(' '), tags: TRICKY }];
    for (const value of values) {
      const json = JSON.stringify(value);
      const ascii = asciiJson(json);
      expect(ascii).not.toMatch(/[\u0080-\uffff]/);
      expect(JSON.parse(ascii)).toEqual(value);
      expect(unasciiJson(ascii)).toBe(json);
    }
  });

  it('holds for random strings of every kind of character', () => {
    const pick = ['a', 'u', '\\', '"', 'é', '—', '\ud83c', '\udf89', '\u0001', '\n', '0', 'd', '\uffff'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 12) }, () => pick[Math.floor(random() * pick.length)]).join('');
      const json = JSON.stringify({ text });
      expect(unasciiJson(asciiJson(json)), JSON.stringify(text)).toBe(json);
    }
  });
});

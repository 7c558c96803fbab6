import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWordsInBytes, countWordsSwar, wordBuffer } from '../../electron/services/workspace/count-words';
import { countWords } from '../../electron/services/workspace/summarize-post';
import { fixturesDir } from '../support/fixtures';

/** The reference: the text counter over the decoded text (Latin-1 keeps one character per byte, and the same ASCII spaces). */
const reference = (bytes: Uint8Array, start: number) => countWords(Buffer.from(bytes).toString('latin1', start));

/** Every way the byte counter can run: in its own memory (where files are read), copied into it, and the JavaScript loop. */
function counts(bytes: Uint8Array, start: number): number[] {
  const inPlace = wordBuffer(bytes.length + 16);
  const offset = bytes.length % 7; // any alignment
  inPlace.set(bytes, offset);
  return [countWordsInBytes(inPlace.subarray(offset, offset + bytes.length), start), countWordsInBytes(bytes, start), countWordsSwar(bytes, start)];
}

describe('counting words in bytes', () => {
  it('equals the text count on every fixture file, from any start', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(path.join(dir, entry.name));
        else if (/\.(md|markdown|mdx|html|txt)$/i.test(entry.name)) files.push(path.join(dir, entry.name));
      }
    };
    walk(fixturesDir);
    expect(files.length).toBeGreaterThan(300);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const start of [0, 1, 3, 17, bytes.length >> 1]) {
        const expected = reference(bytes, Math.min(start, bytes.length));
        expect(counts(bytes, Math.min(start, bytes.length)), `${path.relative(fixturesDir, file)} from ${start}`).toEqual([expected, expected, expected]);
      }
    }
  });

  it('equals the text count on any bytes: every kind of space, UTF-8, lengths around the 4- and 16-byte steps', () => {
    const byte = fc.constantFrom(9, 10, 11, 12, 13, 32, 0, 8, 14, 31, 33, 0x41, 0x7f, 0x80, 0x85, 0x89, 0x8d, 0xa0, 0xc3, 0xe2, 0xff);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }).chain((noise) => fc.tuple(fc.constant(noise), fc.array(byte, { maxLength: 80 }), fc.nat(20))), ([noise, chosen, start]) => {
        const bytes = Uint8Array.from([...chosen, ...noise.slice(0, chosen.length % 9)]);
        const from = Math.min(start, bytes.length);
        const expected = reference(bytes, from);
        expect(counts(bytes, from)).toEqual([expected, expected, expected]);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads files of any size into its buffer', () => {
    const big = Buffer.from('word '.repeat(300_000)); // 1.5 MB: the memory grows
    const into = wordBuffer(big.length);
    big.copy(into);
    expect(countWordsInBytes(into.subarray(0, big.length))).toBe(300_000);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseUnchanged, diffLines, type LineDiff } from '../../shared/document/line-diff';
import { mapOffset } from '../../renderer/editor/map-offset';

/** Rebuilds both texts from a diff: every line is accounted for, in order. */
function sides(diff: LineDiff): { before: string; after: string } {
  const before = diff.lines.filter((l) => l.op !== 'added').map((l) => l.text);
  const after = diff.lines.filter((l) => l.op !== 'removed').map((l) => l.text);
  return { before: before.join('\n'), after: after.join('\n') };
}

/** Insertions + deletions of a shortest edit script, by the textbook LCS table. */
function editDistance(a: string[], b: string[]): number {
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      lcs[i]![j] = a[i - 1] === b[j - 1] ? lcs[i - 1]![j - 1]! + 1 : Math.max(lcs[i - 1]![j]!, lcs[i]![j - 1]!);
    }
  }
  return a.length + b.length - 2 * lcs[a.length]![b.length]!;
}

describe('line diff', () => {
  it('identical texts have no changes', () => {
    const diff = diffLines('a\nb\nc\n', 'a\nb\nc\n');
    expect(diff.added).toBe(0);
    expect(diff.removed).toBe(0);
    expect(diff.lines.every((l) => l.op === 'same')).toBe(true);
  });

  it('an inserted line and a removed line are found with their line numbers', () => {
    const diff = diffLines('title\none\ntwo\nthree', 'title\none\nnew\ntwo');
    expect(diff.lines.map((l) => [l.op, l.text, l.oldLine, l.newLine])).toEqual([
      ['same', 'title', 1, 1],
      ['same', 'one', 2, 2],
      ['added', 'new', null, 3],
      ['same', 'two', 3, 4],
      ['removed', 'three', 4, null],
    ]);
    expect(diff.approximate).toBe(false);
  });

  it('finds a shortest edit script (one changed line in the middle of repeats)', () => {
    const diff = diffLines('x\ny\nx\ny\nx', 'x\ny\nz\ny\nx');
    expect(diff.added).toBe(1);
    expect(diff.removed).toBe(1);
  });

  it('always accounts for both texts exactly, with a shortest edit script', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', '', 'd e'), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const before = a.join('\n');
        const after = b.join('\n');
        const diff = diffLines(before, after);
        expect(sides(diff)).toEqual({ before, after });
        expect(diff.added + diff.removed).toBe(editDistance(before.split('\n'), after.split('\n')));
      }),
      { numRuns: 300 },
    );
  });

  it('stays bounded on two large unrelated texts: one replaced block, quickly', () => {
    const before = Array.from({ length: 20_000 }, (_, i) => `old line ${i}`).join('\n');
    const after = Array.from({ length: 20_000 }, (_, i) => `new line ${i}`).join('\n');
    const started = performance.now();
    const diff = diffLines(before, after, { maxEdits: 500 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(diff.approximate).toBe(true);
    expect(sides(diff)).toEqual({ before, after });
  });

  it('a small edit in a 200 KB text is exact and fast', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `line ${i} with some words in it`);
    const before = lines.join('\n');
    const after = [...lines.slice(0, 2500), 'inserted', ...lines.slice(2501)].join('\n');
    const diff = diffLines(before, after);
    expect(diff.approximate).toBe(false);
    expect([diff.added, diff.removed]).toEqual([1, 1]);
  });

  it('collapses long unchanged runs, keeping context around changes', () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const after = before.replace('l10', 'changed');
    const rows = collapseUnchanged(diffLines(before, after).lines, 2);
    expect(rows.map((r) => (r.op === 'skip' ? `skip ${r.count}` : `${r.op} ${r.text}`))).toEqual([
      'skip 8',
      'same l8',
      'same l9',
      'removed l10',
      'added changed',
      'same l11',
      'same l12',
      'skip 7',
    ]);
  });
});

describe('keeping the cursor through a reload', () => {
  it('a cursor before the change stays; after it, it moves with its text', () => {
    const before = 'Hello world. Bye.';
    const after = 'Hello big world. Bye.';
    expect(mapOffset(before, after, 3)).toBe(3);
    expect(mapOffset(before, after, before.indexOf('Bye'))).toBe(after.indexOf('Bye'));
    expect(mapOffset(before, after, before.length)).toBe(after.length);
  });

  it('never lands outside the new text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.nat(), (a, b, n) => {
        const mapped = mapOffset(a, b, n % (a.length + 1));
        expect(mapped).toBeGreaterThanOrEqual(0);
        expect(mapped).toBeLessThanOrEqual(b.length);
      }),
    );
  });
});

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkPost } from '../../shared/check';
import { fixture } from '../support/fixtures';

describe('unsafe-html on test/fixtures/bad/xss-vectors.md', () => {
  it('flags every script vector (lines 7–23) and none of the harmless lines', async () => {
    const text = await readFile(fixture('bad', 'xss-vectors.md'), 'utf8');
    const flagged = new Set(checkPost({ path: 'xss-vectors.md', text, site: { kind: 'unknown' } }).filter((p) => p.rule === 'unsafe-html').map((p) => p.line));
    const vectorLines = text
      .split('\n')
      .map((line, index) => ({ line, number: index + 1 }))
      .filter(({ line, number }) => number >= 7 && line.trim() !== '' && !/tracker\.example|plain external link/.test(line));
    expect(vectorLines).toHaveLength(17);
    for (const { line, number } of vectorLines) expect(flagged.has(number), `line ${number}: ${line}`).toBe(true);
    // A remote image and an ordinary link are not unsafe HTML (the preview blocks the request; the site may want it).
    expect(flagged.has(24)).toBe(false);
    expect(flagged.has(25)).toBe(false);
  });

  it('sees through entity-encoded and whitespace-split schemes', () => {
    const problems = checkPost({ path: 'x.md', text: '<a href="jav&#x09;ascript:alert(1)">x</a>\n\n<a href="javascript&colon;alert(1)">y</a>\n', site: { kind: 'unknown' } });
    expect(problems.map((p) => [p.rule, p.line])).toEqual([
      ['unsafe-html', 1],
      ['unsafe-html', 3],
    ]);
  });
});

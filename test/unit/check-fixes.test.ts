import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { applyAllFixes, applyFix, checkPost } from '../../shared/check';
import { fixture } from '../support/fixtures';

const seed = () => readFile(fixture('seed-post.md'), 'utf8');
const check = (text: string) => checkPost({ path: '_posts/2019-11-26-kubecon-san-diego-highlights.md', text, site: { kind: 'jekyll' } });

describe('quick fixes', () => {
  it('repair the seed’s mojibake into the emoji that were meant', async () => {
    const text = await seed();
    const mojibake = check(text).filter((p) => p.rule === 'mojibake');
    expect(mojibake.map((p) => [p.line, p.fix?.title])).toEqual([
      [26, 'Replace with "😎🌮"'],
      [30, 'Replace with "🤯🤯"'],
      [66, 'Replace with "🌮"'],
      [102, 'Replace with "😎"'],
    ]);
    const repaired = applyAllFixes(text, mojibake);
    expect(repaired.split('\n')[25]).toContain('@inletsdev</a> 😎🌮 <a');
    expect(repaired.split('\n')[65]).toBe('## KubeCon 🌮');
    expect(check(repaired).filter((p) => p.rule === 'mojibake')).toEqual([]);
    // Nothing else moved: the repaired text is the original with the four runs replaced.
    expect(repaired.replace(/😎|🌮|🤯/g, '')).toBe(text.replace(/ðŸ˜Ž|ðŸŒ®|ðŸ¤¯/g, ''));
  });

  it('keep one widgets.js: all repeats removed, the first kept, the tweets untouched', async () => {
    const text = await seed();
    const repeats = check(text).filter((p) => p.rule === 'duplicate-script');
    expect(repeats).toHaveLength(10);
    const fixed = applyAllFixes(text, repeats);
    expect(fixed.match(/platform\.twitter\.com\/widgets\.js/g)).toHaveLength(1);
    expect(fixed.match(/<blockquote class="twitter-tweet">/g)).toHaveLength(11);
    expect(fixed.split('\n')).toHaveLength(text.split('\n').length); // each script shared its line with a tweet
    expect(fixed.split('\n')[25]!.endsWith('</blockquote>')).toBe(true);
    expect(check(fixed).filter((p) => p.rule === 'duplicate-script')).toEqual([]);
  });

  it('a script alone on its line takes its line with it', () => {
    const script = '<script src="https://platform.twitter.com/widgets.js"></script>';
    const text = `A\n${script}\nB\n  ${script}\nC\n`;
    const [repeat] = check(text).filter((p) => p.rule === 'duplicate-script');
    expect(applyFix(text, repeat!.fix!)).toBe(`A\n${script}\nB\nC\n`);
  });

  it('http→https for a known host', () => {
    const text = '<iframe src="http://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>\n';
    const [insecure] = check(text).filter((p) => p.rule === 'insecure-url');
    expect(applyFix(text, insecure!.fix!)).toBe('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>\n');
  });
});

import { describe, expect, it } from 'vitest';
import { embedOfferFor, locateOffer, offerMarkup } from '../../renderer/authoring/embed-offer';
import { textStats } from '../../renderer/authoring/text-stats';
import { applyEditsToParts, fixGroups, problemTarget } from '../../renderer/problems/problem-target';
import { checkPost } from '../../shared/check';

describe('word count, reading time and outline', () => {
  it('counts prose words, not markup, and rounds reading time at 230 words a minute', () => {
    const body = `Hello <b>bold</b> [link text](https://example.org/a-b-c) don’t e-mail 3.5 東京.\n${'w '.repeat(340)}`;
    const stats = textStats(body);
    expect(stats.words).toBe(9 + 340); // Hello bold link text don’t e-mail 3.5 東 京
    expect(stats.minutes).toBe(2);
    expect(textStats('').minutes).toBe(0);
    expect(textStats('one').minutes).toBe(1);
  });

  it('lists ATX and setext headings with their offsets, skipping fenced code', () => {
    const body = '# Top #\nText\n\n## [Linked](x) **bold**\n```\n# code\n```\nUnder\n=====\n- item\n---\n';
    expect(textStats(body).headings).toEqual([
      { level: 1, text: 'Top', offset: 0 },
      { level: 2, text: 'Linked bold', offset: body.indexOf('## [') },
      { level: 1, text: 'Under', offset: body.indexOf('Under') },
    ]);
  });
});

describe('offering an embed for a pasted URL', () => {
  const url = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';

  it('only for an embeddable URL alone on its line', () => {
    expect(embedOfferFor('Intro\n\n', 7, 7, ` ${url}`)).toEqual({ url, provider: 'youtube', start: 8, end: 8 + url.length });
    expect(embedOfferFor('See ', 4, 4, url)).toBeNull();
    expect(embedOfferFor('x\n after', 2, 2, url)).toBeNull();
    expect(embedOfferFor('', 0, 0, 'https://example.org/')).toBeNull();
    expect(embedOfferFor('', 0, 0, `${url} and more`)).toBeNull();
  });

  it('finds the URL again after edits elsewhere, and writes nothing new for a bare-URL site', () => {
    const offer = embedOfferFor('', 0, 0, url)!;
    expect(locateOffer(`New line\n${url}\n`, offer)).toBe(9);
    expect(locateOffer('gone', offer)).toBeNull();
    expect(offerMarkup(offer, 'url', '')).toBeNull();
    expect(offerMarkup(offer, 'liquid', '')).toBe('{% youtube dQw4w9WgXcQ %}');
  });
});

describe('problems in a post split into front matter and body', () => {
  const frontMatter = '---\ntitle: CafÃ©\n---\n';
  const body = 'Hi ðŸ˜Ž and <script src="https://platform.twitter.com/widgets.js"></script>\n<script src="https://platform.twitter.com/widgets.js"></script>\n';
  const problems = checkPost({ path: '_posts/2024-01-01-x.md', text: frontMatter + body, site: { kind: 'jekyll' } });

  it('maps each problem to its part and offset there', () => {
    const title = problems.find((p) => p.line === 2)!;
    expect(problemTarget(title, frontMatter.length)).toMatchObject({ area: 'front-matter', start: frontMatter.indexOf('Ã©') });
    const emoji = problems.find((p) => p.rule === 'mojibake' && p.line === 4)!;
    expect(problemTarget(emoji, frontMatter.length)).toEqual({ area: 'body', start: 3, end: 7 });
  });

  it('applies fixes to both parts and groups them by what they do', () => {
    expect(fixGroups(problems).map((g) => g.label)).toEqual(['Repair emoji', 'Keep one widgets.js']);
    const fixed = applyEditsToParts({ frontMatter, body }, problems.flatMap((p) => p.fix?.edits ?? []));
    expect(fixed.frontMatter).toBe('---\ntitle: Café\n---\n');
    expect(fixed.body.match(/widgets\.js/g)).toHaveLength(1);
    expect(fixed.body.startsWith('Hi 😎 and')).toBe(true);
  });
});

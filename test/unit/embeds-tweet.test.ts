import { describe, expect, it } from 'vitest';
import { parseTweetBlockquote } from '../../shared/embeds';

describe('parseTweetBlockquote', () => {
  it('reads author, handle, text with links, date and the status URL', () => {
    const html =
      '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">New from <a href="https://twitter.com/BuoyantIO?ref_src=twsrc%5Etfw">@BuoyantIO</a> &amp; friends<br><br>Find out more at <a href="https://t.co/TqQLwZqs7y">https://t.co/TqQLwZqs7y</a></p>&mdash; Alex Ellis (@alexellisuk) <a href="https://twitter.com/alexellisuk/status/1196835627821453313?ref_src=twsrc%5Etfw">November 19, 2019</a></blockquote>';
    expect(parseTweetBlockquote(html)).toEqual({
      author: 'Alex Ellis',
      handle: 'alexellisuk',
      text: 'New from @BuoyantIO & friends\n\nFind out more at https://t.co/TqQLwZqs7y',
      links: [
        { text: '@BuoyantIO', href: 'https://twitter.com/BuoyantIO?ref_src=twsrc%5Etfw' },
        { text: 'https://t.co/TqQLwZqs7y', href: 'https://t.co/TqQLwZqs7y' },
      ],
      date: 'November 19, 2019',
      url: 'https://twitter.com/alexellisuk/status/1196835627821453313',
      id: '1196835627821453313',
      lang: 'en',
    });
  });

  it('keeps an author name with spaces and symbols, and a missing status id as null', () => {
    const tweet = parseTweetBlockquote('<blockquote class="twitter-tweet"><p>x</p>&mdash; Tamao Nakahara @ KubeCon (@mewzherder) <a href="https://x.com/mewzherder">today</a></blockquote>');
    expect(tweet).toMatchObject({ author: 'Tamao Nakahara @ KubeCon', handle: 'mewzherder', id: null, date: 'today' });
  });
});

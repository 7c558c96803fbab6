import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FakePost } from './fake-api';
import { openPost, renderApp } from './render-app';

const url = 'https://twitter.com/alexellisuk/status/1195828490290860032';
const blockquote = `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Booth is open!</p>&mdash; Alex Ellis (@alexellisuk) <a href="${url}">November 16, 2019</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>`;
const post: FakePost = {
  path: '_posts/2019-11-16-kubecon.md',
  title: 'KubeCon',
  date: '2019-11-16',
  text: `---\ntitle: KubeCon\n---\nHello.\n\n${blockquote}\nAfter.\n`,
};
const photo = { statusId: '1195828490290860032', src: '/images/kubecon/alexellisuk-1195828490290860032-1.jpg', alt: 'The booth', sitePath: 'images/kubecon/alexellisuk-1195828490290860032-1.jpg' };

const facts = { statusId: photo.statusId, text: 'Twitter’s own words', links: [], author: 'Alex Ellis', handle: 'alexellisuk', date: 'November 16, 2019' };

async function openWithPanel(externalContent: boolean) {
  const app = await renderApp({ posts: [post] });
  const editor = (await openPost(app.user, 'KubeCon')) as HTMLTextAreaElement;
  if (externalContent) await app.user.click(screen.getByRole('switch', { name: 'Load external content' }));
  await app.user.click(screen.getByRole('button', { name: /^Collected \(\d+\)$/ }));
  const region = screen.getByRole('region', { name: 'Collected' });
  return { ...app, editor, region };
}

describe('Archive tweets with photos', () => {
  it('with external content on, the saved photos go into the quote and the panel says what was saved and what was not', async () => {
    const { user, api, editor, region } = await openWithPanel(true);
    api.tweetPhotos = { photos: [photo], tweets: [facts], fetched: true, failed: 'Could not save 1 photo of @bob’s tweet (Twitter did not answer within 20 s); the tweets are archived with their text.' };
    await user.click(within(region).getByRole('button', { name: 'Archive tweets' }));
    await waitFor(() => expect(editor.value).not.toContain('widgets.js'));
    expect(api.callsOf('saveTweetPhotos')).toEqual([{ path: post.path, tweets: [url] }]);
    expect(api.callsOf('archiveTweets').at(-1)?.photos).toEqual([{ statusId: photo.statusId, src: photo.src, alt: photo.alt }]);
    // Twitter's words travel along; the blockquote's own words win.
    expect(api.callsOf('archiveTweets').at(-1)?.tweets).toEqual([facts]);
    expect(editor.value).toContain(`> Booth is open!\n>\n> ![The booth](${photo.src})\n>\n> — Alex Ellis (@alexellisuk), [November 16, 2019](${url})\n\nAfter.\n`);
    expect(
      within(region).getByText(
        'Archived 1 tweet: it no longer needs Twitter. Saved 1 tweet photo into the post’s image folder. Could not save 1 photo of @bob’s tweet (Twitter did not answer within 20 s); the tweets are archived with their text.',
      ),
    ).toBeInTheDocument();
    // The first test of the file loads the editor (lazy); that takes a while on a busy machine.
  }, 20_000);

  it('when saving the photos fails altogether the tweets are still archived with their text', async () => {
    const { user, api, editor, region } = await openWithPanel(true);
    api.saveTweetPhotos = () => Promise.reject(Object.assign(new Error('The post is no longer on disk.'), { code: 'not-found' }));
    await user.click(within(region).getByRole('button', { name: 'Archive tweets' }));
    await waitFor(() => expect(editor.value).not.toContain('widgets.js'));
    expect(editor.value).toContain('> Booth is open!');
    expect(within(region).getByText(/^Archived 1 tweet: it no longer needs Twitter\. The tweets’ photos could not be saved \(.+\); the tweets are archived with their text\.$/)).toBeInTheDocument();
  });

  it('offline nothing is asked and the quote is what the blockquote holds', async () => {
    const { user, api, editor, region } = await openWithPanel(false);
    await user.click(within(region).getByRole('button', { name: 'Archive tweets' }));
    await waitFor(() => expect(editor.value).not.toContain('widgets.js'));
    expect(api.callsOf('saveTweetPhotos')).toEqual([]);
    expect(api.callsOf('archiveTweets').at(-1)?.photos).toBeUndefined();
    expect(editor.value).toContain(`> Booth is open!\n>\n> — Alex Ellis (@alexellisuk), [November 16, 2019](${url})\n\nAfter.\n`);
  });
});

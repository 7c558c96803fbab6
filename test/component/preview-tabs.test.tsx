import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openPost, renderApp } from './render-app';

const post = { path: '_posts/2024-11-15-slc.md', title: 'SLC', date: '2024-11-15', text: '---\ntitle: SLC\ndescription: What we saw.\n---\n# Keynotes\n\nBody text.\n' };

describe('Preview as Page, Text or Share card', () => {
  it('Page is the default where the layouts render: a frame titled "Page preview" without the app’s origin, loaded from Recap', async () => {
    const { api, user } = await renderApp({ posts: [post] });
    api.pagePreview = { status: 'page', pageId: '0123456789abcdef', layoutsRendered: true, note: null, anchors: [{ line: 1, id: 'keynotes' }], patch: null, ms: 12 };
    await openPost(user, 'SLC');
    const region = screen.getByRole('region', { name: 'Preview' });
    const tabs = within(region).getByRole('tablist', { name: 'Preview as' });
    expect(within(tabs).getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['Page', 'Text', 'Share card']);
    await waitFor(() => expect(within(tabs).getByRole('tab', { name: 'Page' })).toHaveAttribute('aria-selected', 'true'), { timeout: 5000 });
    const frame = within(region).getByTitle('Page preview');
    expect(frame.tagName).toBe('IFRAME');
    // Scripts for Recap's patcher only (the page's CSP allows nothing else, by hash); never allow-same-origin.
    expect(frame.getAttribute('sandbox')).toBe('allow-scripts');
    expect(frame.getAttribute('src')).toBe('page/0123456789abcdef');
    // The whole post goes to the main process, front matter included.
    expect(api.callsOf('renderPage').at(-1)).toEqual({ path: post.path, text: post.text });
  }, 20_000);

  it('without layouts Text stays the default and says why in one line; the reason shows on the Page tab too', async () => {
    const { api, user } = await renderApp({ posts: [post] });
    await openPost(user, 'SLC');
    const region = screen.getByRole('region', { name: 'Preview' });
    await within(region).findByRole('heading', { name: 'Keynotes' }, { timeout: 15_000 });
    expect(within(region).getByRole('tab', { name: 'Text' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(api.callsOf('renderPage').length).toBeGreaterThan(0));
    await user.click(within(region).getByRole('tab', { name: 'Page' }));
    expect(await within(region).findByText(/no layouts Recap can render/)).toBeInTheDocument();
    expect(within(region).queryByTitle('Page preview')).toBeNull();
  }, 20_000);

  it('Share card shows X, Facebook/LinkedIn, Mastodon and Slack with the resolved title, and what is wrong with it', async () => {
    const { user } = await renderApp({ posts: [post] });
    await openPost(user, 'SLC');
    const region = screen.getByRole('region', { name: 'Preview' });
    await user.click(within(region).getByRole('tab', { name: 'Share card' }));
    const share = await within(region).findByRole('region', { name: 'Share card' });
    const x = await within(share).findByRole('figure', { name: 'X' }, { timeout: 5000 });
    expect(x).toHaveTextContent('SLC');
    for (const name of ['Facebook and LinkedIn', 'Mastodon', 'Slack']) expect(within(share).getByRole('figure', { name })).toHaveTextContent('SLC');
    expect(within(share).getByRole('list', { name: 'Share problems' })).toHaveTextContent('share-image');
  }, 20_000);
});

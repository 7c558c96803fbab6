/**
 * A big site's list comes in two parts: the first screen at once, then all
 * the posts. The author sees the newest posts first and, once the rest has
 * come, every post in order; nothing changed meanwhile is lost.
 */
import './jsdom-gaps';
import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MethodInput, MethodOutput } from '../../shared/api';
import { FIRST_SCREEN_POSTS, sortPosts } from '../../shared/posts/post-order';
import { App } from '../../renderer/app/App';
import { askFirstScreenEarly } from '../../renderer/app/site-store';
import { FakeApi, type FakePost } from './fake-api';
import { postList } from './render-app';

const COUNT = 150;

/** Dates out of order, some sharing a day (then the title decides), a few undated. */
function bigSite(): FakePost[] {
  return Array.from({ length: COUNT }, (_, i) => {
    const day = (i * 37) % 120;
    const date = i % 50 === 7 ? null : new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10);
    return { path: `_posts/post-${i}.md`, title: `Post ${String((i * 11) % COUNT).padStart(3, '0')}`, date, text: `---\ntitle: Post ${i}\n---\nBody ${i}\n` };
  });
}

/** Holds back the whole list (not the first screen) until released. */
class HeldApi extends FakeApi {
  release: () => void = () => undefined;
  private held = new Promise<void>((resolve) => (this.release = resolve));

  override async listPosts(input: MethodInput<'listPosts'>): Promise<MethodOutput<'listPosts'>> {
    if (input.first === undefined) await this.held;
    return super.listPosts(input);
  }
}

function titlesInOrder(api: FakeApi): string[] {
  const all = api.posts.map((post) => ({ path: post.path, title: post.title, date: post.date, draft: false, tags: [], categories: [], words: null }));
  return sortPosts(all).map((post) => post.title);
}

async function shownTitles(): Promise<string[]> {
  const list = await postList();
  return within(list)
    .queryAllByRole('option')
    .map((option) => option.querySelector('.post-title')?.textContent ?? '');
}

describe("a big site's post list", () => {
  it('shows the newest posts at once with the count of all, then every post in order', async () => {
    const api = new HeldApi({ posts: bigSite() });
    render(<App api={api} />);
    const list = await postList();
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(FIRST_SCREEN_POSTS));
    const order = titlesInOrder(api);
    expect(await shownTitles()).toEqual(order.slice(0, FIRST_SCREEN_POSTS));
    expect(screen.getByText(`${COUNT} posts`)).toBeInTheDocument();

    api.release();
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(COUNT));
    expect(await shownTitles()).toEqual(order);
    expect(api.callsOf('listPosts')).toEqual([{ first: FIRST_SCREEN_POSTS }, {}]);
  });

  it('a post added while the rest is on its way is listed', async () => {
    const api = new HeldApi({ posts: bigSite() });
    render(<App api={api} />);
    const list = await postList();
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(FIRST_SCREEN_POSTS));
    api.posts.push({ path: '_posts/2030-01-01-newest.md', title: 'Newest of all', date: '2030-01-01', text: '---\ntitle: Newest of all\n---\n' });

    api.release();
    expect(await within(list).findByRole('option', { name: 'Newest of all' })).toBeInTheDocument();
    expect((await shownTitles())[0]).toBe('Newest of all');
    expect(within(list).getAllByRole('option')).toHaveLength(COUNT + 1);
  });

  it('a small site is listed whole by the first answer', async () => {
    const api = new FakeApi({ posts: bigSite().slice(0, 5) });
    render(<App api={api} />);
    const list = await postList();
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(5));
    expect(screen.getByText('5 posts')).toBeInTheDocument();
    expect(api.callsOf('listPosts')).toEqual([{ first: FIRST_SCREEN_POSTS }]);
  });

  it('the first screen asked for while the app starts is used, not asked again', async () => {
    const api = new FakeApi({ posts: bigSite() });
    askFirstScreenEarly(api);
    render(<App api={api} />);
    const list = await postList();
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(COUNT));
    expect(api.calls[0]).toEqual({ method: 'listPosts', input: { first: FIRST_SCREEN_POSTS } });
    expect(api.callsOf('listPosts')).toEqual([{ first: FIRST_SCREEN_POSTS }, {}]);
  });

  it('files changed before the workspace listens: the early first screen is not trusted, the list is asked again', async () => {
    const api = new FakeApi({ posts: bigSite().slice(0, 5) });
    askFirstScreenEarly(api);
    await Promise.resolve();
    api.posts.push({ path: '_posts/2030-01-01-newest.md', title: 'Newest of all', date: '2030-01-01', text: '---\ntitle: Newest of all\n---\n' });
    api.emit('postsChanged', { paths: ['_posts/2030-01-01-newest.md'], overflow: false });
    render(<App api={api} />);
    const list = await postList();
    expect(await within(list).findByRole('option', { name: 'Newest of all' })).toBeInTheDocument();
    expect(within(list).getAllByRole('option')).toHaveLength(6);
  });
});

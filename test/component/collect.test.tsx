import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FakePost } from './fake-api';
import { openPost, renderApp } from './render-app';

const post: FakePost = {
  path: '_posts/2024-05-20-rustconf-recap.md',
  title: 'RustConf recap',
  date: '2024-05-20',
  text: '---\ntitle: RustConf recap\n---\nHello **world**.\n',
};
const tweets = Array.from({ length: 11 }, (_, i) => `https://twitter.com/alexellisuk/status/11976173550434345${String(i).padStart(2, '0')}`);

async function openCollected(posts: FakePost[] = [post]) {
  const app = await renderApp({ posts });
  const editor = (await openPost(app.user, posts[0]!.title)) as HTMLTextAreaElement;
  await app.user.click(screen.getByRole('button', { name: 'Collected (0)' }));
  const region = screen.getByRole('region', { name: 'Collected' });
  return { ...app, editor, region };
}

async function paste(user: Awaited<ReturnType<typeof openCollected>>['user'], region: HTMLElement, text: string) {
  await user.click(within(region).getByRole('textbox', { name: 'Paste links' }));
  await user.paste(text);
  await user.keyboard('{Enter}');
}

function cards(region: HTMLElement) {
  return within(within(region).getByRole('list', { name: 'Collected links' })).getAllByRole('listitem');
}

describe('the Collected panel', () => {
  it('pasting eleven tweet URLs creates eleven cards, each showing its handle and status id', async () => {
    const { user, region, api } = await openCollected();
    await paste(user, region, tweets.join('\n'));
    await waitFor(() => expect(cards(region)).toHaveLength(11));
    expect(screen.getByRole('button', { name: 'Collected (11)' })).toHaveAttribute('aria-expanded', 'true');
    expect(cards(region)[0]).toHaveAccessibleName(`Tweet: @alexellisuk · ${tweets[0]!.split('/').pop()}`);
    expect(within(region).getByText('Added 11 links.')).toBeInTheDocument();
    expect(within(region).getByRole('textbox', { name: 'Paste links' })).toHaveValue('');
    expect(api.callsOf('addCollected')).toEqual([{ path: post.path, text: tweets.join('\n') }]);
    expect(api.callsOf('loadCollectedDetails').at(-1)?.ids).toHaveLength(11);
  });

  it('reports the words that are not links', async () => {
    const { user, region } = await openCollected();
    await paste(user, region, `see ${tweets[0]} and https://youtu.be/dQw4w9WgXcQ`);
    await waitFor(() => expect(cards(region)).toHaveLength(2));
    expect(within(region).getByText('Not links, ignored: “see”, “and”.')).toBeInTheDocument();
    expect(cards(region)[1]).toHaveAccessibleName('YouTube video: video dQw4w9WgXcQ');
  });

  it('"Insert all" inserts eleven blockquotes and exactly one widgets.js, without a new heading', async () => {
    const { user, region, editor, api } = await openCollected();
    await paste(user, region, tweets.join(' '));
    await waitFor(() => expect(cards(region)).toHaveLength(11));
    await user.click(within(region).getByRole('button', { name: 'Insert all' }));
    await waitFor(() => expect(editor.value.match(/class="twitter-tweet"/g)).toHaveLength(11));
    expect(editor.value.match(/widgets\.js/g)).toHaveLength(1);
    expect(editor.value).toMatch(/^Hello \*\*world\*\*\.\n\n<blockquote class="twitter-tweet">/);
    expect(editor.value).not.toContain('##');
    // In the pasted order.
    const ids = [...editor.value.matchAll(/href="[^"]*status\/(\d+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(tweets.map((t) => t.split('/').pop()));
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');
    const [call] = api.callsOf('insertCollected');
    expect(call).toMatchObject({ path: post.path, postText: post.text });
    expect(call?.ids).toHaveLength(11);
  });

  it('a post that already loads widgets.js gets none more', async () => {
    const withScript = { ...post, text: `${post.text}\n<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n` };
    const { user, region, editor } = await openCollected([withScript]);
    await paste(user, region, tweets.slice(0, 3).join('\n'));
    await waitFor(() => expect(cards(region)).toHaveLength(3));
    await user.click(within(region).getByRole('button', { name: 'Insert all' }));
    await waitFor(() => expect(editor.value.match(/class="twitter-tweet"/g)).toHaveLength(3));
    expect(editor.value.match(/widgets\.js/g)).toHaveLength(1);
  });

  it('select a card with the keyboard and press Enter to insert it (at the end until a caret is placed); focus stays on the card', async () => {
    const { user, region, editor } = await openCollected();
    await paste(user, region, `${tweets[0]}\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ`);
    await waitFor(() => expect(cards(region)).toHaveLength(2));
    // One Tab stop for the list: the first card; arrows move between cards.
    await user.click(within(region).getByRole('textbox', { name: 'Paste links' }));
    await user.tab(); // Add (disabled: skipped) → the first card
    expect(cards(region)[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    const video = cards(region)[1]!;
    expect(video).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(editor.value).toMatch(/^Hello \*\*world\*\*\.\n\n<iframe [^\n]*src="https:\/\/www\.youtube\.com\/embed\/dQw4w9WgXcQ"[^\n]*><\/iframe>\n$/));
    expect(video).toHaveFocus();
  });

  it('inserts at the caret once the author has placed one', async () => {
    const { user, region, editor } = await openCollected();
    await paste(user, region, tweets[0]!);
    await waitFor(() => expect(cards(region)).toHaveLength(1));
    await user.click(editor);
    editor.setSelectionRange(0, 0);
    await user.click(within(cards(region)[0]!).getByRole('button', { name: 'Insert' }));
    await waitFor(() => expect(editor.value).toMatch(/^<blockquote class="twitter-tweet">.*<\/blockquote>\n<script [^\n]*widgets\.js[^\n]*<\/script>\n\nHello \*\*world\*\*\.\n$/));
  });

  it('moves cards up and down (buttons or Alt+arrows) and removes them', async () => {
    const { user, region, api } = await openCollected();
    await paste(user, region, tweets.slice(0, 3).join('\n'));
    await waitFor(() => expect(cards(region)).toHaveLength(3));
    const id = (t: string) => t.split('/').pop()!;
    await user.click(within(cards(region)[2]!).getByRole('button', { name: 'Move up' }));
    await waitFor(() => expect(cards(region).map((c) => c.getAttribute('aria-label'))).toEqual([tweets[0]!, tweets[2]!, tweets[1]!].map((t) => `Tweet: @alexellisuk · ${id(t)}`)));
    expect(api.callsOf('reorderCollected')).toHaveLength(1);
    expect(within(cards(region)[1]!).getByRole('button', { name: 'Move up' })).toHaveFocus();

    cards(region)[0]!.focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(cards(region)[1]).toHaveAccessibleName(`Tweet: @alexellisuk · ${id(tweets[0]!)}`));
    expect(cards(region)[1]).toHaveFocus();

    await user.click(within(cards(region)[0]!).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(cards(region)).toHaveLength(2));
    expect(screen.getByRole('button', { name: 'Collected (2)' })).toBeInTheDocument();
  });

  it('loads details when "Load external content" turns on, and shows thumbnails only then', async () => {
    const { user, region, api } = await openCollected();
    api.collectedDetails = (card) =>
      card.kind === 'youtube'
        ? { details: { title: 'Keynote 🎉', author: 'CNCF', thumbnailUrl: 'https://i.ytimg.com/vi/x/hqdefault.jpg', fetchedAt: '2024-01-01T00:00:00Z' } }
        : { error: 'The provider did not answer in time.' };
    await paste(user, region, `https://youtu.be/dQw4w9WgXcQ ${tweets[0]}`);
    await waitFor(() => expect(cards(region)).toHaveLength(2));
    expect(region.querySelector('img')).toBeNull();
    expect(within(region).queryByText('Keynote 🎉')).not.toBeInTheDocument();

    await user.click(screen.getByRole('switch', { name: 'Load external content' }));
    expect(await within(region).findByText('Keynote 🎉')).toBeInTheDocument();
    expect(within(region).getByText('by CNCF')).toBeInTheDocument();
    expect(region.querySelector('img')).toHaveAttribute('src', 'https://i.ytimg.com/vi/x/hqdefault.jpg');
    expect(within(cards(region)[1]!).getByText(/No details: The provider did not answer in time\./)).toBeInTheDocument();
    expect(api.callsOf('loadCollectedDetails').at(-1)).toEqual({ path: post.path });

    await user.click(screen.getByRole('switch', { name: 'Load external content' }));
    await waitFor(() => expect(region.querySelector('img')).toBeNull());
  });

  it('a card dragged onto the editor is inserted there', async () => {
    const { user, region, editor } = await openCollected();
    await paste(user, region, tweets[0]!);
    await waitFor(() => expect(cards(region)).toHaveLength(1));
    const card = cards(region)[0]!;
    const store = new Map<string, string>();
    const dataTransfer = {
      setData: (type: string, value: string) => store.set(type, value),
      getData: (type: string) => store.get(type) ?? '',
      get types() {
        return [...store.keys()];
      },
      files: [] as File[],
      effectAllowed: 'all',
      dropEffect: 'none',
    };
    fireEvent.dragStart(card, { dataTransfer });
    expect(store.get('text/plain')).toBe(tweets[0]);
    fireEvent.dragOver(editor, { dataTransfer });
    fireEvent.drop(editor, { dataTransfer });
    await waitFor(() => expect(editor.value).toContain(`<blockquote class="twitter-tweet">&mdash; (@alexellisuk) <a href="${tweets[0]}">${tweets[0]}</a></blockquote>`));
    expect(editor.value.match(/widgets\.js/g)).toHaveLength(1);
  });

  it('a paste adds at once and names what was collected already; text that is not a link is reported as pasted', async () => {
    const { user, region, api } = await openCollected();
    await user.click(within(region).getByRole('textbox', { name: 'Paste links' }));
    await user.paste(tweets.slice(0, 2).join('\n'));
    await waitFor(() => expect(cards(region)).toHaveLength(2));
    expect(api.callsOf('addCollected')).toHaveLength(1); // no Enter, no Add
    await user.paste(`${tweets.slice(0, 3).join(' ')}\nsee you at the booth`);
    await waitFor(() => expect(cards(region)).toHaveLength(3));
    expect(within(region).getByText('Added 1 link; 2 already collected.')).toBeInTheDocument();
    expect(within(region).getByText('Not a link, ignored: “see you at the booth”.')).toBeInTheDocument();
  });

  it('cards in the post show "Inserted"; a second "Insert all" adds nothing; "Archive tweets" turns them into quotes without widgets.js', async () => {
    const { user, region, editor, api } = await openCollected();
    await paste(user, region, tweets.slice(0, 2).join('\n'));
    await waitFor(() => expect(cards(region)).toHaveLength(2));
    await user.click(within(region).getByRole('button', { name: 'Insert all' }));
    await waitFor(() => expect(within(region).getAllByText('Inserted', { exact: true })).toHaveLength(2));
    const once = editor.value;
    await user.click(within(region).getByRole('button', { name: 'Insert all' }));
    expect(await within(region).findByText('Everything collected is already in the post.')).toBeInTheDocument();
    expect(editor.value).toBe(once);
    expect(api.callsOf('insertCollected')).toHaveLength(1);
    // Insert on a card already in the post asks first.
    await user.click(within(cards(region)[0]!).getByRole('button', { name: 'Insert again' }));
    expect(within(region).getByText(/already in the post; choose Insert again/)).toBeInTheDocument();
    expect(api.callsOf('insertCollected')).toHaveLength(1);

    await user.click(within(region).getByRole('button', { name: 'Archive tweets' }));
    await waitFor(() => expect(editor.value).not.toContain('widgets.js'));
    expect(editor.value).not.toContain('twitter-tweet');
    for (const url of tweets.slice(0, 2)) expect(editor.value).toContain(`(${url})`);
    expect(within(region).getByText('Archived 2 tweets: they no longer need Twitter.')).toBeInTheDocument();
  });
});

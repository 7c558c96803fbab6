import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FakePost } from './fake-api';
import { openPost, renderApp } from './render-app';

const VIDEO = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const TWEET = 'https://twitter.com/alexellisuk/status/1197617355043434497';
const post: FakePost = {
  path: '_posts/2024-05-20-rustconf-recap.md',
  title: 'RustConf recap',
  date: '2024-05-20',
  text: '---\ntitle: RustConf recap\n---\nHello **world**.\n',
};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

async function openAt(posts: FakePost[] = [post], style: 'html' | 'hugo' = 'hugo') {
  const app = await renderApp({ posts });
  app.api.embedStyle = style;
  const editor = (await openPost(app.user, posts[0]!.title)) as HTMLTextAreaElement;
  await app.user.click(editor);
  await app.user.keyboard('{Control>}{End}{/Control}');
  return { ...app, editor };
}

describe('pasting an embeddable URL', () => {
  it('alone on an empty line offers "Insert as embed?" and inserts the embed in the site’s style', async () => {
    const { user, editor, api } = await openAt();
    await user.paste(VIDEO);
    expect(editor.value).toBe(`Hello **world**.\n${VIDEO}`);
    const offer = await screen.findByRole('group', { name: 'Insert as embed?' });
    expect(editor).toHaveFocus(); // the prompt never takes the keyboard away
    await user.click(within(offer).getByRole('button', { name: 'Insert embed' }));
    expect(editor.value).toBe('Hello **world**.\n{{< youtube dQw4w9WgXcQ >}}');
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');
    expect(screen.queryByRole('group', { name: 'Insert as embed?' })).not.toBeInTheDocument();
    expect(api.callsOf('getEmbedStyle')).toHaveLength(1);
    await waitFor(() => expect(editor.selectionStart).toBe(editor.value.length));
  });

  it('"Keep link" (or Escape) leaves the URL as pasted', async () => {
    const { user, editor } = await openAt();
    await user.paste(VIDEO);
    await user.click(within(await screen.findByRole('group', { name: 'Insert as embed?' })).getByRole('button', { name: 'Keep link' }));
    expect(editor.value).toBe(`Hello **world**.\n${VIDEO}`);
    expect(screen.queryByRole('group', { name: 'Insert as embed?' })).not.toBeInTheDocument();

    await user.keyboard('{Enter}');
    await user.paste(VIDEO);
    await screen.findByRole('group', { name: 'Insert as embed?' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Insert as embed?' })).not.toBeInTheDocument();
  });

  it('is keyboard accessible: Tab from the editor reaches "Insert embed"', async () => {
    const { user, editor } = await openAt();
    await user.paste(VIDEO);
    await screen.findByRole('group', { name: 'Insert as embed?' });
    await user.tab();
    expect(screen.getByRole('button', { name: 'Insert embed' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(editor.value).toContain('{{< youtube dQw4w9WgXcQ >}}');
  });

  it('inside a sentence, or a URL that is no embed, offers nothing', async () => {
    const { user } = await openAt();
    await user.keyboard('See ');
    await user.paste(VIDEO);
    await user.keyboard('{Enter}');
    await user.paste('https://example.org/page');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('group', { name: 'Insert as embed?' })).not.toBeInTheDocument();
  });

  it('a tweet in an HTML site gets widgets.js only when the post has none yet', async () => {
    const withScript: FakePost = { ...post, text: `${post.text}<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n` };
    const { user, editor } = await openAt([withScript], 'html');
    await user.paste(TWEET);
    await user.click(within(await screen.findByRole('group', { name: 'Insert as embed?' })).getByRole('button', { name: 'Insert embed' }));
    // Offline: the handle and the link, which widgets.js turns into the tweet.
    expect(editor.value.endsWith(`<blockquote class="twitter-tweet">&mdash; (@alexellisuk) <a href="${TWEET}">${TWEET}</a></blockquote>`)).toBe(true);
    expect(editor.value.match(/widgets\.js/g)).toHaveLength(1);
  });
});

describe('the embed offer is instant', () => {
  it('appears on the paste itself, before the site’s style is known', async () => {
    const { user, api } = await openAt();
    // The main process is still learning the site's style (seconds on a big site): the offer does not wait for it.
    api.getEmbedStyle = () => new Promise(() => undefined);
    await user.paste(TWEET);
    expect(screen.getByRole('group', { name: 'Insert as embed?' })).toBeInTheDocument();
  });
});

describe('adding images', () => {
  it('pasting an image imports it into the site and inserts Markdown with the caret in the alt text', async () => {
    const { editor, api } = await openAt();
    const file = new File([PNG], 'Shot 1.png', { type: 'image/png' });
    fireEvent.paste(editor, { clipboardData: { files: [file], types: ['Files'], getData: () => '' } });
    await waitFor(() => expect(editor.value).toBe('Hello **world**.\n![](/images/rustconf-recap/shot-1.png)'));
    const [call] = api.callsOf('importImage');
    expect(call).toEqual({ postPath: post.path, fileName: 'Shot 1.png', dataBase64: btoa(String.fromCharCode(...PNG)) });
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');
    const alt = 'Hello **world**.\n!['.length;
    await waitFor(() => expect([editor.selectionStart, editor.selectionEnd]).toEqual([alt, alt]));
    expect(editor).toHaveFocus();
    expect(screen.getByText(/Added images\/rustconf-recap\/shot-1\.png/)).toBeInTheDocument();
  });

  it('dropping an image does the same; dropping a PDF is refused with a reason', async () => {
    const { editor, api, user } = await openAt();
    fireEvent.drop(editor, { dataTransfer: { files: [new File(['%PDF'], 'slides.pdf', { type: 'application/pdf' })], types: ['Files'] } });
    expect(await screen.findByText(/Only images/)).toBeInTheDocument();
    expect(api.callsOf('importImage')).toHaveLength(0);

    // Dropped with the caret after a word: the image goes on a block of its own.
    await user.keyboard('Caption');
    fireEvent.drop(editor, { dataTransfer: { files: [new File([PNG], 'board.png', { type: 'image/png' })], types: ['Files'] } });
    await waitFor(() => expect(editor.value).toBe('Hello **world**.\nCaption\n\n![](/images/rustconf-recap/board.png)'));
  });
});

describe('word count, reading time and outline', () => {
  const long: FakePost = {
    ...post,
    text: `---\ntitle: RustConf recap\n---\n# RustConf recap\n\n${'word '.repeat(460)}\n\n## Day **one**\n\nText.\n\n\`\`\`\n# not a heading\n\`\`\`\n\nDay two\n-------\n\nEnd.\n`,
  };

  it('shows the words and minutes of the body, and lists its headings', async () => {
    const { user } = await openAt([long]);
    expect(await screen.findByText('468 words · 2 min read')).toBeInTheDocument();
    // The outline is on demand: closed until asked for.
    expect(screen.queryByRole('navigation', { name: 'Outline' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Outline' }));
    const outline = screen.getByRole('navigation', { name: 'Outline' });
    expect(within(outline).getAllByRole('button').map((b) => b.textContent)).toEqual(['RustConf recap', 'Day one', 'Day two']);
  });

  it('each heading moves the editor to its line', async () => {
    const { user, editor } = await openAt([long]);
    await user.click(screen.getByRole('button', { name: 'Outline' }));
    const outline = screen.getByRole('navigation', { name: 'Outline' });
    await user.click(within(outline).getByRole('button', { name: 'Day two' }));
    expect(editor).toHaveFocus();
    expect(editor.selectionStart).toBe(editor.value.indexOf('Day two\n---'));
  });

  it('updates a moment after typing', async () => {
    const { user } = await openAt();
    await user.click(screen.getByRole('button', { name: 'Outline' }));
    screen.getByRole('textbox', { name: 'Markdown' }).focus();
    await user.keyboard('\n\n## Added section');
    const outline = screen.getByRole('navigation', { name: 'Outline' });
    expect(await within(outline).findByRole('button', { name: 'Added section' })).toBeInTheDocument();
  });
});

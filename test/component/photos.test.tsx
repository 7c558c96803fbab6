import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/api';
import type { FakePost } from './fake-api';
import { openPost, renderApp } from './render-app';

const post: FakePost = {
  path: '_posts/2024-05-20-rustconf-recap.md',
  title: 'RustConf recap',
  date: '2024-05-20',
  text: '---\ntitle: RustConf recap\n---\nHello **world**.\n',
};
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const jpeg = (name: string) => new File([JPEG], name, { type: 'image/jpeg' });

async function openAt() {
  const app = await renderApp({ posts: [post] });
  const editor = (await openPost(app.user, post.title)) as HTMLTextAreaElement;
  await app.user.click(editor);
  await app.user.keyboard('{Control>}{End}{/Control}');
  return { ...app, editor };
}

function drop(editor: HTMLElement, files: File[]) {
  fireEvent.drop(editor, { dataTransfer: { files, types: ['Files'] } });
}

describe('photos', () => {
  it('dropping two photos imports them one call each, inserts both with the caret in the first alt text', async () => {
    const { editor, api } = await openAt();
    drop(editor, [jpeg('IMG_0001.jpg'), jpeg('IMG_0002.jpg')]);
    await waitFor(() => expect(editor.value).toBe('Hello **world**.\n\n![](/images/rustconf-recap/rustconf-recap-1.jpg)\n\n![](/images/rustconf-recap/rustconf-recap-2.jpg)\n'));
    const calls = api.callsOf('importPhotos');
    expect(calls.map((c) => c.files.map((f) => f.name))).toEqual([['IMG_0001.jpg'], ['IMG_0002.jpg']]);
    expect(calls[0]).toEqual({ postPath: post.path, files: [{ name: 'IMG_0001.jpg', dataBase64: btoa(String.fromCharCode(...JPEG)) }] });
    expect(api.callsOf('importImage')).toHaveLength(0);
    const alt = 'Hello **world**.\n\n!['.length;
    await waitFor(() => expect([editor.selectionStart, editor.selectionEnd]).toEqual([alt, alt]));
    expect(screen.getByText(/Added 2 photos; write their alt text/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');
  });

  it('shows progress photo by photo, and each refusal with its reason while the others are added', async () => {
    const { editor, api } = await openAt();
    api.photoErrors.set('broken.jpg', 'This file is not a photo Recap can read (JPEG, PNG, WebP, AVIF, TIFF).');
    let release: () => void = () => {};
    // The second photo's call is held until the test has seen its progress (and the call has really started).
    let secondStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => (secondStarted = resolve));
    const real = api.importPhotos.bind(api);
    api.importPhotos = async (input: MethodInput<'importPhotos'>) => {
      if (input.files[0]?.name === 'second.jpg') {
        const held = new Promise<void>((resolve) => (release = resolve));
        secondStarted();
        await held;
      }
      return real(input);
    };
    drop(editor, [jpeg('first.jpg'), jpeg('second.jpg'), jpeg('broken.jpg')]);
    expect(await screen.findByText('Adding photo 2 of 3…')).toBeInTheDocument();
    await started;
    release();
    expect(await screen.findByText(/Could not add broken\.jpg: This file is not a photo/)).toBeInTheDocument();
    expect(screen.getByText(/Added 2 photos/)).toBeInTheDocument();
    expect(editor.value.match(/!\[\]\(/g)).toHaveLength(2);
  });

  it('PNG screenshots and GIFs are copied as they are (importImage); JPEG photos always go through the photo path', async () => {
    const { editor, api } = await openAt();
    drop(editor, [new File([PNG], 'shot.png', { type: 'image/png' }), jpeg('photo.jpg')]);
    await waitFor(() => expect(editor.value).toContain('![](/images/rustconf-recap/shot.png)'));
    await waitFor(() => expect(editor.value).toContain('![](/images/rustconf-recap/rustconf-recap-1.jpg)'));
    expect(api.callsOf('importImage').map((c) => c.fileName)).toEqual(['shot.png']);
    expect(api.callsOf('importPhotos').map((c) => c.files[0]?.name)).toEqual(['photo.jpg']);
  });

  it('"Use as cover" applies setCover’s text to the post (unsaved), and saving writes it', async () => {
    const { user, editor, api } = await openAt();
    drop(editor, [jpeg('a.jpg'), jpeg('b.jpg')]);
    await waitFor(() => expect(editor.value.match(/!\[\]\(/g)).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: 'Choose a cover' }));
    const region = screen.getByRole('region', { name: 'Photos' });
    const photos = () => within(within(region).getByRole('list', { name: 'Photos of this post' })).getAllByRole('listitem');
    expect(photos()).toHaveLength(2);
    await user.click(within(photos()[1]!).getByRole('button', { name: 'Use as cover' }));
    const [call] = api.callsOf('setCover');
    expect(call).toEqual({ path: post.path, image: '/images/rustconf-recap/rustconf-recap-2.jpg', text: `---\ntitle: RustConf recap\n---\n${editor.value}` });
    expect(await within(photos()[1]!).findByText('Cover')).toBeInTheDocument();
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(api.files.get(post.path)).toMatch(/^---\nimage: \/images\/rustconf-recap\/rustconf-recap-2\.jpg\ntitle: RustConf recap\n---\nHello/));
  });

  it('"Add photos…" in the Collected panel imports the chosen photos', async () => {
    const { user, editor, api } = await openAt();
    await user.click(screen.getByRole('button', { name: 'Collected (0)' }));
    const region = screen.getByRole('region', { name: 'Collected' });
    await user.upload(within(region).getByLabelText('Add photos…'), [jpeg('x.jpg'), jpeg('y.jpg')]);
    await waitFor(() => expect(editor.value.match(/!\[\]\(/g)).toHaveLength(2));
    expect(api.callsOf('importPhotos')).toHaveLength(2);
    expect(within(region).getAllByRole('button', { name: 'Use as cover' })).toHaveLength(2);
  });

  it('the Photos panel shows each photo by sight; its alt text is written into the Markdown; remove and reorder edit the text', async () => {
    const { user, editor, api } = await openAt();
    api.thumbnails.set('/images/rustconf-recap/rustconf-recap-1.jpg', 'data:image/webp;base64,AAAA');
    drop(editor, [jpeg('a.jpg'), jpeg('b.jpg')]);
    await waitFor(() => expect(editor.value.match(/!\[\]\(/g)).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: 'Choose a cover' }));
    const region = screen.getByRole('region', { name: 'Photos' });
    await waitFor(() => expect(region.querySelectorAll('img[src^="data:image/webp"]')).toHaveLength(1));
    expect(within(region).getByText('Missing image')).toBeInTheDocument();

    await user.type(within(region).getByRole('textbox', { name: 'Alt text for rustconf-recap-1.jpg' }), 'The keynote [[live]');
    expect(editor.value).toContain('![The keynote \\[live\\]](/images/rustconf-recap/rustconf-recap-1.jpg)');
    await user.click(within(region).getByRole('button', { name: 'Move rustconf-recap-1.jpg later' }));
    expect(editor.value.indexOf('rustconf-recap-2.jpg')).toBeLessThan(editor.value.indexOf('rustconf-recap-1.jpg'));
    await user.click(within(region).getByRole('button', { name: 'Remove rustconf-recap-2.jpg from the post' }));
    expect(editor.value).not.toContain('rustconf-recap-2.jpg');
    expect(within(within(region).getByRole('list', { name: 'Photos of this post' })).getAllByRole('listitem')).toHaveLength(1);

    await user.click(within(region).getByRole('button', { name: 'Insert gallery' }));
    await waitFor(() => expect(editor.value).toContain('<figure>\n  <img src="/images/rustconf-recap/rustconf-recap-1.jpg" alt="The keynote [live]">\n</figure>'));
  });

  it('"Insert gallery" is a command: the Commands dialog lists it and running it inserts the gallery at the caret', async () => {
    const { user, editor } = await openAt();
    drop(editor, [jpeg('a.jpg'), jpeg('b.jpg')]);
    await waitFor(() => expect(editor.value.match(/!\[\]\(/g)).toHaveLength(2));
    // The import puts the caret in the first photo's alt text when it is done; then the author moves it.
    await screen.findByText(/Added 2 photos/);
    await waitFor(() => expect(editor.selectionStart).toBe(editor.value.indexOf('![') + 2));
    await user.click(editor);
    // The caret at the end of the text (jsdom moves no caret for Ctrl+End).
    editor.setSelectionRange(editor.value.length, editor.value.length);
    await user.keyboard('{Control>}{Shift>}p{/Shift}{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Commands' });
    const option = within(dialog).getByRole('option', { name: /^Insert gallery/ });
    expect(option).not.toHaveAttribute('aria-disabled', 'true');
    await user.click(option);
    await waitFor(() => expect(editor.value).toMatch(/!\[\]\(\/images\/rustconf-recap\/rustconf-recap-2\.jpg\)\n\n<figure>\n {2}<img src="\/images\/rustconf-recap\/rustconf-recap-1\.jpg" alt="">\n<\/figure>\n\n<figure>\n {2}<img src="\/images\/rustconf-recap\/rustconf-recap-2\.jpg" alt="">\n<\/figure>\n$/));
    expect(screen.queryByRole('dialog', { name: 'Commands' })).not.toBeInTheDocument();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RecapError } from '../../shared/errors';
import { samplePosts } from './fake-api';
import { openPost, postList, renderApp } from './render-app';

const rustconf = samplePosts[2]!;

describe('editing a post', () => {
  it('shows the body in "Markdown" and the front matter block in its own region', async () => {
    const { user } = await renderApp();
    const editor = await openPost(user, 'RustConf recap');
    expect(editor).toHaveValue('Hello **world**.\n');
    const frontMatter = screen.getByRole('region', { name: 'Front matter' });
    await user.click(within(frontMatter).getByRole('button', { name: 'Edit source' }));
    expect(within(frontMatter).getByRole('textbox', { name: 'Front matter source' })).toHaveValue(
      '---\ntitle: RustConf recap\ndate: 2024-05-20\n---\n',
    );
    expect(screen.getByRole('status')).toHaveTextContent('Saved');
    expect(document.title).toBe('RustConf recap — blog — Recap');
  });

  it('typing marks the post unsaved; Ctrl+S saves front matter + body and reads "Saved"', async () => {
    const { user, api } = await renderApp();
    const editor = await openPost(user, 'RustConf recap');
    await user.click(editor);
    await user.keyboard('{Control>}{End}{/Control}More text.');

    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');
    expect(document.title).toBe('• RustConf recap — blog — Recap');
    await waitFor(() =>
      // Fields, not a decorated string: the shell formats the title once (shared/window-title.ts) and names the post itself on close.
      expect(api.callsOf('setDocumentState').at(-1)).toEqual({ title: 'RustConf recap', site: 'blog', dirty: true, language: null }),
    );

    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'));
    const [save] = api.callsOf('savePost');
    expect(save).toEqual({
      path: rustconf.path,
      text: '---\ntitle: RustConf recap\ndate: 2024-05-20\n---\nHello **world**.\nMore text.',
      baseHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(api.files.get(rustconf.path)).toBe(save!.text);
    expect(document.title).toBe('RustConf recap — blog — Recap');

    // The new hash is the base of the next save, so saving twice is no conflict.
    await user.type(editor, '!');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.callsOf('savePost')).toHaveLength(2));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('edits to the front matter source are saved in front of the body', async () => {
    const { user, api } = await renderApp();
    await openPost(user, 'KubeCon notes');
    await user.click(screen.getByRole('button', { name: 'Edit source' }));
    const source = screen.getByRole('textbox', { name: 'Front matter source' });
    await user.clear(source);
    await user.type(source, '---\ntitle: KubeCon 2023\n---\n');
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');
    await user.keyboard('{Meta>}s{/Meta}');
    await waitFor(() => expect(api.callsOf('savePost')).toHaveLength(1));
    expect(api.callsOf('savePost')[0]!.text).toBe('---\ntitle: KubeCon 2023\n---\nPods.\n');
  });

  it('a failed save shows its message and keeps the changes', async () => {
    const { user, api } = await renderApp();
    const editor = await openPost(user, 'RustConf recap');
    await user.type(editor, 'x');
    api.nextSaveError = new RecapError('io', 'The disk is full. Free some space and save again.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The disk is full. Free some space and save again.');
    expect(screen.getByRole('alert')).not.toHaveTextContent(/at \w+ \(/); // no stack
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');
  });

  it('a conflict is reported and the author can overwrite deliberately', async () => {
    const { user, api } = await renderApp();
    const editor = await openPost(user, 'RustConf recap');
    await user.type(editor, 'mine');
    api.files.set(rustconf.path, '---\ntitle: RustConf recap\n---\nChanged elsewhere.\n');
    await user.keyboard('{Control>}s{/Control}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The file changed on disk since you opened it.');
    expect(api.files.get(rustconf.path)).toContain('Changed elsewhere.');

    await user.click(within(alert).getByRole('button', { name: 'Overwrite the file on disk' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'));
    expect(api.files.get(rustconf.path)).toContain('mine');
  });

  it('shows a front matter error with its line', async () => {
    const { user } = await renderApp({
      posts: [
        {
          path: '_posts/2020-01-01-broken.md',
          title: 'Broken',
          date: '2020-01-01',
          text: '---\ntitle: [oops\n---\nBody\n',
          frontMatterError: { message: 'Unexpected end of flow sequence', line: 2 },
        },
      ],
    });
    await openPost(user, 'Broken');
    const region = screen.getByRole('region', { name: 'Front matter' });
    expect(within(region).getByRole('alert')).toHaveTextContent('Line 2: Unexpected end of flow sequence');
  });

  it('a read-only post shows its warning and cannot be edited or saved', async () => {
    const { user, api } = await renderApp({
      posts: [
        {
          path: '_posts/latin1.md',
          title: 'Latin-1',
          date: '2019-01-01',
          text: 'caf\uFFFD\n',
          readOnly: true,
          warnings: ['This file is not UTF-8, so Recap shows it read-only.'],
        },
      ],
    });
    const editor = await openPost(user, 'Latin-1');
    expect(screen.getByRole('alert')).toHaveTextContent('This file is not UTF-8, so Recap shows it read-only.');
    expect(editor).toHaveAttribute('readonly');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.type(editor, 'x');
    await user.keyboard('{Control>}s{/Control}');
    expect(editor).toHaveValue('caf\uFFFD\n');
    expect(api.callsOf('savePost')).toHaveLength(0);
  });
});

describe('leaving a post with unsaved changes', () => {
  async function dirtyThenSwitch() {
    const app = await renderApp();
    const editor = await openPost(app.user, 'RustConf recap');
    await app.user.type(editor, 'edit');
    const list = await postList();
    await app.user.click(within(list).getByRole('option', { name: 'An old talk' }));
    const dialog = screen.getByRole('dialog', { name: 'Unsaved changes' });
    return { ...app, dialog };
  }

  it('Cancel stays on the post with the edits', async () => {
    const { user, dialog, api } = await dirtyThenSwitch();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'RustConf recap' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Markdown' })).toHaveValue('Hello **world**.\nedit');
    expect(api.callsOf('readPost')).toHaveLength(1);
    expect(api.callsOf('savePost')).toHaveLength(0);
  });

  it('Discard opens the other post without saving', async () => {
    const { user, dialog, api } = await dirtyThenSwitch();
    await user.click(within(dialog).getByRole('button', { name: 'Discard' }));
    expect(await screen.findByRole('heading', { name: 'An old talk' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Markdown' })).toHaveValue('Old body.\n'));
    expect(api.callsOf('savePost')).toHaveLength(0);
    expect(api.files.get(rustconf.path)).toBe(rustconf.text);
  });

  it('Save writes the edits, then opens the other post', async () => {
    const { user, dialog, api } = await dirtyThenSwitch();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('heading', { name: 'An old talk' })).toBeInTheDocument();
    expect(api.callsOf('savePost')).toHaveLength(1);
    expect(api.files.get(rustconf.path)).toBe('---\ntitle: RustConf recap\ndate: 2024-05-20\n---\nHello **world**.\nedit');
    expect(screen.getByRole('status')).toHaveTextContent('Saved');
  });

  it('a clean post switches without asking', async () => {
    const { user } = await renderApp();
    await openPost(user, 'RustConf recap');
    const list = await postList();
    await user.click(within(list).getByRole('option', { name: 'An old talk' }));
    expect(await screen.findByRole('heading', { name: 'An old talk' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openPost, postList, renderApp } from './render-app';

describe('with no folder open', () => {
  it('offers "Open a folder" and the recent folders as buttons', async () => {
    const { user, api } = await renderApp({
      session: { site: null, recent: ['/home/ada/blog', '/home/ada/talks'] },
      posts: [],
    });
    expect(await screen.findByRole('heading', { name: 'Open a folder' })).toBeInTheDocument();
    expect(document.title).toBe('Recap');
    await user.click(screen.getByRole('button', { name: '/home/ada/talks' }));
    expect(api.callsOf('openFolder')).toEqual([{ path: '/home/ada/talks' }]);
    expect(await screen.findByRole('navigation', { name: 'Posts' })).toBeInTheDocument();
  });

  it('the chooser button and the File menu ask the shell for a folder', async () => {
    const { user, api } = await renderApp({ session: { site: null, recent: [] }, posts: [] });
    await user.click(await screen.findByRole('button', { name: 'Choose folder…' }));
    await waitFor(() => expect(api.callsOf('openFolder')).toEqual([{}]));
  });

  it('in browser mode explains `recap serve <folder>` instead of a chooser', async () => {
    await renderApp({ session: { mode: 'browser', site: null, recent: [], canChooseFolder: false }, posts: [] });
    expect(await screen.findByRole('heading', { name: 'Open a folder' })).toBeInTheDocument();
    expect(screen.getByText(/recap serve <folder>/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Choose folder…' })).not.toBeInTheDocument();
  });

  it('a folder opened from the native menu replaces the session and lists its posts', async () => {
    const { api } = await renderApp({ session: { site: null, recent: [] }, posts: [] });
    await screen.findByRole('heading', { name: 'Open a folder' });
    api.posts = [{ path: '_posts/2020-02-02-a.md', title: 'From the menu', date: '2020-02-02', text: 'Hi\n' }];
    api.files.set('_posts/2020-02-02-a.md', 'Hi\n');
    api.emit('session', { mode: 'electron', site: { root: '/srv/site', name: 'site', kind: 'hugo' }, recent: ['/srv/site'], canChooseFolder: true });
    const list = await postList();
    expect(await within(list).findByRole('option', { name: 'From the menu' })).toBeInTheDocument();
  });
});

describe('menu commands', () => {
  it('File › Save saves the open post', async () => {
    const { user, api } = await renderApp();
    const editor = await openPost(user, 'RustConf recap');
    await user.type(editor, '!');
    api.emit('menu', 'save');
    await waitFor(() => expect(api.callsOf('savePost')).toHaveLength(1));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'));
  });

  it('File › New Post opens the "New post" dialog', async () => {
    const { api } = await renderApp();
    await postList();
    api.emit('menu', 'new-post');
    expect(await screen.findByRole('dialog', { name: 'New post' })).toBeInTheDocument();
  });

  it('File › Open Folder asks about unsaved changes first', async () => {
    const { user, api } = await renderApp();
    const editor = await openPost(user, 'RustConf recap');
    await user.type(editor, '!');
    api.emit('menu', 'open-folder');
    const dialog = await screen.findByRole('dialog', { name: 'Unsaved changes' });
    expect(api.callsOf('openFolder')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(api.callsOf('openFolder')).toEqual([{}]));
  });
});

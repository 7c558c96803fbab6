import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeHash, samplePosts } from './fake-api';
import { openPost, postList, renderApp } from './render-app';

const rustconf = samplePosts[2]!;
const THEIRS = '---\ntitle: RustConf recap\ndate: 2024-05-20\n---\nHello **world**, edited in another editor.\n';

describe('a post changed on disk by another program', () => {
  it('without unsaved edits it reloads in place', async () => {
    const { user, api } = await renderApp();
    const editor = await openPost(user, 'RustConf recap');
    api.files.set(rustconf.path, THEIRS);
    act(() => api.emit('postsChanged', { paths: [rustconf.path], overflow: false }));
    await waitFor(() => expect(editor).toHaveValue('Hello **world**, edited in another editor.\n'));
    expect(screen.getByRole('status')).toHaveTextContent('Saved');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('our own save reported by the watcher changes nothing', async () => {
    const { user, api } = await renderApp();
    const editor = await openPost(user, 'RustConf recap');
    await user.type(editor, '!');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'));
    act(() => api.emit('postsChanged', { paths: [rustconf.path], overflow: false }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(editor).toHaveValue('Hello **world**.\n!');
  });

  it('with unsaved edits it says "Changed on disk"; Compare shows the lines; Keep mine makes the next save replace it', async () => {
    const { user, api } = await renderApp();
    const editor = await openPost(user, 'RustConf recap');
    await user.type(editor, 'Mine.');
    api.files.set(rustconf.path, THEIRS);
    act(() => api.emit('postsChanged', { paths: ['_posts'], overflow: false }));

    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Changed on disk');
    expect(editor).toHaveValue('Hello **world**.\nMine.');

    await user.click(within(banner).getByRole('button', { name: 'Compare' }));
    const diff = within(banner).getByRole('group', { name: 'The file on disk compared with your text' });
    expect(within(diff).getByText('Hello **world**, edited in another editor.').closest('del')).not.toBeNull();
    expect(within(diff).getByText('Mine.').closest('ins')).not.toBeNull();

    await user.click(within(banner).getByRole('button', { name: 'Keep mine' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'));
    expect(api.callsOf('savePost').at(-1)!.baseHash).toBe(fakeHash(THEIRS));
    expect(api.files.get(rustconf.path)).toBe('---\ntitle: RustConf recap\ndate: 2024-05-20\n---\nHello **world**.\nMine.');
  });

  it('Load theirs drops the edits and shows the file on disk', async () => {
    const { user, api } = await renderApp();
    const editor = await openPost(user, 'RustConf recap');
    await user.type(editor, 'Mine.');
    api.files.set(rustconf.path, THEIRS);
    act(() => api.emit('postsChanged', { paths: [], overflow: true }));
    const banner = await screen.findByRole('alert');
    await user.click(within(banner).getByRole('button', { name: 'Load theirs' }));
    expect(editor).toHaveValue('Hello **world**, edited in another editor.\n');
    expect(screen.getByRole('status')).toHaveTextContent('Saved');
    // The tab forgets its own journal slot (issue 18.3).
    await waitFor(() => expect(api.callsOf('discardDraft')).toContainEqual({ path: rustconf.path, tab: expect.stringMatching(/^[0-9a-f]{16}$/) }));
  });

  it('a deleted open post says "Deleted on disk" and Save again recreates it', async () => {
    const { user, api } = await renderApp();
    const editor = await openPost(user, 'RustConf recap');
    await user.type(editor, 'Keep this.');
    api.files.delete(rustconf.path);
    act(() => api.emit('postsChanged', { paths: [rustconf.path], overflow: false }));
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Deleted on disk');
    await user.click(within(banner).getByRole('button', { name: 'Save again' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'));
    expect(api.callsOf('savePost').at(-1)).toMatchObject({ path: rustconf.path, recreate: true });
    expect(api.files.get(rustconf.path)).toContain('Keep this.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('a deleted open post can be closed', async () => {
    const { user, api } = await renderApp();
    await openPost(user, 'RustConf recap');
    api.files.delete(rustconf.path);
    act(() => api.emit('postsChanged', { paths: [rustconf.path], overflow: false }));
    const banner = await screen.findByRole('alert');
    await user.click(within(banner).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Markdown' })).not.toBeInTheDocument());
  });

  it('the post list shows a post that appeared on disk', async () => {
    const { api } = await renderApp();
    const list = await postList();
    await within(list).findAllByRole('option');
    api.posts.push({ path: '_posts/2025-01-01-new.md', title: 'Written elsewhere', date: '2025-01-01', text: '---\ntitle: Written elsewhere\n---\n' });
    act(() => api.emit('postsChanged', { paths: ['_posts/2025-01-01-new.md'], overflow: false }));
    expect(await within(list).findByRole('option', { name: 'Written elsewhere' })).toBeInTheDocument();
  });
});

describe('journaling unsaved text', () => {
  it('typing is journaled within a second, with the full text and its base', async () => {
    const { user, api } = await renderApp();
    const editor = await openPost(user, 'RustConf recap');
    await user.type(editor, 'Unsaved.');
    await waitFor(() => expect(api.journal.get(rustconf.path)?.text).toBe('---\ntitle: RustConf recap\ndate: 2024-05-20\n---\nHello **world**.\nUnsaved.'), {
      timeout: 1000,
    });
    expect(api.journal.get(rustconf.path)?.baseHash).toBe(fakeHash(rustconf.text));
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(api.journal.has(rustconf.path)).toBe(false));
  });
});

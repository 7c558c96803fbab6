import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openPost, postList, renderApp } from './render-app';

describe('the post list', () => {
  it('lists posts newest first, undated drafts last, each named by its title', async () => {
    await renderApp();
    const list = await postList();
    const options = await within(list).findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      expect.stringContaining('RustConf recap'),
      expect.stringContaining('KubeCon notes'),
      expect.stringContaining('An old talk'),
      expect.stringContaining('Next meetup'),
    ]);
    // The accessible name is the title alone; date and badge are the description.
    expect(within(list).getByRole('option', { name: 'RustConf recap' })).toHaveAccessibleDescription(/2024/);
    expect(within(list).getByRole('option', { name: 'Next meetup' })).toHaveAccessibleDescription(/Draft/);
    expect(within(list).getByRole('option', { name: 'RustConf recap' })).not.toHaveAccessibleDescription(/Draft/);
  });

  it('filters by title, path and tag as you type', async () => {
    const { user } = await renderApp();
    const list = await postList();
    await within(list).findAllByRole('option');
    const search = screen.getByRole('searchbox', { name: 'Search posts' });

    await user.type(search, 'kube');
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(1));
    expect(within(list).getByRole('option', { name: 'KubeCon notes' })).toBeInTheDocument();

    await user.clear(search);
    await user.type(search, '_drafts');
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(1));
    expect(within(list).getByRole('option', { name: 'Next meetup' })).toBeInTheDocument();

    await user.clear(search);
    await user.type(search, 'conference');
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(2));
    expect(within(list).getByRole('option', { name: 'RustConf recap' })).toBeInTheDocument();
    expect(within(list).getByRole('option', { name: 'An old talk' })).toBeInTheDocument();
  });

  it('arrow keys move through the results and Enter opens the highlighted post', async () => {
    const { user, api } = await renderApp();
    const list = await postList();
    await within(list).findAllByRole('option');
    const search = screen.getByRole('searchbox', { name: 'Search posts' });

    await user.type(search, 'conference');
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(2));
    expect(within(list).queryByRole('option', { selected: true })).not.toBeInTheDocument();

    await user.keyboard('{ArrowDown}');
    expect(within(list).getByRole('option', { name: 'RustConf recap' })).toHaveAttribute('aria-selected', 'true');
    expect(search).toHaveAttribute('aria-activedescendant', within(list).getByRole('option', { name: 'RustConf recap' }).id);
    await user.keyboard('{ArrowDown}');
    expect(within(list).getByRole('option', { name: 'An old talk' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(within(list).getByRole('option', { name: 'An old talk' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}{ArrowDown}{Enter}');

    expect(await screen.findByRole('heading', { name: 'An old talk' }, { timeout: 5000 })).toBeInTheDocument();
    expect(api.callsOf('readPost')).toEqual([{ path: '_posts/2021-03-04-old-talk.md' }]);
  });

  it('Enter with nothing highlighted opens the first match', async () => {
    const { user } = await renderApp();
    const list = await postList();
    await within(list).findAllByRole('option');
    await user.type(screen.getByRole('searchbox', { name: 'Search posts' }), 'meetup{Enter}');
    expect(await screen.findByRole('heading', { name: 'Next meetup' })).toBeInTheDocument();
  });

  it('"New post" opens dialog "New post" (see new-post.test.tsx)', async () => {
    const { user } = await renderApp();
    const nav = await screen.findByRole('navigation', { name: 'Posts' });
    await user.click(within(nav).getByRole('button', { name: 'New post' }));
    const dialog = screen.getByRole('dialog', { name: 'New post' });
    expect(within(dialog).getByRole('textbox', { name: 'Title' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('the find-post menu command focuses the search box', async () => {
    const { api, user } = await renderApp();
    await openPost(user, 'KubeCon notes');
    api.emit('menu', 'find-post');
    expect(screen.getByRole('searchbox', { name: 'Search posts' })).toHaveFocus();
  });
});

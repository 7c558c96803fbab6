import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RecapError } from '../../shared/errors';
import { localToday } from '../../renderer/posts/NewPostDialog';
import { postList, renderApp } from './render-app';

async function openNewPost() {
  const app = await renderApp();
  const nav = await screen.findByRole('navigation', { name: 'Posts' });
  await app.user.click(within(nav).getByRole('button', { name: 'New post' }));
  return { ...app, dialog: screen.getByRole('dialog', { name: 'New post' }) };
}

describe('dialog "New post"', () => {
  it('asks for a title, a date (today) and whether it is a draft; focus starts on the title', async () => {
    const { dialog } = await openNewPost();
    const title = within(dialog).getByRole('textbox', { name: 'Title' });
    expect(title).toHaveFocus();
    expect(within(dialog).getByLabelText('Date')).toHaveValue(localToday());
    expect(within(dialog).getByRole('checkbox', { name: 'Draft' })).not.toBeChecked();
  });

  it('Create makes the post, lists it and opens it', async () => {
    const { user, api, dialog } = await openNewPost();
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'My first talk');
    const path = `_posts/${localToday()}-my-first-talk.md`;
    // The dialog names the file before anything is made.
    expect(await within(dialog).findByText(path)).toBeInTheDocument();
    expect(api.callsOf('createPost')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(api.callsOf('createPost')).toEqual([{ title: 'My first talk', draft: false, date: localToday() }]);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New post' })).not.toBeInTheDocument());
    expect(await within(await postList()).findByRole('option', { name: 'My first talk' })).toHaveAttribute('aria-current', 'true');
    const region = await screen.findByRole('region', { name: 'Front matter' }, { timeout: 15_000 });
    expect(within(region).getByRole('textbox', { name: 'Title' })).toHaveValue('My first talk');
    expect(api.callsOf('readPost').at(-1)).toEqual({ path });
  });

  it('Enter in the title creates too; a draft without a chosen date leaves the date to the site', async () => {
    const { user, api, dialog } = await openNewPost();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Draft' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Meetup ideas{Enter}');
    await waitFor(() => expect(api.callsOf('createPost')).toEqual([{ title: 'Meetup ideas', draft: true }]));
  });

  it('an empty title is refused in the dialog, without asking the site', async () => {
    const { user, api, dialog } = await openNewPost();
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    const title = within(dialog).getByRole('textbox', { name: 'Title' });
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('A title is required.');
    expect(title).toHaveFocus();
    expect(api.callsOf('createPost')).toHaveLength(0);
  });

  it('an error from the site is shown in the dialog, which stays open', async () => {
    const { user, api, dialog } = await openNewPost();
    api.createPost = async () => {
      throw new RecapError('io', 'Could not create _posts/2024-01-01-x.md (EACCES).');
    };
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'x');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Could not create _posts/2024-01-01-x.md (EACCES).');
    expect(within(dialog).getByRole('button', { name: 'Create' })).toBeEnabled();
  });

  it('Cancel and Escape close it; the menu command "new-post" opens it', async () => {
    const { user, api, dialog } = await openNewPost();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    act(() => api.emit('menu', 'new-post'));
    expect(screen.getByRole('dialog', { name: 'New post' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.callsOf('createPost')).toHaveLength(0);
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { localToday } from '../../renderer/posts/NewPostDialog';
import { postList, renderApp } from './render-app';

async function openEventDialog() {
  const app = await renderApp();
  app.api.eventCategories = ['events', 'cloud-native'];
  const nav = await screen.findByRole('navigation', { name: 'Posts' });
  await app.user.click(within(nav).getByRole('button', { name: 'New post' }));
  const dialog = screen.getByRole('dialog', { name: 'New post' });
  await app.user.click(within(dialog).getByRole('checkbox', { name: 'Event write-up' }));
  return { ...app, dialog };
}

describe('dialog "New post", "Event write-up"', () => {
  it('is a choice that reveals the event’s name, city and dates', async () => {
    const app = await renderApp();
    await app.user.click(within(await screen.findByRole('navigation', { name: 'Posts' })).getByRole('button', { name: 'New post' }));
    const dialog = screen.getByRole('dialog', { name: 'New post' });
    expect(within(dialog).queryByRole('textbox', { name: 'Event name' })).not.toBeInTheDocument();
    await app.user.click(within(dialog).getByRole('checkbox', { name: 'Event write-up' }));
    expect(within(dialog).getByRole('textbox', { name: 'Event name' })).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'City' })).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Start date')).toHaveAttribute('type', 'date');
    expect(within(dialog).getByLabelText('End date')).toHaveAttribute('type', 'date');
  });

  it('suggests the title as you type, shows the categories, and Create makes and opens the post', async () => {
    const { user, api, dialog } = await openEventDialog();
    await user.type(within(dialog).getByRole('textbox', { name: 'Event name' }), 'KubeCon');
    await user.type(within(dialog).getByRole('textbox', { name: 'City' }), 'Paris');
    const title = within(dialog).getByRole('textbox', { name: 'Title' });
    await waitFor(() => expect(title).toHaveValue('KubeCon Paris highlights'));
    expect(within(dialog).getByText('Categories: events, cloud-native')).toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText('Start date'), { target: { value: '2024-03-19' } });
    fireEvent.change(within(dialog).getByLabelText('End date'), { target: { value: '2024-03-22' } });
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(api.callsOf('createEventPost')).toEqual([
      { eventName: 'KubeCon', city: 'Paris', startDate: '2024-03-19', endDate: '2024-03-22', draft: false, date: localToday(), title: 'KubeCon Paris highlights' },
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New post' })).not.toBeInTheDocument());
    expect(await within(await postList()).findByRole('option', { name: 'KubeCon Paris highlights' })).toHaveAttribute('aria-current', 'true');
    const editor = (await screen.findByRole('textbox', { name: 'Markdown' }, { timeout: 15_000 })) as HTMLTextAreaElement;
    await waitFor(() => expect(editor.value).toContain('## Highlights'));
    const path = `_posts/${localToday()}-kubecon-paris-highlights.md`;
    expect(api.files.get(path)).toContain('categories: [events, cloud-native]');
  });

  it('once the author edits the title, suggestions stop overwriting it', async () => {
    const { user, api, dialog } = await openEventDialog();
    await user.type(within(dialog).getByRole('textbox', { name: 'Event name' }), 'FOSDEM');
    const title = within(dialog).getByRole('textbox', { name: 'Title' });
    await waitFor(() => expect(title).toHaveValue('FOSDEM highlights'));
    await user.clear(title);
    await user.type(title, 'My FOSDEM');
    await user.type(within(dialog).getByRole('textbox', { name: 'City' }), 'Brussels');
    await waitFor(() => expect(api.callsOf('eventPostDefaults').at(-1)).toEqual({ eventName: 'FOSDEM', city: 'Brussels' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(title).toHaveValue('My FOSDEM');
  });

  it('Create without the event’s name or start date says which is missing and moves there', async () => {
    const { user, api, dialog } = await openEventDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    const name = within(dialog).getByRole('textbox', { name: 'Event name' });
    expect(within(dialog).getByText('The event’s name is required.')).toBeInTheDocument();
    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAttribute('aria-invalid', 'true');
    await user.type(name, 'RustConf');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByText('The start date is required.')).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByLabelText('Start date')).toHaveFocus());
    expect(api.callsOf('createEventPost')).toHaveLength(0);
  });
});

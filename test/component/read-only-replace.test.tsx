import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openPost, renderApp } from './render-app';

const PATH = '_posts/2024-03-01-locked.md';
const TEXT = '---\ntitle: Locked talk\n---\nBody.\n';

async function openLocked(readOnlyReason: 'permissions' | 'encoding') {
  const app = await renderApp({
    posts: [
      {
        path: PATH,
        title: 'Locked talk',
        date: '2024-03-01',
        text: TEXT,
        readOnly: true,
        readOnlyReason,
        warnings: [readOnlyReason === 'permissions' ? `${PATH} is read-only on disk (its permissions do not let you change it).` : `${PATH} is not valid UTF-8.`],
      },
    ],
  });
  const editor = await openPost(app.user, 'Locked talk');
  return { ...app, editor };
}

describe('a post that is read-only on disk', () => {
  it('offers "Edit anyway"; the first save asks before replacing the file, later saves do not', async () => {
    const { user, api, editor } = await openLocked('permissions');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('read-only on disk');
    expect(editor).toHaveAttribute('readonly');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();

    await user.click(within(alert).getByRole('button', { name: 'Edit anyway' }));
    expect(screen.queryByRole('button', { name: 'Edit anyway' })).not.toBeInTheDocument();
    expect(editor).not.toHaveAttribute('readonly');
    await user.click(editor);
    await user.keyboard('{Control>}{End}{/Control}More.');
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');

    // Cancel leaves the file alone and the edits in place.
    await user.keyboard('{Control>}s{/Control}');
    const dialog = screen.getByRole('dialog', { name: 'Replace the read-only file?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.callsOf('savePost')).toHaveLength(0);
    expect(api.files.get(PATH)).toBe(TEXT);
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Replace the read-only file?' })).getByRole('button', { name: 'Replace' }));
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    expect(api.files.get(PATH)).toBe(`${TEXT}More.`);
    expect(api.callsOf('savePost').map((call) => call.replaceReadOnly)).toEqual([true]);

    // Asked once: the next save goes straight through.
    await user.click(editor);
    await user.keyboard('{Control>}{End}{/Control} Again.');
    await user.keyboard('{Control>}s{/Control}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    expect(api.files.get(PATH)).toBe(`${TEXT}More. Again.`);
    expect(api.callsOf('savePost').map((call) => call.replaceReadOnly)).toEqual([true, true]);
  });

  it('a post that is not UTF-8 stays locked: no "Edit anyway"', async () => {
    const { editor } = await openLocked('encoding');
    expect(screen.getByRole('alert')).toHaveTextContent('not valid UTF-8');
    expect(screen.queryByRole('button', { name: 'Edit anyway' })).not.toBeInTheDocument();
    expect(editor).toHaveAttribute('readonly');
  });
});

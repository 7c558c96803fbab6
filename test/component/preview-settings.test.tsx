import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openPost, renderApp } from './render-app';

describe('the site\'s preview settings', () => {
  it('are read once for the whole workspace, and a post opened later starts with the switch as left', async () => {
    const { user, api } = await renderApp();
    await openPost(user, 'RustConf recap');
    const on = screen.getByRole('switch', { name: 'Load external content' });
    await waitFor(() => expect(api.callsOf('getPreviewSettings')).toHaveLength(1));
    await user.click(on);
    await waitFor(() => expect(api.callsOf('setPreviewSettings')).toEqual([{ externalContent: true }]));

    await openPost(user, 'An old talk');
    expect(screen.getByRole('switch', { name: 'Load external content' })).toBeChecked();
    expect(api.callsOf('getPreviewSettings')).toHaveLength(1);
  }, 15_000);
});

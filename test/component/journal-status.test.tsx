import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RecapError } from '../../shared/errors';
import { samplePosts } from './fake-api';
import { openPost, renderApp } from './render-app';

const rustconf = samplePosts[2]!;

describe('a journal that cannot be written (issue 18.6)', () => {
  it('says so in the status bar, and clears once journaling works again; each tab journals in its own slot', async () => {
    const { user, api } = await renderApp();
    const editor = await openPost(user, 'RustConf recap');
    api.journalError = new RecapError('io', 'the disk holding Recap’s state folder is full.');
    await user.type(editor, 'Unsaved.');
    const alert = await screen.findByRole('alert', {}, { timeout: 2000 });
    expect(alert).toHaveTextContent('Unsaved changes are not backed up: the disk holding Recap’s state folder is full.');
    expect(api.callsOf('journalDraft')[0]!.tab).toMatch(/^[0-9a-f]{16}$/);

    api.journalError = null;
    await user.type(editor, ' More.');
    await waitFor(() => expect(screen.queryByText(/not backed up/)).not.toBeInTheDocument(), { timeout: 2000 });
    expect(api.journal.get(rustconf.path)?.text).toMatch(/Unsaved\. More\.$/);
  }, 20_000);
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/app/App';
import type { RecoveredDraft } from '../../shared/model';
import { FakeApi, fakeHash, samplePosts } from './fake-api';
import './jsdom-gaps';

const rustconf = samplePosts[2]!;
const oldTalk = samplePosts[0]!;
const DRAFT = rustconf.text + 'Written before the crash.\n';

function appWithDrafts(make: (api: FakeApi) => RecoveredDraft[]) {
  const api = new FakeApi({ posts: samplePosts });
  api.recoveredDrafts = make(api);
  const user = userEvent.setup();
  render(<App api={api} />);
  return { api, user };
}

function draftOf(api: FakeApi, path: string, text: string): RecoveredDraft {
  const disk = api.documentOf(path);
  return { path, text, baseHash: disk?.hash ?? fakeHash('gone'), savedAt: '2024-06-01T10:00:00.000Z', disk };
}

describe('recovering unsaved changes after a crash', () => {
  it('offers each draft with its differences from the file on disk', async () => {
    appWithDrafts((api) => [draftOf(api, rustconf.path, DRAFT), draftOf(api, oldTalk.path, oldTalk.text.replace('Old body.', 'New body.'))]);
    const dialog = await screen.findByRole('dialog', { name: 'Recover unsaved changes' });
    const item = within(dialog).getByRole('listitem', { name: rustconf.path });
    const diff = within(item).getByRole('group', { name: `${rustconf.path}: the file on disk compared with the unsaved text` });
    expect(diff).toHaveTextContent('0 lines removed, 1 added');
    expect(within(diff).getByText('Written before the crash.').closest('ins')).not.toBeNull();
    const other = within(dialog).getByRole('listitem', { name: oldTalk.path });
    expect(within(other).getByText('Old body.').closest('del')).not.toBeNull();
    expect(within(other).getByText('New body.').closest('ins')).not.toBeNull();
  });

  it('Restore opens the post with the recovered text, unsaved', async () => {
    const { user, api } = appWithDrafts((api) => [draftOf(api, rustconf.path, DRAFT)]);
    const dialog = await screen.findByRole('dialog', { name: 'Recover unsaved changes' });
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    const editor = await screen.findByRole('textbox', { name: 'Markdown' }, { timeout: 15_000 });
    expect(editor).toHaveValue('Hello **world**.\nWritten before the crash.\n');
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(api.files.get(rustconf.path)).toBe(DRAFT));
  });

  it('Discard forgets a draft; the dialog closes with the last one', async () => {
    const { user, api } = appWithDrafts((api) => [draftOf(api, rustconf.path, DRAFT), draftOf(api, oldTalk.path, 'other text')]);
    const dialog = await screen.findByRole('dialog', { name: 'Recover unsaved changes' });
    await user.click(within(within(dialog).getByRole('listitem', { name: rustconf.path })).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(within(dialog).queryByRole('listitem', { name: rustconf.path })).not.toBeInTheDocument());
    expect(api.callsOf('discardDraft')).toEqual([{ path: rustconf.path }]);
    await user.click(within(dialog).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.files.get(rustconf.path)).toBe(rustconf.text);
  });

  it('Decide later keeps the drafts, and opening such a post asks again first', async () => {
    const { user } = appWithDrafts((api) => [draftOf(api, rustconf.path, DRAFT)]);
    const dialog = await screen.findByRole('dialog', { name: 'Recover unsaved changes' });
    await user.click(within(dialog).getByRole('button', { name: 'Decide later' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText(/One recovered draft is waiting/)).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Posts' });
    await user.click(within(nav).getByRole('option', { name: 'RustConf recap' }));
    expect(await screen.findByRole('dialog', { name: 'Recover unsaved changes' })).toBeInTheDocument();
  });

  it('a draft of a deleted post restores as "Deleted on disk", ready to save again', async () => {
    const { user, api } = appWithDrafts((api) => {
      const draft = draftOf(api, rustconf.path, DRAFT);
      api.files.delete(rustconf.path);
      return [{ ...draft, disk: null }];
    });
    const dialog = await screen.findByRole('dialog', { name: 'Recover unsaved changes' });
    expect(dialog).toHaveTextContent('The file is no longer on disk');
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    const banner = await screen.findByRole('alert', {}, { timeout: 15_000 });
    expect(banner).toHaveTextContent('Deleted on disk');
    await user.click(within(banner).getByRole('button', { name: 'Save again' }));
    await waitFor(() => expect(api.files.get(rustconf.path)).toBe(DRAFT));
  });

  it('a draft whose file also changed on disk restores with "Changed on disk"', async () => {
    const { user } = appWithDrafts((api) => {
      const draft = draftOf(api, rustconf.path, DRAFT);
      api.files.set(rustconf.path, rustconf.text.replace('Hello', 'Hi'));
      return [{ ...draft, disk: api.documentOf(rustconf.path) }];
    });
    const dialog = await screen.findByRole('dialog', { name: 'Recover unsaved changes' });
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    const banner = await screen.findByRole('alert', {}, { timeout: 15_000 });
    expect(banner).toHaveTextContent('Changed on disk');
  });
});

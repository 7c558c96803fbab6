/** Browser mode without a folder shows the desktop app's start screen: a typed path with folder completion, the sample site (issue 12.7). */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { postList, renderApp } from './render-app';

const startScreen = { mode: 'browser' as const, site: null, recent: ['/home/ada/blog'], canChooseFolder: false, canTypeFolder: true, canOpenSample: true };

describe('browser mode started without a folder', () => {
  it('completes a typed path with Tab as far as the folders agree, and opens it', async () => {
    const { user, api } = await renderApp({ session: startScreen, posts: [] });
    api.folders['/home/ada'] = ['sites', 'site-drafts', 'talks'];
    api.folders['/home/ada/sites'] = ['my-blog'];
    const input = await screen.findByRole('combobox', { name: 'Folder path' });
    expect(screen.getByRole('button', { name: '/home/ada/blog' })).toBeInTheDocument();
    await user.type(input, '/home/ada/si');
    await waitFor(() => expect(api.callsOf('listFolders')).toContainEqual({ path: '/home/ada/si' }));
    await user.keyboard('{Tab}');
    expect(input).toHaveValue('/home/ada/site');
    await user.type(input, 's/');
    await waitFor(() => expect(api.callsOf('listFolders')).toContainEqual({ path: '/home/ada/sites/' }));
    await user.keyboard('{Tab}');
    expect(input).toHaveValue('/home/ada/sites/my-blog/');
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(api.callsOf('openFolder')).toEqual([{ path: '/home/ada/sites/my-blog/' }]);
    expect(await screen.findByRole('navigation', { name: 'Posts' })).toBeInTheDocument();
  });

  it('"Try the sample site" opens the sample copy', async () => {
    const { user, api } = await renderApp({ session: startScreen, posts: [] });
    api.posts = [{ path: '_posts/2024-05-16-rustconf-lightning-talks.md', title: 'RustConf lightning talks', date: '2024-05-16', text: 'Eight talks\n' }];
    api.files.set('_posts/2024-05-16-rustconf-lightning-talks.md', 'Eight talks\n');
    await user.click(await screen.findByRole('button', { name: 'Try the sample site' }));
    expect(api.callsOf('openSampleSite')).toEqual([{}]);
    expect(await within(await postList()).findByRole('option', { name: 'RustConf lightning talks' })).toBeInTheDocument();
  });

  it('a server that serves one folder offers neither', async () => {
    await renderApp({ session: { mode: 'browser', site: null, recent: [], canChooseFolder: false }, posts: [] });
    await screen.findByRole('heading', { name: 'Open a folder' });
    expect(screen.queryByRole('combobox', { name: 'Folder path' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try the sample site' })).not.toBeInTheDocument();
  });
});

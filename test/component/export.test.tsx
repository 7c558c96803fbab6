import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/app/App';
import { RecapError } from '../../shared/errors';
import type { ExportPreview, GitStatus } from '../../shared/export';
import { FakeApi, samplePosts } from './fake-api';
import { openPost, postList } from './render-app';

const rustconf = samplePosts[2]!;
const kubecon = samplePosts[3]!;
const oldTalk = samplePosts[0]!;
const IMAGE = 'images/2024-rustconf/stage.jpg';

const repo: GitStatus = {
  repo: true,
  branch: 'main',
  problems: [],
  posts: { [rustconf.path]: 'new', [kubecon.path]: 'modified', [oldTalk.path]: 'committed' },
};

/** What the git service would say about exporting the RustConf post: the post and a new image it references. */
function preview(overrides: Partial<ExportPreview> = {}): ExportPreview {
  return {
    title: 'RustConf recap',
    files: [
      {
        path: rustconf.path,
        repoPath: rustconf.path,
        kind: 'post',
        status: 'new',
        diff: `--- /dev/null\n+++ b/${rustconf.path}\n@@ -0,0 +1,5 @@\n+---\n+title: RustConf recap\n`,
        diffTruncated: false,
        selected: true,
      },
      { path: IMAGE, repoPath: IMAGE, kind: 'image', status: 'new', diff: `Binary files /dev/null and b/${IMAGE} differ\n`, diffTruncated: false, selected: true },
    ],
    skipped: [],
    message: 'Add post: RustConf recap',
    branches: { current: 'main', suggested: 'post/rustconf-recap', suggestedExists: false },
    remotes: ['origin', 'upstream'],
    defaultRemote: 'origin',
    target: { kind: 'site', root: '/home/ada/blog' },
    problems: [],
    checkErrors: [],
    ...overrides,
  };
}

/** The app on a site in git, with the RustConf post open. */
async function setUp(configure: (api: FakeApi) => void = () => undefined) {
  const api = new FakeApi({ posts: samplePosts });
  api.git = repo;
  api.exportPreviewResult = preview();
  configure(api);
  const user = userEvent.setup();
  render(<App api={api} />);
  const editor = await openPost(user, 'RustConf recap');
  return { api, user, editor };
}

/** Opens dialog "Export" and waits for the preview (or its failure). */
async function openExport(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Export' }));
  return screen.findByRole('dialog', { name: 'Export' });
}

async function openReadyExport(user: ReturnType<typeof userEvent.setup>) {
  const dialog = await openExport(user);
  await within(dialog).findByRole('group', { name: 'Files' });
  return dialog;
}

describe('dialog "Export"', () => {
  it('lists the post and its images with checkboxes and diffs; unticking one commits only the others', async () => {
    const { api, user } = await setUp();
    const dialog = await openReadyExport(user);
    expect(api.callsOf('exportPreview')).toEqual([{ path: rustconf.path }]);

    const post = within(dialog).getByRole('checkbox', { name: rustconf.path });
    const image = within(dialog).getByRole('checkbox', { name: IMAGE });
    expect(post).toBeChecked();
    expect(post).toHaveAccessibleDescription('new');
    expect(image).toBeChecked();

    // One collapsed diff per file.
    const diffs = within(dialog).getAllByText(/^Diff/, { selector: 'summary' });
    expect(diffs.map((summary) => summary.textContent)).toEqual([`Diff of ${rustconf.path}`, `Diff of ${IMAGE}`]);
    expect(diffs[0]!.closest('details')).not.toHaveAttribute('open');
    await user.click(diffs[0]!);
    expect(diffs[0]!.closest('details')).toHaveAttribute('open');
    expect(within(dialog).getByText(/\+title: RustConf recap/, { selector: 'pre' })).toBeInTheDocument();

    await user.click(image);
    await user.click(within(dialog).getByRole('button', { name: 'Commit' }));
    await waitFor(() => expect(api.callsOf('exportPost')).toHaveLength(1));
    expect(api.callsOf('exportPost')[0]).toEqual({
      path: rustconf.path,
      files: [rustconf.path],
      message: 'Add post: RustConf recap',
      branch: { kind: 'new', name: 'post/rustconf-recap' },
    });
    expect(await within(dialog).findByText(/Committed/)).toHaveTextContent('Committed c0ffee0 on post/rustconf-recap.');
  });

  it('pushing to the branch the site publishes from needs a confirmation (issue 12.4)', async () => {
    const { api, user } = await setUp((fake) => (fake.exportPreviewResult = preview({ publishing: ['main', 'gh-pages'] })));
    const dialog = await openReadyExport(user);
    await user.click(within(dialog).getByRole('radio', { name: 'Current branch (main)' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Push after commit' }));
    const commit = within(dialog).getByRole('button', { name: 'Commit and push' });
    expect(commit).toBeDisabled();
    expect(commit).toHaveAccessibleDescription('Confirm the push to main: it publishes the site.');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Publish: push to main, the branch the site is published from' }));
    await user.click(commit);
    await waitFor(() => expect(api.callsOf('exportPost')).toHaveLength(1));
    expect(api.callsOf('exportPost')[0]).toMatchObject({ branch: { kind: 'current' }, push: { remote: 'origin' }, confirmPublish: true });
  });

  it('prefills the commit message from the title, and sends the edited one', async () => {
    const { api, user } = await setUp();
    const dialog = await openReadyExport(user);
    const message = within(dialog).getByRole('textbox', { name: 'Commit message' });
    expect(message).toHaveValue('Add post: RustConf recap');
    await user.clear(message);
    await user.type(message, 'Add the RustConf write-up');
    await user.click(within(dialog).getByRole('button', { name: 'Commit' }));
    await waitFor(() => expect(api.callsOf('exportPost')).toHaveLength(1));
    expect(api.callsOf('exportPost')[0]!.message).toBe('Add the RustConf write-up');
  });

  it('an empty message, no file or no branch name disables Commit and says why', async () => {
    const { user } = await setUp();
    const dialog = await openReadyExport(user);
    await user.clear(within(dialog).getByRole('textbox', { name: 'Commit message' }));
    const commit = within(dialog).getByRole('button', { name: 'Commit' });
    expect(commit).toBeDisabled();
    expect(commit).toHaveAccessibleDescription('Write a commit message.');
  });

  it('a post committed as it is has nothing to export, and says so', async () => {
    const { user } = await setUp((api) => {
      const [post] = preview().files;
      api.exportPreviewResult = preview({ files: [{ ...post!, status: 'committed', diff: '', selected: false }], message: 'Update post: RustConf recap' });
    });
    const dialog = await openReadyExport(user);
    expect(within(dialog).getByRole('checkbox', { name: rustconf.path })).toHaveAccessibleDescription('unchanged');
    expect(within(dialog).queryByText(/^Diff/)).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Commit' })).toHaveAccessibleDescription(/Nothing to export/);
  });

  it('offers a new branch named post/<slug>, editable, or the current branch', async () => {
    const { api, user } = await setUp();
    const dialog = await openReadyExport(user);
    const branches = within(dialog).getByRole('group', { name: 'Branch' });
    expect(within(branches).getByRole('radio', { name: 'New branch' })).toBeChecked();
    const name = within(branches).getByRole('textbox', { name: 'Branch name' });
    expect(name).toHaveValue('post/rustconf-recap');
    await user.clear(name);
    await user.type(name, 'review/rustconf');
    await user.click(within(dialog).getByRole('button', { name: 'Commit' }));
    await waitFor(() => expect(api.callsOf('exportPost')).toHaveLength(1));
    expect(api.callsOf('exportPost')[0]!.branch).toEqual({ kind: 'new', name: 'review/rustconf' });
  });

  it('commits on the current branch when chosen', async () => {
    const { api, user } = await setUp();
    const dialog = await openReadyExport(user);
    await user.click(within(dialog).getByRole('radio', { name: 'Current branch (main)' }));
    expect(within(dialog).getByRole('textbox', { name: 'Branch name' })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Commit' }));
    await waitFor(() => expect(api.callsOf('exportPost')).toHaveLength(1));
    expect(api.callsOf('exportPost')[0]!.branch).toEqual({ kind: 'current' });
    expect(await within(dialog).findByText(/Committed/)).toHaveTextContent('on main.');
  });

  it('warns when the suggested branch already exists', async () => {
    const { user } = await setUp((api) => {
      api.exportPreviewResult = preview({ branches: { current: 'main', suggested: 'post/rustconf-recap', suggestedExists: true } });
    });
    const dialog = await openReadyExport(user);
    expect(within(dialog).getByRole('textbox', { name: 'Branch name' })).toHaveAccessibleDescription(/post\/rustconf-recap already exists/);
  });

  it('check errors are listed, and committing needs an explicit "Export anyway" (force)', async () => {
    const { api, user } = await setUp((fake) => {
      fake.exportPreviewResult = preview({
        checkErrors: [
          { line: 7, rule: 'empty-link', message: 'The link "slides" has no target.' },
          { line: 12, rule: 'missing-image', message: 'The image /images/gone.png does not exist.' },
        ],
      });
    });
    const dialog = await openReadyExport(user);
    const alert = within(dialog).getByRole('alert');
    expect(alert).toHaveTextContent('The check found 2 errors in this post.');
    expect(alert).toHaveTextContent('Line 7: The link "slides" has no target. empty-link');
    expect(alert).toHaveTextContent('Line 12: The image /images/gone.png does not exist. missing-image');
    expect(within(dialog).queryByRole('button', { name: 'Commit' })).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Export anyway' }));
    await waitFor(() => expect(api.callsOf('exportPost')).toHaveLength(1));
    expect(api.callsOf('exportPost')[0]).toMatchObject({ force: true });
  });

  it('pushes to the chosen remote, showing git progress while it runs', async () => {
    let release = () => undefined as void;
    const { api, user } = await setUp((fake) => {
      fake.exportGate = new Promise<void>((resolve) => (release = resolve));
    });
    const dialog = await openReadyExport(user);
    const remote = within(dialog).getByRole('combobox', { name: 'Remote' });
    expect(remote).toBeDisabled();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Push after commit' }));
    expect(remote).toHaveValue('origin');
    await user.selectOptions(remote, 'upstream');
    await user.click(within(dialog).getByRole('button', { name: 'Commit and push' }));

    const bar = await within(dialog).findByRole('progressbar', { name: 'Export progress' });
    api.emit('exportProgress', { phase: 'push', message: 'Writing objects: 50% (1/2)', percent: 50 });
    await waitFor(() => expect(bar).toHaveAttribute('value', '50'));
    expect(within(dialog).getByRole('status')).toHaveTextContent('Writing objects: 50% (1/2)');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeDisabled();

    release();
    expect(await within(dialog).findByText(/Committed/)).toHaveTextContent('Committed c0ffee0 on post/rustconf-recap and pushed it to upstream.');
    expect(api.callsOf('exportPost')[0]).toMatchObject({ push: { remote: 'upstream' } });
    expect(within(dialog).queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('a rejected push explains itself, shows git\'s message verbatim, and offers "Pull with rebase" then "Push again"', async () => {
    const output = ' ! [rejected]        post/rustconf-recap -> post/rustconf-recap (fetch first)\nerror: failed to push some refs to \'/srv/git/blog.git\'\n';
    const { api, user } = await setUp((fake) => {
      fake.pushOutcomes = [
        {
          ok: false,
          remote: 'origin',
          branch: 'post/rustconf-recap',
          reason: 'rejected',
          explanation: 'The remote branch has commits that are not in yours, so git refused to overwrite them.',
          output,
        },
      ];
    });
    const dialog = await openReadyExport(user);
    await user.click(within(dialog).getByRole('checkbox', { name: 'Push after commit' }));
    await user.click(within(dialog).getByRole('button', { name: 'Commit and push' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Not pushed to origin. The remote branch has commits that are not in yours');
    const pre = within(alert).getByLabelText('Git output');
    expect(pre.tagName).toBe('PRE');
    expect(pre.textContent).toBe(output);
    expect(within(alert).queryByRole('button', { name: 'Push again' })).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Pull with rebase' }));
    await waitFor(() => expect(api.callsOf('pullRebase')).toEqual([{ remote: 'origin', branch: 'post/rustconf-recap' }]));
    await user.click(await within(dialog).findByRole('button', { name: 'Push again' }));
    await waitFor(() => expect(api.callsOf('pushBranch')).toEqual([{ remote: 'origin', branch: 'post/rustconf-recap' }]));
    expect(await within(dialog).findByText(/pushed it to/)).toHaveTextContent('Committed be11ed1 on post/rustconf-recap and pushed it to origin.');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('a refused commit (a hook, say) is shown and the form stays to try again', async () => {
    const { api, user } = await setUp((fake) => {
      fake.exportError = new RecapError('refused', 'The pre-commit hook of this repository stopped the commit. Its output:\nno trailing spaces');
    });
    const dialog = await openReadyExport(user);
    await user.click(within(dialog).getByRole('button', { name: 'Commit' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Not committed. The pre-commit hook of this repository stopped the commit.');
    api.exportError = null;
    await user.click(within(dialog).getByRole('button', { name: 'Commit' }));
    expect(await within(dialog).findByText(/Committed/)).toBeInTheDocument();
  });

  it('with unsaved changes, "Save and continue" saves the post before anything is read', async () => {
    const { api, user, editor } = await setUp();
    await user.type(editor, ' More.');
    const dialog = await openExport(user);
    expect(dialog).toHaveTextContent('“RustConf recap” has unsaved changes.');
    expect(api.callsOf('exportPreview')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Save and continue' }));
    await within(dialog).findByRole('group', { name: 'Files' });
    const order = api.calls.map((call) => call.method).filter((method) => method === 'savePost' || method === 'exportPreview');
    expect(order).toEqual(['savePost', 'exportPreview']);
    expect(api.files.get(rustconf.path)).toContain('More.');
  });

  it('a folder outside git gets a clear message, not a crash, and Escape closes', async () => {
    const { user } = await setUp((api) => {
      api.exportPreviewResult = new RecapError('refused', '/home/ada/blog is not a git repository. Run `git init` there (or clone your site) to export.');
    });
    const dialog = await openExport(user);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Cannot export. /home/ada/blog is not a git repository. Run `git init` there');
    expect(within(dialog).getByRole('button', { name: 'Try again' })).toBeEnabled();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Export' })).toHaveFocus();
  });

  it('repository problems are explained: no identity stops the commit, no remote only the push', async () => {
    const { user } = await setUp((api) => {
      api.exportPreviewResult = preview({
        remotes: [],
        defaultRemote: null,
        problems: [
          { code: 'no-identity', message: 'Git does not know who you are (user.email is not set). Run git config --global user.email you@example.com, then try again.', pushOnly: false },
          { code: 'no-remote', message: 'This repository has no remote to push to. Add one (git remote add origin <url>) to push; committing works without it.', pushOnly: true },
        ],
      });
    });
    const dialog = await openReadyExport(user);
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Git does not know who you are');
    expect(dialog).toHaveTextContent('This repository has no remote to push to.');
    expect(within(dialog).getByRole('button', { name: 'Commit' })).toBeDisabled();
    expect(within(dialog).getByRole('checkbox', { name: 'Push after commit' })).toBeDisabled();
  });

  it('is keyboard-usable: Tab stays inside, Space ticks, and focus returns to "Export"', async () => {
    const { user } = await setUp();
    const dialog = await openReadyExport(user);
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    for (let i = 0; i < 30; i++) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
    within(dialog).getByRole('checkbox', { name: IMAGE }).focus();
    await user.keyboard(' ');
    expect(within(dialog).getByRole('checkbox', { name: IMAGE })).not.toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Export' })).toHaveFocus();
  });
});

describe('git state in the post list', () => {
  it('shows New / Modified in the description (the name stays the title) and the branch at the foot', async () => {
    const api = new FakeApi({ posts: samplePosts });
    api.git = repo;
    render(<App api={api} />);
    const list = await postList();
    const rust = await within(list).findByRole('option', { name: 'RustConf recap' });
    await waitFor(() => expect(rust).toHaveAccessibleDescription(/New$/));
    expect(within(list).getByRole('option', { name: 'KubeCon notes' })).toHaveAccessibleDescription(/Modified$/);
    expect(within(list).getByRole('option', { name: 'An old talk' })).not.toHaveAccessibleDescription(/New|Modified/);
    const nav = screen.getByRole('navigation', { name: 'Posts' });
    expect(nav).toHaveTextContent('Branch main');
  });

  it('shows no git state at all when the site is not a repository', async () => {
    const api = new FakeApi({ posts: samplePosts });
    render(<App api={api} />);
    const list = await postList();
    await within(list).findByRole('option', { name: 'RustConf recap' });
    await waitFor(() => expect(api.callsOf('gitStatus').length).toBeGreaterThan(0));
    expect(list).not.toHaveTextContent(/New|Modified/);
    const nav = screen.getByRole('navigation', { name: 'Posts' });
    expect(nav).not.toHaveTextContent(/Branch/);
    expect(within(nav).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('asks git again after a save and after an export', async () => {
    const { api, user, editor } = await setUp();
    const list = await postList();
    await waitFor(() => expect(within(list).getByRole('option', { name: 'RustConf recap' })).toHaveAccessibleDescription(/New$/));
    const before = api.callsOf('gitStatus').length;

    api.git = { ...repo, posts: { ...repo.posts, [rustconf.path]: 'modified' } };
    await user.type(editor, '!');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(within(list).getByRole('option', { name: 'RustConf recap' })).toHaveAccessibleDescription(/Modified$/));
    const afterSave = api.callsOf('gitStatus').length;
    expect(afterSave).toBeGreaterThan(before);

    api.git = { ...repo, posts: { ...repo.posts, [rustconf.path]: 'committed' } };
    const dialog = await openReadyExport(user);
    await user.click(within(dialog).getByRole('radio', { name: 'Current branch (main)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Commit' }));
    await within(dialog).findByText(/Committed/);
    await waitFor(() => expect(api.callsOf('gitStatus').length).toBeGreaterThan(afterSave));
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(within(list).getByRole('option', { name: 'RustConf recap' })).not.toHaveAccessibleDescription(/New|Modified/));
  });
});

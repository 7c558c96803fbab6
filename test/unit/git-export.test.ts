import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportProgress } from '../../shared/export';
import { exportPost, exportPreview, pullRebaseExport, pushExport } from '../../electron/services/git/export-service';
import { tempDir } from '../support/fixtures';
import { changedFiles, git, isolateGitConfig, siteRepo, workState } from '../support/git-fixture';

beforeAll(() => isolateGitConfig());

const NEW_POST = '_posts/2024-05-01-spring-meetup.md';
const NEW_IMAGE = 'images/2024-spring-meetup/stage.jpg';

async function addNewPost(site: string): Promise<void> {
  await mkdir(path.join(site, 'images/2024-spring-meetup'), { recursive: true });
  await writeFile(path.join(site, NEW_IMAGE), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
  await writeFile(
    path.join(site, NEW_POST),
    [
      '---',
      'title: "Spring meetup"',
      'date: 2024-05-01',
      'image: /images/2024-kubecon-paris/hero.jpg',
      '---',
      'We met again.',
      '',
      '![The stage](/images/2024-spring-meetup/stage.jpg)',
      '![remote](https://example.org/remote.png)',
      '',
    ].join('\n'),
  );
}

/** Unrelated work in progress: staged, unstaged and untracked. */
async function makeUnrelatedWork(site: string): Promise<void> {
  await writeFile(path.join(site, '_config.yml'), (await readFile(path.join(site, '_config.yml'), 'utf8')) + '# staged change\n');
  git(site, 'add', '_config.yml');
  await writeFile(path.join(site, '_data/events.yml'), (await readFile(path.join(site, '_data/events.yml'), 'utf8')) + '# unstaged change\n');
  await writeFile(path.join(site, 'notes.txt'), 'untracked notes\n');
  await writeFile(path.join(site, '_drafts/staged-new.md'), '---\ntitle: Staged new\n---\n');
  git(site, 'add', '_drafts/staged-new.md');
}

describe('export a post to git', () => {
  it('a new post and its new image are committed on post/<slug> and pushed, and nothing else moves', async () => {
    const { site, bare } = await siteRepo();
    await addNewPost(site);
    await makeUnrelatedWork(site);
    const before = workState(site);

    const preview = await exportPreview({ siteRoot: site }, NEW_POST);
    expect(preview.files.map((f) => [f.path, f.status, f.selected])).toEqual([
      [NEW_POST, 'new', true],
      [NEW_IMAGE, 'new', true],
    ]);
    expect(preview.files[0]!.diff).toMatch(/^\+title: "Spring meetup"$/m);
    expect(preview.files[0]!.diff).toMatch(/^--- \/dev\/null$/m);
    expect(preview.skipped).toEqual([]);
    expect(preview.checkErrors).toEqual([]);
    expect(preview.message).toBe('Add post: Spring meetup');
    expect(preview.branches).toEqual({ current: 'main', suggested: 'post/spring-meetup', suggestedExists: false });
    expect(preview.remotes).toEqual(['origin']);
    expect(preview.defaultRemote).toBe('origin');
    expect(preview.problems).toEqual([]);

    const progress: ExportProgress[] = [];
    const result = await exportPost(
      { siteRoot: site, onProgress: (p) => progress.push(p) },
      { path: NEW_POST, files: preview.files.map((f) => f.path), message: preview.message, branch: { kind: 'new', name: preview.branches.suggested }, push: { remote: 'origin' } },
    );
    expect(result.branch).toBe('post/spring-meetup');
    expect(result.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(result.push).toMatchObject({ ok: true, remote: 'origin', branch: 'post/spring-meetup' });
    expect(progress[0]).toMatchObject({ phase: 'commit' });
    expect(progress.some((p) => p.phase === 'push' && p.percent !== null)).toBe(true);

    // On the remote: exactly the post and its image on top of main.
    expect(git(bare, 'rev-parse', 'post/spring-meetup')).toBe(result.commit);
    expect(changedFiles(bare, 'post/spring-meetup')).toEqual([NEW_POST, NEW_IMAGE].sort());
    expect(git(bare, 'rev-parse', 'post/spring-meetup^')).toBe(git(bare, 'rev-parse', 'main'));
    expect(git(bare, 'log', '-1', '--format=%s%n%an <%ae>', 'post/spring-meetup')).toBe('Add post: Spring meetup\nRecap Test <recap@example.org>');
    expect(git(bare, 'show', `post/spring-meetup:${NEW_POST}`)).toBe(await readFile(path.join(site, NEW_POST), 'utf8').then((t) => t.replace(/\n$/, '')));

    // The author's working tree, index and branch are exactly as they were.
    expect(workState(site)).toEqual(before);
  });

  it('on the current branch only the post is committed; other staged and unstaged work stays', async () => {
    const { site } = await siteRepo();
    const post = '_posts/2024-03-22-kubecon-paris-recap.md';
    await writeFile(path.join(site, post), (await readFile(path.join(site, post), 'utf8')) + '\nOne more thing.\n');
    git(site, 'add', post); // even a staged version of the post itself is fine
    await writeFile(path.join(site, post), (await readFile(path.join(site, post), 'utf8')) + 'And another.\n');
    await makeUnrelatedWork(site);
    const before = workState(site);

    const preview = await exportPreview({ siteRoot: site }, post);
    expect(preview.message).toBe('Update post: KubeCon Paris: what we saw, what we shipped');
    expect(preview.files.map((f) => [f.path, f.status])).toEqual([[post, 'modified']]);
    expect(preview.files[0]!.diff).toMatch(/^\+And another\.$/m);

    const result = await exportPost({ siteRoot: site }, { path: post, files: [post], message: preview.message, branch: { kind: 'current' } });
    expect(result.branch).toBe('main');
    expect(git(site, 'rev-parse', 'HEAD')).toBe(result.commit);
    expect(changedFiles(site, 'HEAD')).toEqual([post]);
    expect(git(site, 'show', `HEAD:${post}`)).toMatch(/And another\.$/);

    // The post is now clean; everything else is exactly as before.
    const after = workState(site);
    expect(after.status).toBe(before.status.split('\n').filter((line) => !line.endsWith(post)).join('\n'));
    expect(git(site, 'diff', '--cached', '--name-only').split('\n').sort()).toEqual(['_config.yml', '_drafts/staged-new.md']);
    expect(git(site, 'diff', '--name-only')).toBe('_data/events.yml');
    expect(after.unstaged).toBe(git(site, 'diff', '--', '_data/events.yml'));
  });

  it('a rejected push is explained, pull with rebase replays the commit, and the push then succeeds', async () => {
    const { site, bare } = await siteRepo();
    await addNewPost(site);
    const files = [NEW_POST, NEW_IMAGE];
    const branch = { kind: 'new' as const, name: 'post/spring-meetup' };
    await exportPost({ siteRoot: site }, { path: NEW_POST, files, message: 'Add post: Spring meetup', branch, push: { remote: 'origin' } });

    // Someone else pushes to the same branch.
    const other = path.join(await tempDir('recap-other-'), 'clone');
    git(os.tmpdir(), 'clone', '-q', '-b', 'post/spring-meetup', bare, other);
    await writeFile(path.join(other, 'README.md'), 'reviewed\n');
    git(other, 'add', 'README.md');
    git(other, '-c', 'user.name=Reviewer', '-c', 'user.email=r@example.org', 'commit', '-q', '-m', 'Review notes');
    git(other, 'push', '-q', 'origin', 'post/spring-meetup');

    await writeFile(path.join(site, NEW_POST), (await readFile(path.join(site, NEW_POST), 'utf8')) + 'An update.\n');
    const result = await exportPost({ siteRoot: site }, { path: NEW_POST, files: [NEW_POST], message: 'Update post: Spring meetup', branch, push: { remote: 'origin' } });
    expect(result.push).toMatchObject({ ok: false, reason: 'rejected' });
    expect(result.push!.explanation).toMatch(/Pull them with rebase/);
    expect(result.push!.output).toMatch(/\[rejected\]/);
    expect(result.push!.output).not.toMatch(/Writing objects/);

    const pulled = await pullRebaseExport({ siteRoot: site }, { remote: 'origin', branch: 'post/spring-meetup' });
    const pushed = await pushExport({ siteRoot: site }, { remote: 'origin', branch: 'post/spring-meetup' });
    expect(pushed).toMatchObject({ ok: true });
    expect(git(bare, 'rev-parse', 'post/spring-meetup')).toBe(pulled.commit);
    expect(git(bare, 'log', '--format=%s', 'post/spring-meetup', '-3').split('\n')).toEqual(['Update post: Spring meetup', 'Review notes', 'Add post: Spring meetup']);
    expect(git(bare, 'show', `post/spring-meetup:README.md`)).toBe('reviewed');
  });

  it('on the checked-out branch, pull with rebase brings the remote\'s files without touching other work', async () => {
    const { site, bare } = await siteRepo();
    const other = path.join(await tempDir('recap-other-'), 'clone');
    git(os.tmpdir(), 'clone', '-q', bare, other);
    await writeFile(path.join(other, 'README.md'), 'from a colleague\n');
    git(other, 'add', 'README.md');
    git(other, '-c', 'user.name=Colleague', '-c', 'user.email=c@example.org', 'commit', '-q', '-m', 'Add README');
    git(other, 'push', '-q', 'origin', 'main');

    await addNewPost(site);
    await makeUnrelatedWork(site);
    const result = await exportPost({ siteRoot: site }, { path: NEW_POST, files: [NEW_POST, NEW_IMAGE], message: 'Add post: Spring meetup', branch: { kind: 'current' }, push: { remote: 'origin' }, confirmPublish: true });
    expect(result.push).toMatchObject({ ok: false, reason: 'rejected' });
    const before = workState(site);

    const pulled = await pullRebaseExport({ siteRoot: site }, { remote: 'origin', branch: 'main' });
    expect(git(site, 'rev-parse', 'HEAD')).toBe(pulled.commit);
    expect(await readFile(path.join(site, 'README.md'), 'utf8')).toBe('from a colleague\n');
    const after = workState(site);
    expect({ ...after, head: '' }).toEqual({ ...before, head: '' });
    expect(await pushExport({ siteRoot: site }, { remote: 'origin', branch: 'main' })).toMatchObject({ ok: true });
    expect(git(bare, 'log', '--format=%s', 'main', '-3').split('\n')).toEqual(['Add post: Spring meetup', 'Add README', 'Initial site']);
  });

  it('a push to a remote that is gone says so plainly, with git\'s message', async () => {
    const { site } = await siteRepo();
    git(site, 'remote', 'set-url', 'origin', path.join(os.tmpdir(), 'recap-no-such-remote.git'));
    await addNewPost(site);
    const result = await exportPost({ siteRoot: site }, { path: NEW_POST, files: [NEW_POST], message: 'Add', branch: { kind: 'new', name: 'post/x' }, push: { remote: 'origin' } });
    expect(result.push).toMatchObject({ ok: false, reason: 'remote-missing' });
    expect(result.push!.output).toMatch(/does not appear to be a git repository/);
  });

  it('a pre-commit hook runs on exactly the files being committed and can stop the export', async () => {
    const { site } = await siteRepo();
    await addNewPost(site);
    const hook = path.join(site, '.git/hooks/pre-commit');
    await writeFile(hook, '#!/bin/sh\ngit diff --cached --name-only HEAD\necho "hook says no" >&2\nexit 1\n', { mode: 0o755 });
    await expect(exportPost({ siteRoot: site }, { path: NEW_POST, files: [NEW_POST], message: 'Add', branch: { kind: 'current' } })).rejects.toThrow(
      new RegExp(`pre-commit hook .*stopped the commit[\\s\\S]*${NEW_POST}[\\s\\S]*hook says no`),
    );
    expect(git(site, 'log', '--format=%s')).toBe('Initial site');
  });

  it('errors from the pre-publish check stop the export unless forced; a missing image is listed as skipped', async () => {
    const { site } = await siteRepo();
    await addNewPost(site);
    await writeFile(path.join(site, NEW_POST), (await readFile(path.join(site, NEW_POST), 'utf8')) + '<img src="/images/not-there.png" alt="gone">\n');
    const preview = await exportPreview({ siteRoot: site }, NEW_POST);
    expect(preview.skipped).toEqual([{ reference: '/images/not-there.png', reason: 'missing' }]);
    expect(preview.checkErrors).toEqual([expect.objectContaining({ rule: 'missing-image', line: 10 })]);
    const request = { path: NEW_POST, files: [NEW_POST], message: 'Add', branch: { kind: 'current' as const } };
    await expect(exportPost({ siteRoot: site }, request)).rejects.toThrow(/^The check found 1 error in _posts\/2024-05-01-spring-meetup\.md; fix them or export anyway \(--force\):\n {2}_posts\/2024-05-01-spring-meetup\.md:10: .+ \(missing-image\)$/);
    expect((await exportPost({ siteRoot: site }, { ...request, force: true })).branch).toBe('main');
  });

  it('files that are not the post\'s are refused, and so is a commit with nothing new', async () => {
    const { site } = await siteRepo();
    const post = '_posts/2024-03-22-kubecon-paris-recap.md';
    await expect(exportPost({ siteRoot: site }, { path: post, files: ['_config.yml'], message: 'x', branch: { kind: 'current' } })).rejects.toThrow(/not one of this post's files/);
    await expect(exportPost({ siteRoot: site }, { path: post, files: [post], message: 'x', branch: { kind: 'current' } })).rejects.toThrow(/Nothing to commit/);
    await expect(exportPost({ siteRoot: site }, { path: post, files: [post], message: 'x', branch: { kind: 'new', name: 'bad name..' } })).rejects.toThrow(/not a valid branch name/);
  });
});

describe('export into another repository (.recap.json target)', () => {
  it('copies the post and its images into the target\'s folders, rewrites image URLs, commits and pushes there', async () => {
    const { site } = await siteRepo();
    const { site: target, bare: targetBare } = await siteRepo();
    await writeFile(path.join(site, '.recap.json'), JSON.stringify({ export: { target: path.relative(site, target), postsDir: 'content/posts', imagesDir: 'assets/img' } }));
    await addNewPost(site);
    const before = workState(site);
    const context = { siteRoot: site };

    const preview = await exportPreview(context, NEW_POST);
    expect(preview.target).toEqual({ kind: 'other-repo', root: target });
    expect(preview.files.map((f) => [f.path, f.repoPath, f.status])).toEqual([
      [NEW_POST, 'content/posts/2024-05-01-spring-meetup.md', 'new'],
      // Committed in the site, but new to the target (front-matter images come first).
      ['images/2024-kubecon-paris/hero.jpg', 'assets/img/2024-kubecon-paris/hero.jpg', 'new'],
      [NEW_IMAGE, 'assets/img/2024-spring-meetup/stage.jpg', 'new'],
    ]);
    const result = await exportPost(context, { path: NEW_POST, files: preview.files.map((f) => f.path), message: preview.message, branch: { kind: 'new', name: 'post/spring-meetup' }, push: { remote: 'origin' } });
    expect(result.push?.ok).toBe(true);
    expect(changedFiles(targetBare, 'post/spring-meetup')).toEqual(preview.files.map((f) => f.repoPath).sort());
    const copied = git(targetBare, 'show', 'post/spring-meetup:content/posts/2024-05-01-spring-meetup.md');
    expect(copied).toContain('![The stage](/assets/img/2024-spring-meetup/stage.jpg)');
    expect(copied).toContain('image: /assets/img/2024-kubecon-paris/hero.jpg');
    // The site itself is untouched.
    expect(workState(site)).toEqual(before);
  });

  it('a malformed .recap.json or a target that is not a repository is a clear refusal', async () => {
    const { site } = await siteRepo();
    await addNewPost(site);
    await writeFile(path.join(site, '.recap.json'), '{"export": {"target": 42}}');
    await expect(exportPreview({ siteRoot: site }, NEW_POST)).rejects.toThrow(/^\.recap\.json: export\.target .*Fix it or remove it\.$/);
    await writeFile(path.join(site, '.recap.json'), '{"export": ');
    await expect(exportPreview({ siteRoot: site }, NEW_POST)).rejects.toThrow(/\.recap\.json is not valid JSON/);
    const plain = await tempDir('recap-plain-');
    await writeFile(path.join(site, '.recap.json'), JSON.stringify({ export: { target: plain } }));
    await expect(exportPreview({ siteRoot: site }, NEW_POST)).rejects.toThrow(/export\.target .* is not a git repository/);
  });
});

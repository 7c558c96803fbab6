import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { recap } from '../support/cli';
import { copyFixture } from '../support/fixtures';
import { changedFiles, git, isolateGitConfig, siteRepo, workState } from '../support/git-fixture';

beforeAll(() => isolateGitConfig());

describe('recap export', () => {
  it('commits the post and its new image on a new branch and pushes it', async () => {
    const { site, bare } = await siteRepo();
    await mkdir(path.join(site, 'images/meetup'));
    await writeFile(path.join(site, 'images/meetup/crowd.png'), 'png bytes');
    await writeFile(path.join(site, '_posts/2024-07-01-meetup.md'), '---\ntitle: Meetup\n---\n![Crowd](/images/meetup/crowd.png)\n');
    await writeFile(path.join(site, 'scratch.md'), 'unrelated\n');
    const before = workState(site);

    const { code, stdout, stderr } = await recap(['export', '_posts/2024-07-01-meetup.md', '--branch', 'post/meetup', '--push'], site);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const commit = /^Committed ([0-9a-f]{40}) on post\/meetup$/m.exec(stdout)?.[1];
    expect(commit).toBeDefined();
    expect(stdout).toMatch(/^ {2}_posts\/2024-07-01-meetup\.md\n {2}images\/meetup\/crowd\.png\n/m);
    expect(stdout).toMatch(/^Pushed post\/meetup to origin$/m);
    expect(git(bare, 'rev-parse', 'post/meetup')).toBe(commit);
    expect(changedFiles(bare, 'post/meetup')).toEqual(['_posts/2024-07-01-meetup.md', 'images/meetup/crowd.png']);
    expect(git(bare, 'log', '-1', '--format=%s', 'post/meetup')).toBe('Add post: Meetup');
    expect(workState(site)).toEqual(before);
  });

  it('--message and --branch current (said so); nothing left to export is refused with exit 1', async () => {
    const { site } = await siteRepo();
    const post = '_posts/2024-03-22-kubecon-paris-recap.md';
    await writeFile(path.join(site, post), '---\ntitle: Rewritten\n---\nShort now.\n');
    const first = await recap(['export', post, '--message', 'Shorter Paris post', '--branch', 'current'], site);
    expect(first.stderr).toBe('recap: committing on the current branch (main), as --branch current asks.\n');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Committed [0-9a-f]{40} on main\n {2}_posts\/2024-03-22-kubecon-paris-recap\.md\n$/);
    expect(git(site, 'log', '-1', '--format=%s')).toBe('Shorter Paris post');
    const again = await recap(['export', post], site);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`recap: Nothing to export: ${post} and its images are already committed as they are.\n`);
  });

  it('without --branch, commits on a new post/<slug> branch like the app (or .recap.json export.branch); the current branch is untouched', async () => {
    const { site } = await siteRepo();
    const post = '_posts/2024-03-22-kubecon-paris-recap.md';
    const head = git(site, 'rev-parse', 'HEAD');
    await writeFile(path.join(site, post), '---\ntitle: Rewritten\n---\nShort now.\n');
    const plain = await recap(['export', post], site);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^Committed [0-9a-f]{40} on post\/kubecon-paris-recap$/m);
    expect(git(site, 'rev-parse', 'main')).toBe(head);

    await writeFile(path.join(site, '.recap.json'), JSON.stringify({ export: { branch: 'drafts/{slug}' } }));
    await writeFile(path.join(site, post), '---\ntitle: Rewritten again\n---\nShorter.\n');
    const configured = await recap(['export', post], site);
    expect(configured.stdout).toMatch(/^Committed [0-9a-f]{40} on drafts\/kubecon-paris-recap$/m);
    expect(git(site, 'rev-parse', 'main')).toBe(head);
  });

  it('a remote that does not exist, or a push to the branch the site publishes from without --yes, is refused before anything is committed', async () => {
    const { site, bare } = await siteRepo();
    const post = '_posts/2024-03-22-kubecon-paris-recap.md';
    const head = git(site, 'rev-parse', 'HEAD');
    await writeFile(path.join(site, post), '---\ntitle: Rewritten\n---\nShort now.\n');

    const missing = await recap(['export', post, '--push', '--remote', 'upstream'], site);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^recap: This repository has no remote named "upstream"\. Choose one of: origin\.\n$/);
    const publish = await recap(['export', post, '--branch', 'current', '--push'], site);
    expect(publish.code).toBe(1);
    expect(publish.stderr).toMatch(/Pushing to main publishes the site .* --yes/);
    expect(git(site, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(site, 'branch', '--list', 'post/*')).toBe('');

    const confirmed = await recap(['export', post, '--branch', 'current', '--push', '--yes'], site);
    expect(confirmed.code).toBe(0);
    expect(git(bare, 'rev-parse', 'main')).toBe(git(site, 'rev-parse', 'HEAD'));
  });

  it('refusals exit 1 with one line; bad usage exits 2', async () => {
    const plain = await copyFixture('sites', 'events-jekyll');
    const notRepo = await recap(['export', '_posts/2024-03-22-kubecon-paris-recap.md'], plain);
    expect(notRepo.code).toBe(1);
    expect(notRepo.stderr).toBe(`recap: ${plain} is not in a git repository. Run \`git init\` there (or clone your site) to export posts.\n`);

    for (const args of [['export'], ['export', 'a.md', 'b.md'], ['export', 'a.md', '--remote', 'origin'], ['export', 'a.md', '--bogus']]) {
      const { code, stderr } = await recap(args, plain);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(/^recap: .+ See `recap export --help`\.\n$/);
    }
    expect((await recap(['export', 'missing.md'], plain)).code).toBe(2);
    expect((await recap(['export', '--help'])).stdout).toMatch(/^Usage: recap export <file>/);
  });
});

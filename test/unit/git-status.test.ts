import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { postSlug, branchForPost } from '../../electron/services/git/branch-name';
import { exportPost, exportPreview } from '../../electron/services/git/export-service';
import { findImageReferences } from '../../electron/services/git/image-references';
import { classifyPushFailure, parseProgressLine } from '../../electron/services/git/push';
import { gitStatus, parsePorcelainV2 } from '../../electron/services/git/status';
import { copyFixture } from '../support/fixtures';
import { git, isolateGitConfig, siteRepo } from '../support/git-fixture';

beforeAll(() => isolateGitConfig());

const PARIS = '_posts/2024-03-22-kubecon-paris-recap.md';
const AMSTERDAM = '_posts/2023-09-14-devopsdays-amsterdam.md';
const request = (post: string) => ({ path: post, files: [post], message: 'x', branch: { kind: 'current' as const } });

describe('git status of a site', () => {
  it('names the branch and each post as new, modified or committed', async () => {
    const { site } = await siteRepo();
    await writeFile(path.join(site, PARIS), (await readFile(path.join(site, PARIS), 'utf8')) + 'more\n');
    await writeFile(path.join(site, '_posts/2024-06-01-brand-new.md'), '---\ntitle: Brand new\n---\n');
    await writeFile(path.join(site, '.gitignore'), '_drafts/\n');
    const status = await gitStatus(site, [PARIS, AMSTERDAM, '_posts/2024-06-01-brand-new.md', '_drafts/community-meetup-notes.md']);
    expect(status).toMatchObject({ repo: true, branch: 'main', problems: [] });
    expect(status.posts).toEqual({
      [PARIS]: 'modified',
      [AMSTERDAM]: 'committed',
      '_posts/2024-06-01-brand-new.md': 'new',
      // Tracked files stay tracked even when ignored later.
      '_drafts/community-meetup-notes.md': 'committed',
    });
  });

  it('outside a repository: repo false and a message that says to run git init', async () => {
    const site = await copyFixture('sites', 'events-jekyll');
    const status = await gitStatus(site, [PARIS]);
    expect(status).toMatchObject({ repo: false, branch: null, posts: {} });
    expect(status.problems).toEqual([{ code: 'not-a-repo', pushOnly: false, message: `${site} is not in a git repository. Run \`git init\` there (or clone your site) to export posts.` }]);
    await expect(exportPreview({ siteRoot: site }, PARIS)).rejects.toThrow(/is not in a git repository\. Run `git init`/);
  });

  it('without git on the PATH: a message that says to install it', async () => {
    const site = await copyFixture('sites', 'events-jekyll');
    const status = await gitStatus(site, [], { ...process.env, PATH: path.join(site, 'no-bin') });
    expect(status.problems).toEqual([{ code: 'git-missing', pushOnly: false, message: 'Git is not installed (or not on the PATH). Install git from https://git-scm.com and restart Recap.' }]);
  });

  it('without user.name and user.email: the export is refused with how to set them', async () => {
    const { site } = await siteRepo({ identity: false });
    await writeFile(path.join(site, PARIS), 'changed\n');
    const status = await gitStatus(site, []);
    expect(status.problems.map((p) => p.code)).toEqual(['no-identity']);
    await expect(exportPost({ siteRoot: site }, request(PARIS))).rejects.toThrow(
      /^Git does not know who you are \(user\.name and user\.email is not set\)\. Run `git config --global user\.name "Your Name"`/,
    );
  });

  it('detached HEAD: reported, and the export refused', async () => {
    const { site } = await siteRepo();
    git(site, 'checkout', '-q', '--detach');
    await writeFile(path.join(site, PARIS), 'changed\n');
    const status = await gitStatus(site, []);
    expect(status.branch).toBeNull();
    expect(status.problems.map((p) => p.code)).toEqual(['detached-head']);
    await expect(exportPost({ siteRoot: site }, request(PARIS))).rejects.toThrow(/HEAD is detached.*git switch <branch>/);
  });

  it('a merge in progress and a missing remote are reported; no remote only stops pushing', async () => {
    const { site } = await siteRepo({ remote: false });
    await writeFile(path.join(site, PARIS), 'changed\n');
    expect((await gitStatus(site, [])).problems.map((p) => [p.code, p.pushOnly])).toEqual([['no-remote', true]]);
    await expect(exportPost({ siteRoot: site }, { ...request(PARIS), push: { remote: 'origin' } })).rejects.toThrow(/has no remote to push to/);

    await writeFile(path.join(site, '.git/MERGE_HEAD'), git(site, 'rev-parse', 'HEAD') + '\n');
    const status = await gitStatus(site, []);
    expect(status.problems.map((p) => p.code)).toEqual(['operation-in-progress', 'no-remote']);
    await expect(exportPost({ siteRoot: site }, request(PARIS))).rejects.toThrow(/A merge is in progress.*git merge --abort/);
  });
});

describe('pieces of the export', () => {
  it('porcelain v2 records: untracked, changed, added, renamed', () => {
    const output = ['# branch.head main', '1 .M N... 100644 100644 100644 a b _posts/a b.md', '1 A. N... 000000 100644 100644 0 c new.md', '2 R. N... 100644 100644 100644 d d R100 moved.md', 'old.md', '? notes.txt', ''].join('\0');
    expect([...parsePorcelainV2(output)]).toEqual([
      ['_posts/a b.md', 'changed'],
      ['new.md', 'added'],
      ['moved.md', 'changed'],
      ['notes.txt', 'untracked'],
    ]);
  });

  it('image references: Markdown, reference style, HTML, srcset and front matter, local only', () => {
    const body = [
      '![a](/images/a.jpg "title") ![b](<b c.png>) ![ref][r] ![](https://x.org/remote.png)',
      '<img alt="x" src=\'./d.gif\'> <img srcset="e.webp 1x, f.webp 2x">',
      '[r]: /images/ref.jpg',
      '![data](data:image/png;base64,AAAA)',
    ].join('\n');
    expect(findImageReferences(body, { image: '/images/cover.jpg', header: { teaser: 'teaser.png' }, title: 'not.png' })).toEqual([
      '/images/cover.jpg',
      'teaser.png',
      '/images/a.jpg',
      'b c.png',
      '/images/ref.jpg',
      './d.gif',
      'e.webp',
      'f.webp',
    ]);
  });

  it('branch names come from the file name without its date', () => {
    expect(postSlug('_posts/2024-03-22-kubecon-paris-recap.md')).toBe('kubecon-paris-recap');
    expect(postSlug('content/blog/Rust Ünïcode/index.md')).toBe('rust-unicode');
    expect(branchForPost('drafts/{year}/{slug}', '_posts/2024-03-22-x.md')).toBe('drafts/2024/x');
  });

  it('push failures are sorted into plain reasons, progress lines into percentages', () => {
    expect(classifyPushFailure(' ! [rejected]        main -> main (fetch first)')).toBe('rejected');
    expect(classifyPushFailure('git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.')).toBe('auth');
    expect(classifyPushFailure("fatal: could not read Username for 'https://github.com': terminal prompts disabled")).toBe('auth');
    expect(classifyPushFailure("fatal: unable to access 'https://github.com/x/y/': Could not resolve host: github.com")).toBe('network');
    expect(classifyPushFailure('ssh: Could not resolve hostname github.com: Name or service not known')).toBe('network');
    expect(classifyPushFailure("fatal: 'nope' does not appear to be a git repository")).toBe('remote-missing');
    expect(parseProgressLine('Writing objects:  50% (1/2)', 'push')).toEqual({ phase: 'push', message: 'Writing objects: 50% (1/2)', percent: 50 });
  });
});

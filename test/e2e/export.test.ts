import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openApp, type AppSession } from '../support/browser';
import { changedFiles, git, isolateGitConfig, siteRepo, workState } from '../support/git-fixture';

const PARIS = '_posts/2024-03-22-kubecon-paris-recap.md';
const BRANCH = 'post/kubecon-paris-recap';
const NEW_IMAGE = 'images/2024-kubecon-paris/booth-day-three.jpg';
const REFERENCE = `![The booth on day three](/${NEW_IMAGE})`;

describe.skipIf(!hasChromium)('export from browser mode to a git remote', () => {
  let app: AppSession;
  let page: Page;
  let site: string;
  let bare: string;

  beforeAll(async () => {
    // The test's git and the served Recap's git both see an empty HOME: the machine's config never matters.
    isolateGitConfig();
    process.env.GIT_CONFIG_GLOBAL = path.join(process.env.HOME!, '.gitconfig');
    ({ site, bare } = await siteRepo());

    // A new image for the post to reference, and unrelated work in progress that must stay as it is.
    const booth = await readFile(path.join(site, 'images/2024-kubecon-paris/booth.jpg'));
    await writeFile(path.join(site, NEW_IMAGE), Buffer.concat([booth, Buffer.from('day three')]));
    await appendFile(path.join(site, '_config.yml'), '# work in progress, not for this commit\n');
    await appendFile(path.join(site, '_posts/2023-09-14-devopsdays-amsterdam.md'), '\nA draft paragraph.\n');
    await writeFile(path.join(site, 'notes.txt'), 'untracked notes\n');

    const { HOME, XDG_CONFIG_HOME, GIT_CONFIG_NOSYSTEM, GIT_CONFIG_GLOBAL } = process.env;
    app = await openApp(site, { env: { HOME, XDG_CONFIG_HOME, GIT_CONFIG_NOSYSTEM, GIT_CONFIG_GLOBAL } });
    page = app.page;
  });

  afterAll(() => app?.close());

  it('edit the Paris post, export it on post/<slug> and push: exactly the post and its new image reach the remote', async () => {
    const posts = page.getByRole('navigation', { name: 'Posts' });
    await expect.poll(() => posts.getByText('Branch main').count()).toBe(1);
    const devopsdays = posts.getByRole('option', { name: /DevOpsDays/ });
    await expect.poll(() => devopsdays.textContent()).toContain('Modified');

    const search = page.getByRole('searchbox', { name: 'Search posts' });
    await search.fill('paris');
    await search.press('ArrowDown');
    await search.press('Enter');
    const editor = page.getByRole('textbox', { name: 'Markdown' });
    await expect.poll(() => editor.inputValue()).toContain('Paris was busy');
    await editor.focus();
    await editor.press('Control+Home');
    await page.keyboard.type(REFERENCE);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Saved$/ }).count()).toBe(1);
    const saved = await readFile(path.join(site, PARIS), 'utf8');
    expect(saved).toContain(`${REFERENCE}\n\nParis was busy`);
    await expect.poll(() => posts.getByRole('option', { name: /KubeCon Paris/ }).textContent()).toContain('Modified');

    const before = workState(site);
    const mainHead = git(bare, 'rev-parse', 'main');

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const files = dialog.getByRole('group', { name: 'Files' });
    await files.waitFor();
    expect(await files.getByRole('checkbox', { name: PARIS, exact: true }).isChecked()).toBe(true);
    expect(await files.getByRole('checkbox', { name: NEW_IMAGE, exact: true }).isChecked()).toBe(true);
    // Images the post references that are committed as they are (hero.jpg, booth.jpg) have nothing to export.
    expect(await files.getByRole('checkbox').count()).toBe(2);
    expect(await dialog.getByRole('textbox', { name: 'Commit message' }).inputValue()).toBe('Update post: KubeCon Paris: what we saw, what we shipped');

    await dialog.getByRole('radio', { name: 'New branch' }).check();
    expect(await dialog.getByRole('textbox', { name: 'Branch name' }).inputValue()).toBe(BRANCH);
    await dialog.getByRole('checkbox', { name: 'Push after commit' }).check();
    expect(await dialog.getByRole('combobox', { name: 'Remote' }).inputValue()).toBe('origin');
    await dialog.getByRole('button', { name: 'Commit and push', exact: true }).click();

    const outcome = dialog.getByRole('status').filter({ hasText: /^Committed/ });
    await expect.poll(() => outcome.textContent(), { timeout: 30_000 }).toMatch(new RegExp(`^Committed [0-9a-f]{7} on ${BRANCH} and pushed it to origin\\.$`));
    expect(await dialog.getByRole('alert').count()).toBe(0);

    // On the remote: one commit on top of main with exactly the post and its new image, as saved.
    const tip = git(bare, 'rev-parse', BRANCH);
    expect(git(bare, 'rev-parse', `${BRANCH}^`)).toBe(mainHead);
    expect(changedFiles(bare, BRANCH)).toEqual([NEW_IMAGE, PARIS].sort());
    const tree = git(bare, 'ls-tree', '-r', '--name-only', BRANCH).split('\n');
    expect(tree).toContain(PARIS);
    expect(tree).toContain(NEW_IMAGE);
    expect(tree).not.toContain('notes.txt');
    expect(git(bare, 'show', `${BRANCH}:${PARIS}`) + '\n').toBe(saved);
    expect(git(bare, 'log', '-1', '--format=%s', BRANCH)).toBe('Update post: KubeCon Paris: what we saw, what we shipped');
    expect(git(bare, 'show', `${BRANCH}:_config.yml`)).toBe(git(bare, 'show', 'main:_config.yml'));
    expect(await outcome.textContent()).toContain(tip.slice(0, 7));

    // The author's working tree, index and branch are exactly as before.
    expect(workState(site)).toEqual(before);
    expect(await readFile(path.join(site, '_config.yml'), 'utf8')).toMatch(/# work in progress, not for this commit\n$/);
    expect(await readFile(path.join(site, 'notes.txt'), 'utf8')).toBe('untracked notes\n');

    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Export', exact: true }).evaluate((button) => button === document.activeElement)).toBe(true);
  });
});

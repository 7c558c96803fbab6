/** `recap export <file> [--branch b|current] [--message m] [--push] [--remote r] [--yes] [--force]`: commit (and push) a post with its images. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RecapError } from '../../../shared/errors';
import type { ExportBranch } from '../../../shared/export';
import { findSiteOf } from '../../services/workspace/find-site-root';
import { exportPost, exportPreview } from '../../services/git/export-service';
import { EXIT_OK, EXIT_REFUSED, UsageError, resolveFrom } from '../io';
import type { Command } from './registry';

export const exportCommand: Command = {
  synopsis: 'export <file> [--branch <b>|current] [--message <m>] [--push] [--remote <r>] [--yes]',
  summary: 'commit a post and its images with git (and push)',
  help: `Usage: recap export <file> [--branch <b>|current] [--message <m>] [--push] [--remote <r>] [--yes] [--force]

Commits the post and the new or changed local images it references, and only
those: your other uncommitted work is left exactly as it is. Uses your own git
setup (SSH keys, credential helpers, signing, hooks).

Options:
  --branch <b>    commit on branch <b> (created from the current commit if new,
                  never checked out); without it, on a new branch post/<slug>
                  (or .recap.json export.branch), as the app does
  --branch current
                  commit on the checked-out branch (said so on stderr)
  --message <m>   the commit message (default "Add post: <title>" or "Update post: <title>")
  --push          push the branch after committing
  --remote <r>    the remote to push to (default: the branch's upstream, else origin);
                  one that does not exist is refused before anything is committed
  --yes           confirm pushing to a branch the site publishes from (main,
                  master, gh-pages, the remote's default branch)
  --force         export even when the pre-publish check finds errors
  --help          show this help

With {"export": {"target": "../other-clone", "postsDir": "_posts", "imagesDir": "images"}}
in the site's .recap.json, the post is copied into that clone and committed there.

Exit codes: 0 committed (and pushed), 1 refused or the push failed, 2 bad usage.`,

  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        branch: { type: 'string' },
        message: { type: 'string' },
        push: { type: 'boolean', default: false },
        remote: { type: 'string' },
        force: { type: 'boolean', default: false },
        yes: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('recap export needs exactly one post file.');
    if (values.remote !== undefined && !values.push) throw new UsageError('--remote only makes sense with --push.');
    if (values.message !== undefined && !values.message.trim()) throw new UsageError('--message cannot be empty.');

    const file = resolveFrom(io, positionals[0]!);
    const siteRoot = await findSiteRoot(file);
    const postPath = path.relative(siteRoot, file).split(path.sep).join('/');
    const context = { siteRoot, env: io.env, onProgress: undefined };

    const preview = await exportPreview(context, postPath);
    const files = preview.files.filter((f) => f.selected).map((f) => f.path);
    if (files.length === 0) throw new RecapError('refused', `Nothing to export: ${postPath} and its images are already committed as they are.`);
    for (const skipped of preview.skipped) io.err(`recap: skipping image ${skipped.reference} (${skipped.reason.replace('-', ' ')})\n`);

    const remote = values.push ? (values.remote ?? preview.defaultRemote) : null;
    if (values.push && remote === null) throw new RecapError('refused', 'This repository has no remote to push to. Add one (git remote add origin <url>), then try again.');
    const branch = exportBranch(values.branch, preview.branches.suggested);
    if (branch.kind === 'current') io.err(`recap: committing on the current branch (${preview.branches.current ?? 'none'}), as --branch current asks.\n`);
    const result = await exportPost(context, {
      path: postPath,
      files,
      message: values.message ?? preview.message,
      branch,
      push: remote === null ? undefined : { remote },
      force: values.force,
      confirmPublish: values.yes,
    });

    io.out(`Committed ${result.commit} on ${result.branch}\n`);
    for (const committed of result.files) io.out(`  ${committed}\n`);
    if (result.push?.ok) io.out(`Pushed ${result.branch} to ${result.push.remote}\n`);
    if (result.push && !result.push.ok) {
      io.err(`recap: ${result.push.explanation}\n${indent(result.push.output)}\n`);
      return EXIT_REFUSED;
    }
    return EXIT_OK;
  },
};

/** The app's default too: a new branch from `.recap.json` export.branch (post/<slug>); the checked-out one only when named. */
function exportBranch(option: string | undefined, suggested: string): ExportBranch {
  if (option === 'current') return { kind: 'current' };
  return { kind: 'new', name: option ?? suggested };
}

/** The site a post belongs to (see findSiteOf); the post must be an existing file. */
async function findSiteRoot(file: string): Promise<string> {
  try {
    if (!(await stat(file)).isFile()) throw new RecapError('not-found', `${file} is not a file. Name the post's Markdown file.`);
  } catch (error) {
    if (error instanceof RecapError) throw error;
    throw new RecapError('not-found', `${file} does not exist. Check the path and try again.`);
  }
  return (await findSiteOf(file)).root;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

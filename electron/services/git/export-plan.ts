/**
 * What exporting a post would commit: where the export goes (the site's own
 * repository or the `.recap.json` target), which files, with which bytes,
 * at which repository paths, and how each differs from the commit it builds on.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { RecapError } from '../../../shared/errors';
import type { ExportFile } from '../../../shared/export';
import { readExportConfig, type ExportConfig } from './export-config';
import { diffAgainstCommit } from './file-diff';
import { findPostFiles, type PostFiles } from './post-files';
import { notARepoMessage, openRepository, type Repository } from './repository';
import { joinRepoPath, sitePrefix } from './status';

export interface ExportTarget {
  kind: 'site' | 'other-repo';
  repo: Repository;
  config: ExportConfig;
  /** Site root inside the repository ('' at its top), for kind 'site'. */
  prefix: string;
}

export interface PlannedFile {
  /** Site-relative source path. */
  path: string;
  repoPath: string;
  kind: 'post' | 'image';
  content: Buffer;
  executable: boolean;
}

export interface ExportPlan {
  post: PostFiles;
  files: PlannedFile[];
}

export async function resolveExportTarget(siteRoot: string, env: NodeJS.ProcessEnv): Promise<ExportTarget> {
  const config = await readExportConfig(siteRoot);
  if (config.target === null) {
    const repo = await openRepository(siteRoot, env);
    return { kind: 'site', repo, config, prefix: await sitePrefix(repo, siteRoot) };
  }
  try {
    return { kind: 'other-repo', repo: await openRepository(config.target, env), config, prefix: '' };
  } catch (error) {
    if (error instanceof RecapError && error.message === notARepoMessage(config.target)) {
      throw new RecapError('refused', `.recap.json: export.target ${config.target} is not a git repository. Point it at a clone of the site you export to.`);
    }
    throw error;
  }
}

export async function planExport(siteRoot: string, postPath: string, target: ExportTarget): Promise<ExportPlan> {
  const post = await findPostFiles(siteRoot, postPath);
  const files: PlannedFile[] = [];
  let postBytes = await readFile(path.join(siteRoot, post.post));
  if (target.kind === 'site') {
    for (const image of post.images) files.push(await plannedFile(siteRoot, image.path, joinRepoPath(target.prefix, image.path), 'image'));
  } else {
    // Into the target's conventions; site-absolute image URLs are rewritten if its image folder is named differently.
    let text = postBytes.toString('utf8');
    const postDir = path.posix.dirname(post.post);
    for (const image of post.images) {
      const placed = placeInTarget(image.reference, image.path, postDir, target.config);
      if (placed.newReference !== image.reference) text = text.split(image.reference).join(placed.newReference);
      files.push(await plannedFile(siteRoot, image.path, placed.repoPath, 'image'));
    }
    postBytes = Buffer.from(text, 'utf8');
  }
  const postRepoPath = target.kind === 'site' ? joinRepoPath(target.prefix, post.post) : path.posix.join(target.config.postsDir, path.posix.basename(post.post));
  files.unshift({ ...(await plannedFile(siteRoot, post.post, postRepoPath, 'post')), content: postBytes });
  return { post, files };
}

async function plannedFile(siteRoot: string, sitePath: string, repoPath: string, kind: PlannedFile['kind']): Promise<PlannedFile> {
  const absolute = path.join(siteRoot, sitePath);
  const [content, info] = await Promise.all([readFile(absolute), stat(absolute)]);
  return { path: sitePath, repoPath, kind, content, executable: (info.mode & 0o111) !== 0 };
}

/** Where an image goes in the target repository, and how the post must then name it. */
export function placeInTarget(reference: string, sitePath: string, postDir: string, config: ExportConfig): { repoPath: string; newReference: string } {
  const bare = reference.replace(/^\{\{[^}]*\}\}/, '');
  if (bare.startsWith('/')) {
    // "/images/2024/a.jpg": the first folder is the site's image folder; the rest is kept.
    const segments = bare.replace(/[?#].*$/, '').split('/').filter(Boolean);
    const rest = segments.length > 1 ? segments.slice(1) : segments;
    const repoPath = path.posix.join(config.imagesDir, ...rest.map(safeDecode));
    const newUrl = '/' + path.posix.join(config.imagesDir, ...rest);
    const oldUrl = '/' + (segments.length > 1 ? segments.join('/') : segments[0] ?? '');
    return { repoPath, newReference: reference.replace(oldUrl, newUrl) };
  }
  // Relative references keep their place beside the post, as long as that stays inside the posts folder.
  const relative = path.posix.relative(postDir, sitePath);
  if (!relative.startsWith('..')) return { repoPath: path.posix.join(config.postsDir, relative), newReference: reference };
  const repoPath = path.posix.join(config.imagesDir, path.posix.basename(sitePath));
  return { repoPath, newReference: '/' + repoPath };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Each planned file against `parent` (null: an empty repository), with a size-limited diff. */
export async function describeFiles(repo: Repository, parent: string | null, files: readonly PlannedFile[]): Promise<ExportFile[]> {
  const described: ExportFile[] = [];
  for (const file of files) {
    const { status, diff, truncated } = await diffAgainstCommit(repo, parent, file.repoPath, file.content);
    described.push({ path: file.path, repoPath: file.repoPath, kind: file.kind, status, diff, diffTruncated: truncated, selected: status !== 'committed' });
  }
  // The post is always listed; its images only when there is something to commit.
  return described.filter((f) => f.kind === 'post' || f.status !== 'committed');
}

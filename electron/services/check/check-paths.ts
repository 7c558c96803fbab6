/**
 * `recap check` and the app's check of saved files: posts or whole site
 * folders, read with their encoding respected, checked by the pure rules in
 * shared/check with the site's files (and schema, when a provider is given).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_POST_BYTES } from '../../../shared/api';
import { checkPost, countBySeverity } from '../../../shared/check';
import type { Problem } from '../../../shared/check';
import { RecapError } from '../../../shared/errors';
import type { SiteSchema } from '../../../shared/front-matter/schema';
import type { Site } from '../../../shared/model';
import { decodePost, looksBinary } from '../documents/post-bytes';
import { findPosts } from '../workspace/find-posts';
import { Workspace } from '../workspace/workspace';
import { findSiteOf } from '../workspace/find-site-root';
import { listSiteFiles } from './site-files';

/**
 * Supplies the site's front-matter schema (required fields, allowed values)
 * for required-field and unknown-value. Tests pass a hand-built one.
 */
export type SchemaProvider = (site: Site) => Promise<SiteSchema | undefined>;

/** The schema inferred from the site's own posts, template and collections. */
export const inferredSchema: SchemaProvider = async (site) => (await Workspace.open(site.root)).schema();

export interface CheckOptions {
  /** Default: the inferred schema. */
  schemaFor?: SchemaProvider;
  /** Folder relative paths are shown from (the CLI's cwd); paths in sites are shown relative to the site root. */
  cwd?: string;
}

export interface FileReport {
  /** Relative to the site root when a folder was checked; as given when a file was named. */
  path: string;
  absolutePath: string;
  problems: Problem[];
}

export interface CheckReport {
  files: FileReport[];
  errors: number;
  warnings: number;
  infos: number;
}

/** Posts read at once: keeps the disk busy without running out of file handles. */
const CONCURRENCY = 32;

export async function checkPaths(targets: readonly string[], options: CheckOptions = {}): Promise<CheckReport> {
  const cwd = options.cwd ?? process.cwd();
  const files: FileReport[] = [];
  for (const target of targets) {
    const absolute = path.resolve(cwd, target);
    let info;
    try {
      info = await stat(absolute);
    } catch {
      throw new RecapError('not-found', `${target} does not exist. Check the path and try again.`);
    }
    if (info.isDirectory()) files.push(...(await checkSite(absolute, options)));
    else files.push(await checkSingleFile(absolute, target, options));
  }
  const { errors, warnings, infos } = countBySeverity(files.flatMap((f) => f.problems));
  return { files, errors, warnings, infos };
}

async function checkSite(folder: string, options: CheckOptions): Promise<FileReport[]> {
  const { site } = await Workspace.open(folder);
  const [posts, siteFiles, schema] = await Promise.all([findPosts(site.root, site.kind), listSiteFiles(site.root, site.kind), (options.schemaFor ?? inferredSchema)(site)]);
  posts.sort();
  const reports: FileReport[] = new Array(posts.length);
  let next = 0;
  const worker = async () => {
    while (next < posts.length) {
      const index = next++;
      const relative = posts[index]!;
      const problems = await checkFile(path.join(site.root, relative), relative, site, siteFiles, schema);
      reports[index] = { path: relative, absolutePath: path.join(site.root, relative), problems };
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, posts.length) }, worker));
  return reports;
}

async function checkSingleFile(absolute: string, shown: string, options: CheckOptions): Promise<FileReport> {
  const site = await findSiteOf(absolute);
  const [siteFiles, schema] = await Promise.all([listSiteFiles(site.root, site.kind), (options.schemaFor ?? inferredSchema)(site)]);
  const relative = path.relative(site.root, absolute).split(path.sep).join('/');
  return { path: shown, absolutePath: absolute, problems: await checkFile(absolute, relative, site, siteFiles, schema) };
}

/** One file: binary and oversized files are not checked; text that is not UTF-8 is checked but reported. */
async function checkFile(absolute: string, relative: string, site: Site, siteFiles: ReadonlySet<string>, schema: SiteSchema | undefined): Promise<Problem[]> {
  let bytes: Buffer;
  try {
    const info = await stat(absolute);
    if (info.size > MAX_POST_BYTES) return [fileProblem(`This file is ${(info.size / 1024 / 1024).toFixed(1)} MB, too large to be a post; it was not checked.`)];
    bytes = await readFile(absolute);
  } catch (error) {
    throw new RecapError('io', `Could not read ${relative} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
  }
  if (looksBinary(bytes)) return [fileProblem('This file is binary (it contains NUL bytes), not a Markdown post; it was not checked.')];
  const decoded = decodePost(bytes);
  const problems = checkPost({ path: relative, text: decoded.text, schema, site: { kind: site.kind, fileExists: (p) => siteFiles.has(p) } });
  if (!decoded.encoding.utf8) {
    problems.unshift(fileProblem('This file is not valid UTF-8 (perhaps Latin-1 or Windows-1252); readers may see garbled characters. Convert it to UTF-8.'));
  }
  return problems;
}

/**
 * A problem with the file as a whole. DESIGN.md's rule ids have none for
 * encoding, so it is reported under `mojibake`, the rule about garbled text.
 */
function fileProblem(message: string): Problem {
  return { rule: 'mojibake', severity: 'error', line: 1, column: 1, message, offset: 0, length: 0 };
}

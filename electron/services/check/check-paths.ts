/**
 * `recap check` and the app's check of saved files: posts or whole site
 * folders, read with their encoding respected, checked by the pure rules in
 * shared/check with the site's files (and schema, when a provider is given).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { countBySeverity } from '../../../shared/check';
import type { Problem } from '../../../shared/check';
import { siteFolders, type SiteFolders } from '../../../shared/check/local-files';
import { RecapError } from '../../../shared/errors';
import type { SiteSchema } from '../../../shared/front-matter/schema';
import type { Site } from '../../../shared/model';
import { requirePost } from '../documents/post-gate';
import { findPosts } from '../workspace/find-posts';
import { Workspace } from '../workspace/workspace';
import { findSiteOf } from '../workspace/find-site-root';
import { readSiteLayout } from '../workspace/site-layout';
import type { CheckFacts } from './check-bytes';
import { CheckRunner, type CheckRunOptions } from './check-runner';
import { listSiteFiles } from './site-files';

/**
 * Supplies the site's front-matter schema (required fields, allowed values)
 * for required-field and unknown-value. Tests pass a hand-built one.
 */
export type SchemaProvider = (site: Site) => Promise<SiteSchema | undefined>;

/** The schema inferred from the site's own posts, template and collections. */
export const inferredSchema: SchemaProvider = async (site) => (await Workspace.open(site.root)).schema();

export interface CheckOptions extends CheckRunOptions {
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
  const workspace = await Workspace.open(folder);
  const { site } = workspace;
  const layout = await workspace.layout();
  const [posts, siteFiles, { schema, pageUrls }] = await Promise.all([findPosts(site.root, layout), listSiteFiles(site.root, site.kind), siteKnowledge(site, options)]);
  posts.sort();
  const runner = new CheckRunner(site.root, { site: checkedSite(site, layout, pageUrls), schema, files: siteFiles }, options);
  try {
    const problems = await runner.checkAll(posts);
    return posts.map((relative, i) => ({ path: relative, absolutePath: path.join(site.root, relative), problems: problems[i]! }));
  } finally {
    await runner.close(new Set(posts));
  }
}

async function checkSingleFile(absolute: string, shown: string, options: CheckOptions): Promise<FileReport> {
  const site = await findSiteOf(absolute);
  const [siteFiles, { schema, pageUrls }, folders] = await Promise.all([listSiteFiles(site.root, site.kind), siteKnowledge(site, options), readSiteLayout(site.root, site.kind)]);
  const relative = path.relative(site.root, absolute).split(path.sep).join('/');
  requirePost(site, relative); // `recap check /bin/ls` or `_config.yml`: not a post, exit 2
  const runner = new CheckRunner(site.root, { site: checkedSite(site, folders, pageUrls), schema, files: siteFiles }, options);
  try {
    return { path: shown, absolutePath: absolute, problems: await runner.check(relative) };
  } finally {
    await runner.close();
  }
}

/** What the rules know of the site: its kind and where it serves files from (plain data: it goes to the check worker and into the cache key). */
function checkedSite(site: Site, layout: SiteFolders, pageUrls: Record<string, string> | undefined): CheckFacts['site'] {
  return { kind: site.kind, folders: siteFolders(layout, pageUrls) };
}

/** The schema (unless the caller provides one) and the URLs page bundles set themselves, from one read of the site's posts. */
async function siteKnowledge(site: Site, options: CheckOptions): Promise<{ schema: SiteSchema | undefined; pageUrls: Record<string, string> | undefined }> {
  const facts = (await Workspace.open(site.root)).facts();
  const schema = options.schemaFor ? await options.schemaFor(site) : (await facts).schema;
  return { schema, pageUrls: await facts.then((f) => f.pageUrls, () => undefined) };
}

/** Tells which static-site generator a folder belongs to, from the files each one requires. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteKind } from '../../../shared/model';

/**
 * Whether something exists at a path. Synchronous on purpose: a Jekyll site
 * is known after some twenty of these, and as many round trips through
 * libuv's thread pool cost 3–4 ms of every `recap` command and site opening.
 */
const exists = (file: string): boolean => existsSync(file);

function firstExisting(root: string, names: string[]): string | null {
  for (const name of names) if (exists(path.join(root, name))) return path.join(root, name);
  return null;
}

async function readSmall(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).slice(0, 64 * 1024);
  } catch {
    return '';
  }
}

export async function detectSiteKind(root: string): Promise<SiteKind> {
  return (await detectSite(root)).kind;
}

export interface DetectedSite {
  kind: SiteKind;
  /** Recognised by a configuration file, not merely by a folder (`_posts/`, `archetypes/` + `content/`). */
  byConfig: boolean;
}

export async function detectSite(root: string): Promise<DetectedSite> {
  const config = (kind: SiteKind): DetectedSite => ({ kind, byConfig: true });
  // Zola and Hugo both may use config.toml: Zola spells `base_url`, Hugo `baseURL`.
  const zolaConfig = firstExisting(root, ['zola.toml', 'config.toml']);
  if (zolaConfig && /^\s*base_url\s*=/m.test(await readSmall(zolaConfig)) && exists(path.join(root, 'content'))) return config('zola');

  if (firstExisting(root, ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json'])) return config('hugo');
  // Hugo's configuration directory (opentelemetry.io): config/_default/hugo.yaml.
  if (firstExisting(path.join(root, 'config', '_default'), ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml'])) return config('hugo');
  const legacyHugo = firstExisting(root, ['config.toml', 'config.yaml', 'config.yml', 'config.json']);
  if (legacyHugo && /baseurl/i.test(await readSmall(legacyHugo))) return config('hugo');
  if (exists(path.join(root, 'archetypes')) && exists(path.join(root, 'content'))) return { kind: 'hugo', byConfig: false };

  if (firstExisting(root, ['_config.yml', '_config.yaml', '_config.toml'])) return config('jekyll');
  if (exists(path.join(root, '_posts'))) return { kind: 'jekyll', byConfig: false };

  if (firstExisting(root, ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs'])) return config('astro');

  if (firstExisting(root, ['.eleventy.js', 'eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', 'eleventy.config.ts'])) return config('eleventy');
  const pkg = await readSmall(path.join(root, 'package.json'));
  if (pkg.includes('"@11ty/eleventy"')) return config('eleventy');
  if (pkg.includes('"astro"')) return config('astro');

  return { kind: 'unknown', byConfig: false };
}

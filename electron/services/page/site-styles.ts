/**
 * The site's stylesheets as Jekyll builds them: each Sass entry page (a
 * `.scss`/`.sass` file with front matter, like `assets/css/style.scss`) has
 * its Liquid expanded, then is compiled with the `sass` package, load paths
 * `_sass/` (and a theme's `_sass/` when it is in the folder). Results are
 * cached by a hash of the expanded entry and of every partial it may load,
 * in memory and, given a store, in the state folder; the `sass` package is
 * loaded only when something has to be compiled.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type * as Sass from 'sass';
import type { CompiledCssStore } from './compiled-css-store';
import type { JekyllSite, SiteDocument } from './jekyll-site';
import { listFiles, statRecorded } from './site-files';

export interface CompiledStyle {
  /** Site path the stylesheet is published at (`/assets/css/style.css`). */
  url: string;
  css: string;
  /** Milliseconds the compile took (0 from the cache). */
  ms: number;
}

const cache = new Map<string, string>();
const MAX_CACHE = 32;

export function sassEntries(site: JekyllSite): SiteDocument[] {
  return site.pages.filter((page) => /\.s[ac]ss$/i.test(page.path));
}

/** A hash of what the Sass load paths hold (paths, sizes, mtimes): an edited partial compiles anew. */
export async function partialsSignature(loadPaths: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of loadPaths) {
    const files = (await listFiles(dir)).filter((f) => /\.(s[ac]ss|css)$/i.test(f));
    const infos = await Promise.all(files.map((f) => statRecorded(path.join(dir, f))));
    files.forEach((f, i) => hash.update(`${dir}/${f}:${infos[i]?.size ?? -1}:${infos[i]?.mtimeMs ?? -1}\n`));
  }
  return hash.digest('hex');
}

export function sassLoadPaths(site: JekyllSite): string[] {
  const configured = (site.config.sass as { sass_dir?: unknown } | undefined)?.sass_dir;
  return [path.join(site.root, typeof configured === 'string' ? configured : '_sass')];
}

/** The `sass` package, loaded on first use (a few hundred milliseconds, and most renders need none of it). */
export async function loadSass(): Promise<typeof Sass> {
  return import('sass');
}

/** Compiles one entry whose Liquid is already expanded. */
export async function compileSassEntry(site: JekyllSite, entry: SiteDocument, expanded: string, store: CompiledCssStore | null = null): Promise<CompiledStyle> {
  const loadPaths = sassLoadPaths(site);
  const key = createHash('sha256').update(site.root).update('\0').update(entry.path).update('\0').update(expanded).update('\0').update(await partialsSignature(loadPaths)).digest('hex');
  const url = entry.url;
  const hit = cache.get(key) ?? store?.get(key) ?? undefined;
  if (hit !== undefined) {
    remember(key, hit);
    return { url, css: hit, ms: 0 };
  }
  const started = performance.now();
  const { compileString } = await loadSass();
  const style = (site.config.sass as { style?: unknown } | undefined)?.style === 'compressed' ? 'compressed' : 'expanded';
  const result = compileString(expanded, {
    loadPaths,
    syntax: /\.sass$/i.test(entry.path) ? 'indented' : 'scss',
    style,
    url: new URL(`file://${path.join(site.root, entry.path)}`),
    // Deprecation notices are the site's business, not the author's; Jekyll's build shows them.
    logger: { warn: () => undefined, debug: () => undefined },
  });
  remember(key, result.css);
  await store?.put(key, result.css);
  return { url, css: result.css, ms: performance.now() - started };
}

/** Forgets what this process compiled (what a new process starts with): the store's copies stay. */
export function forgetCompiledStyles(): void {
  cache.clear();
}

function remember(key: string, css: string): void {
  if (cache.has(key)) return;
  if (cache.size >= MAX_CACHE) cache.delete(cache.keys().next().value!);
  cache.set(key, css);
}

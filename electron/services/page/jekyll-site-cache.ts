/**
 * What rendering one Jekyll post again and again (the Page view while the
 * author types) can keep between renders: the site as read from the folder
 * (config, data, includes, layouts, every collection), its Liquid engine
 * with the layouts parsed, its compiled stylesheets, and per post the
 * layout chain's output around `content` (layout-splice.ts). Kept until any
 * file or folder the site was read from changes: each render first stats
 * them (one stat per file, one listing per folder, in parallel), so an edited
 * include, layout, `_config.yml`, data file or Sass partial shows on the
 * next render without relying on a watcher. The documents of the
 * collections (`_posts/`…: thousands on a big site, and what other posts'
 * pages show only as titles, URLs, excerpts) are checked at most every
 * `documentsEveryMs`; the post being rendered is the editor's text anyway.
 */
import type { CompiledCssStore } from './compiled-css-store';
import path from 'node:path';
import type { JekyllSite } from './jekyll-site';
import { loadJekyllSite } from './jekyll-site';
import { createLiquid, type LiquidSite } from './liquid-engine';
import type { SplicedLayouts } from './layout-splice';
import { partialsSignature, sassLoadPaths, type CompiledStyle } from './site-styles';
import { readsChanged, recordReads, type SiteReads } from './site-files';

/** How often the collections' documents are checked for edits by other tools. */
const DOCUMENTS_EVERY_MS = 2000;

/** Posts whose layout output is kept at once (one per front matter and excerpt; the author edits one post at a time). */
const KEPT_LAYOUTS = 4;

export interface LayoutEntry {
  /** The rendered excerpt (page.excerpt), a function of the excerpt's source, the front matter and the site. */
  excerpt: string;
  /** The layout chain's output split where `content` goes, or null when the layouts do more with `content` than print it. */
  spliced: SplicedLayouts | null;
}

export interface CachedSite {
  /** Read once; each render puts the editor's version of its post in place of the file's (by path), after `restoreFiles`. */
  site: JekyllSite;
  /** The documents as read from the folder, so one post's unsaved text never shows in another's page. */
  files: Pick<JekyllSite, 'posts' | 'pages' | 'collections'>;
  liquid: LiquidSite;
  /** `site.time`: when the site was read (Jekyll's is the build's time). */
  time: Date;
  /** Compiled once per reading of the site. */
  styles: CompiledStyle[] | null;
  layouts: Map<string, LayoutEntry>;
  /** Counts readings of the site (tests see a reload). */
  generation: number;
}

export class JekyllSiteCache {
  private current: { root: string; reads: SiteReads; value: CachedSite; isDocument: (file: string) => boolean } | null = null;
  private generation = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private documentsCheckedAt = 0;

  /** Compiled Sass kept across runs (the state folder), when there is one. */
  readonly cssStore: CompiledCssStore | null;

  constructor(private readonly options: { documentsEveryMs?: number; cssStore?: CompiledCssStore } = {}) {
    this.cssStore = options.cssStore ?? null;
  }

  /**
   * Runs `use` with the site, one render at a time: renders change the
   * cached site (the edited post replaces its file's), so they never overlap.
   */
  async with<T>(root: string, use: (cached: CachedSite) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => use(await this.site(root)));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async site(root: string): Promise<CachedSite> {
    const current = this.current;
    if (current && current.root === root) {
      const now = Date.now();
      const documents = now - this.documentsCheckedAt >= (this.options.documentsEveryMs ?? DOCUMENTS_EVERY_MS);
      if (!(await readsChanged(current.reads, documents ? undefined : current.isDocument))) {
        if (documents) this.documentsCheckedAt = now;
        return current.value;
      }
    }
    const { value: site, reads } = await recordReads(async () => {
      const loaded = await loadJekyllSite(root);
      await partialsSignature(sassLoadPaths(loaded)); // notes the Sass partials, so an edited one recompiles
      return loaded;
    });
    const value = cachedSite(site, ++this.generation);
    this.current = { root, reads, value, isDocument: documentPaths(site) };
    this.documentsCheckedAt = Date.now();
    return value;
  }
}

/** Whether a path read is in a collection's folder (`_posts/`, `_drafts/`, `_<label>/`) or is one. */
function documentPaths(site: JekyllSite): (file: string) => boolean {
  const folders = new Set(['_posts', '_drafts', ...[...site.collectionMeta.keys()].map((label) => `_${label}`)]);
  return (file) => path.relative(site.root, file).split(path.sep).some((segment) => folders.has(segment));
}

/** A site just read, with nothing rendered yet (also what an uncached render starts from). */
export function cachedSite(site: JekyllSite, generation = 0): CachedSite {
  return { site, files: filesOf(site), liquid: createLiquid(site), time: new Date(), styles: null, layouts: new Map(), generation };
}

function filesOf(site: JekyllSite): CachedSite['files'] {
  return { posts: site.posts, pages: site.pages, collections: new Map(site.collections) };
}

/** Puts the site's documents back as the folder has them (replaceDocument makes new lists, never changes these). */
export function restoreFiles(cached: CachedSite): void {
  cached.site.posts = cached.files.posts;
  cached.site.pages = cached.files.pages;
  cached.site.collections = new Map(cached.files.collections);
}

export function keepLayout(cached: CachedSite, key: string, entry: LayoutEntry): void {
  cached.layouts.delete(key);
  cached.layouts.set(key, entry);
  while (cached.layouts.size > KEPT_LAYOUTS) cached.layouts.delete(cached.layouts.keys().next().value!);
}

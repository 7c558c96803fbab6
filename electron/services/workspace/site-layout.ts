/**
 * Where a site keeps its pages and its static files, read from the
 * generator's own configuration: Hugo's `contentDir`, `publishDir` and
 * `module.mounts`, Jekyll's `destination` and `exclude`, Zola's
 * `output_dir`, Eleventy's `dir.input`/`dir.output`, Astro's `outDir`.
 * Only folders at the site root are ever skipped: a `content/docs/resources/`
 * section is content, whatever its name.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseJson, parseToml, parseYaml } from '../../../shared/front-matter/parse-values';
import type { StaticMount } from '../../../shared/check/local-files';
import type { FrontMatterValue, SiteKind } from '../../../shared/model';

export interface SiteLayout {
  kind: SiteKind;
  /** Folders (site-relative, `/` separators, '' for the root) whose Markdown files are pages. */
  contentDirs: string[];
  /** Site-relative folders that hold no pages: build output, dependencies, themes, templates (at the root, or the input folder's own). */
  skippedDirs: ReadonlySet<string>;
  /** Hugo: the content folders with the URL path each is mounted at (a file mounted as `content/docs` is served under `docs/`). */
  contentMounts?: StaticMount[];
  /** Hugo: page paths (`/docs/x/_includes/intro`) the configuration's `cascade` never renders, as regular expressions. */
  neverRendered?: RegExp[];
  /** Folders whose files are served at a URL path (Hugo's `static/` and static/assets mounts, Zola's `static/`, Astro's `public/`). */
  staticDirs: StaticMount[];
}

/** Never pages, in any generator: dependencies and tool caches at the root. */
const ALWAYS_SKIPPED = ['node_modules', 'vendor', '.git'];
/** Each generator's default output, theme and template folders at the root. */
const SKIPPED_BY_KIND: Record<SiteKind, string[]> = {
  jekyll: ['_site', '_includes', '_layouts', '_data', '_sass'],
  hugo: ['public', 'resources', 'themes', 'archetypes', 'layouts'],
  zola: ['public', 'themes', 'templates'],
  astro: ['dist'],
  eleventy: ['_site', '_includes', '_data'],
  unknown: ['_site', 'public', 'dist', 'themes'],
};

const CONFIG_FILES: Record<SiteKind, string[]> = {
  jekyll: ['_config.yml', '_config.yaml', '_config.toml'],
  hugo: ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'],
  zola: ['zola.toml', 'config.toml'],
  astro: ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs'],
  eleventy: ['eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', 'eleventy.config.ts', '.eleventy.js'],
  unknown: [],
};

type Config = Record<string, FrontMatterValue>;

export async function readSiteLayout(root: string, kind: SiteKind): Promise<SiteLayout> {
  const { name, text } = await readConfigText(root, kind);
  if (kind !== 'hugo') return layoutFromConfig(kind, name, text);
  const config = { ...(await readHugoConfigDir(root)), ...parseConfig(name, text) };
  return hugoLayout(config, new Set([...ALWAYS_SKIPPED, ...SKIPPED_BY_KIND.hugo]), await languageFolders(root, config));
}

/**
 * Hugo's configuration directory (`config/_default/`): `hugo.*` or `config.*`
 * hold the root settings, and a file named for a section holds that section
 * (`module.yaml` is `module:`, `languages.toml` is `languages`).
 */
async function readHugoConfigDir(root: string): Promise<Config> {
  const dir = path.join(root, 'config', '_default');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return {};
  }
  const config: Config = {};
  for (const name of names.filter((n) => /\.(toml|ya?ml|json)$/.test(n)).sort()) {
    const section = name.replace(/\.[^.]+$/, '');
    const values = parseConfig(name, (await readFile(path.join(dir, name), 'utf8').catch(() => '')).slice(0, 256 * 1024));
    if (section === 'hugo' || section === 'config') Object.assign(config, values);
    else if (section === 'module' || section === 'languages' || section === 'params') config[section] = values;
    // opentelemetry.io writes module.yaml from module-template.yaml when it builds: a fresh checkout has only the template.
    else if (section === 'module-template') config['module-template'] = values;
  }
  config.module ??= config['module-template'] ?? null;
  return config;
}

/** `content/<lang>/` folders of the configured languages: a multilingual site's content, one folder per language. */
async function languageFolders(root: string, config: Config): Promise<string[]> {
  const base = folderSetting(config.contentDir ?? config.contentdir) ?? 'content';
  const found: string[] = [];
  for (const language of Object.keys(asRecord(config.languages) ?? {})) {
    const dir = `${base}/${language}`;
    if (/^[\w-]+$/.test(language) && (await stat(path.join(root, dir)).then((info) => info.isDirectory(), () => false))) found.push(dir);
  }
  return found;
}

/** The layout a site of this kind has without any settings in its configuration. */
export function defaultSiteLayout(kind: SiteKind): SiteLayout {
  return layoutFromConfig(kind, '', '');
}

function layoutFromConfig(kind: SiteKind, name: string, text: string): SiteLayout {
  const skipped = new Set([...ALWAYS_SKIPPED, ...SKIPPED_BY_KIND[kind]]);
  switch (kind) {
    case 'hugo':
      return hugoLayout(parseConfig(name, text), skipped, []);
    case 'jekyll': {
      const config = parseConfig(name, text);
      addFolder(skipped, config.destination);
      // `exclude` names files and folders Jekyll never reads; only root folders matter here.
      if (Array.isArray(config.exclude)) for (const entry of config.exclude) addFolder(skipped, entry);
      return { kind, contentDirs: [''], skippedDirs: skipped, staticDirs: atRoot('') };
    }
    case 'zola':
      addFolder(skipped, parseConfig(name, text).output_dir);
      return { kind, contentDirs: ['content'], skippedDirs: skipped, staticDirs: atRoot('static') };
    case 'astro':
      addFolder(skipped, scriptSetting(text, 'outDir'));
      return { kind, contentDirs: ['src/content', 'src/pages'], skippedDirs: skipped, staticDirs: atRoot('public') };
    case 'eleventy': {
      const input = folderSetting(scriptSetting(text, 'input')) ?? '';
      addFolder(skipped, scriptSetting(text, 'output'));
      // Eleventy's includes and data folders are relative to its input folder.
      for (const [key, fallback] of [['includes', '_includes'], ['data', '_data']] as const) addFolder(skipped, path.posix.join(input || '.', scriptSetting(text, key) ?? fallback));
      return { kind, contentDirs: [input], skippedDirs: skipped, staticDirs: atRoot(...new Set([input, 'public', ''])) };
    }
    default:
      return { kind, contentDirs: [''], skippedDirs: skipped, staticDirs: atRoot('') };
  }
}

/**
 * Hugo: content is `contentDir` (per language too), unless `module.mounts`
 * mounts folders as `content` — then, as Hugo does, only those, each at the
 * URL path it is mounted on. Static files are `static/` plus every folder
 * mounted as `static` or `assets`.
 */
function hugoLayout(config: Config, skipped: Set<string>, languageDirs: string[]): SiteLayout {
  addFolder(skipped, config.publishDir ?? config.publishdir);
  const module = asRecord(config.module);
  const mounts = (Array.isArray(module?.mounts) ? module.mounts : []).flatMap((m) => {
    const mount = asRecord(m);
    const source = folderSetting(mount?.source);
    const target = typeof mount?.target === 'string' ? mount.target.replace(/^\/+|\/+$/g, '') : '';
    return source === null ? [] : [{ source, target }];
  });
  /** Mounts into a component (`static`, `static/images`), with the URL path under it they serve. */
  const mounted = (component: string): StaticMount[] =>
    mounts.flatMap(({ source, target }) => (target === component || target.startsWith(component + '/') ? [{ dir: source, url: target.slice(component.length + 1) }] : []));
  let contentMounts = mounted('content');
  if (contentMounts.length === 0) {
    const dirs = new Set([folderSetting(config.contentDir ?? config.contentdir) ?? 'content', ...languageDirs]);
    for (const language of Object.values(asRecord(config.languages) ?? {})) {
      const dir = folderSetting(asRecord(language)?.contentDir ?? asRecord(language)?.contentdir);
      if (dir !== null) dirs.add(dir);
    }
    contentMounts = atRoot(...dirs);
  }
  // Files in assets/ reach pages through resources.Get (render hooks, shortcodes) at the same paths.
  const staticDirs = [...atRoot('static', 'assets'), ...mounted('static'), ...mounted('assets')];
  const neverRendered = cascadeNeverRendered(config.cascade);
  return { kind: 'hugo', contentDirs: [...new Set(contentMounts.map((m) => m.dir))], contentMounts, skippedDirs: skipped, staticDirs, ...(neverRendered.length ? { neverRendered } : {}) };
}

/**
 * The site configuration's cascade entries that say `build.render: never`
 * for a `target.path` glob (opentelemetry.io hides every `_includes/` so).
 */
function cascadeNeverRendered(cascade: FrontMatterValue | undefined): RegExp[] {
  const entries = Array.isArray(cascade) ? cascade : cascade ? [cascade] : [];
  return entries.flatMap((entry) => {
    const record = asRecord(entry);
    const build = asRecord(record?.build ?? record?._build);
    const target = asRecord(record?.target ?? record?._target);
    const never = build?.render === 'never' || build?.render === false;
    return never && typeof target?.path === 'string' ? [globToRegExp(target.path)] : [];
  });
}

/** Hugo's path globs: `**` crosses folders, `*` and `?` do not, `{a,b}` is either. */
function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') source += '(?:';
    else if (c === '}') source += ')';
    else if (c === ',') source += '|';
    else source += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function atRoot(...dirs: string[]): StaticMount[] {
  return dirs.map((dir) => ({ dir, url: '' }));
}

export async function readConfigText(root: string, kind: SiteKind): Promise<{ name: string; text: string }> {
  for (const name of CONFIG_FILES[kind]) {
    try {
      return { name, text: (await readFile(path.join(root, name), 'utf8')).slice(0, 256 * 1024) };
    } catch {
      /* try the next name */
    }
  }
  return { name: '', text: '' };
}

/** A broken configuration leaves the defaults: the generator would refuse it anyway, and the list should still show. */
function parseConfig(name: string, text: string): Config {
  if (!text) return {};
  try {
    if (name.endsWith('.toml')) return parseToml(text);
    if (name.endsWith('.json')) return parseJson(text);
    return parseYaml(text);
  } catch {
    return {};
  }
}

/**
 * A string setting in a JavaScript configuration (`output: "dist"`,
 * `outDir: './build'`), read as text: configurations are code, never run.
 */
export function scriptSetting(text: string, key: string): string | null {
  const match = new RegExp(`\\b${key}\\s*:\\s*(["'\`])([^"'\`\\n]+)\\1`).exec(text);
  return match?.[2] ?? null;
}

/** A site-relative folder, `/`-separated without `./` or trailing `/`; null when absent or outside the site. */
export function folderSetting(value: FrontMatterValue | undefined): string | null {
  if (typeof value !== 'string') return null;
  const folder = path.posix.normalize(value.trim().replace(/\\/g, '/')).replace(/^\.\/?|\/+$/g, '');
  if (folder === '' || folder === '.') return '';
  return folder.startsWith('../') || folder.startsWith('/') ? null : folder;
}

function addFolder(skipped: Set<string>, value: FrontMatterValue | undefined): void {
  const folder = folderSetting(value);
  if (folder) skipped.add(folder);
}

function asRecord(value: FrontMatterValue | undefined): Config | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
}

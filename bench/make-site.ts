/**
 * A Jekyll site of N posts made by repeating the fixture sites' real posts:
 * every dated Jekyll post as it is, and the Rust blog's mid-sized and long
 * posts (9–64 KB) with their TOML front matter rewritten as Jekyll's YAML.
 * Bodies are never touched, so word counts, the check and the index meet
 * real Markdown; the mix averages about 15 KB a post. Titles and dates are
 * numbered so every post is distinct.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dump, load } from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import { detectSiteKind } from '../electron/services/workspace/detect-site';
import { findPosts } from '../electron/services/workspace/find-posts';

const MIN_BYTES = 9 * 1024;
const MAX_BYTES = 64 * 1024;

export interface MadeSite {
  posts: number;
  sources: number;
  meanBytes: number;
}

export async function makeSite(fixturesDir: string, target: string, count: number): Promise<MadeSite> {
  const sources = await realPosts(fixturesDir);
  await mkdir(path.join(target, '_posts'), { recursive: true });
  await writeFile(path.join(target, '_config.yml'), 'title: Bench site\n');
  let bytes = 0;
  let pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length]!;
    const date = new Date(Date.UTC(2010, 0, 1) + i * 9 * 3_600_000).toISOString().slice(0, 10);
    const text = `---\ntitle: ${JSON.stringify(`${source.title} (${i})`)}\ndate: ${date}\n${source.fields}---\n${source.body}`;
    bytes += Buffer.byteLength(text);
    pending.push(writeFile(path.join(target, '_posts', `${date}-${source.slug}-${i}.md`), text));
    if (pending.length >= 256) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
  return { posts: count, sources: sources.length, meanBytes: Math.round(bytes / count) };
}

interface Source {
  title: string;
  /** The other front-matter lines, as written. */
  fields: string;
  body: string;
  slug: string;
}

/** The real posts: Jekyll ones verbatim, the Rust blog's with YAML front matter. */
async function realPosts(fixturesDir: string): Promise<Source[]> {
  const sources: Source[] = [];
  for (const site of ['events-jekyll', 'jekyll-docs', 'minima-jekyll']) {
    const dir = path.join(fixturesDir, 'sites', site, '_posts');
    for (const name of (await readdir(dir)).sort()) {
      if (!/^\d{4}-\d{2}-\d{2}-.+\.md$/.test(name)) continue;
      const text = await readFile(path.join(dir, name), 'utf8');
      const match = /^---\n([\s\S]*?\n)---[ \t]*\n/.exec(text);
      const data = match ? (load(match[1]!) as Record<string, unknown> | null) : null;
      if (!match || typeof data?.title !== 'string') continue;
      const fields = match[1]!.replace(/^(title|date):.*\n/gm, '');
      sources.push({ title: data.title, fields, body: text.slice(match[0].length), slug: name.slice(11, -3) });
    }
  }
  const rust = path.join(fixturesDir, 'sites', 'rust-blog');
  for (const relative of (await findPosts(rust, await detectSiteKind(rust))).sort()) {
    const text = await readFile(path.join(rust, relative), 'utf8');
    const size = Buffer.byteLength(text);
    const match = /^\+\+\+\n([\s\S]*?)\n\+\+\+\n/.exec(text);
    if (size < MIN_BYTES || size > MAX_BYTES || !match) continue;
    const toml = parseToml(match[1]!) as Record<string, unknown>;
    if (typeof toml.title !== 'string') continue;
    const fields: Record<string, unknown> = {};
    if (Array.isArray(toml.authors)) fields.author = toml.authors.join(', ');
    if (typeof toml.description === 'string') fields.description = toml.description;
    fields.categories = ['rust'];
    sources.push({ title: toml.title, fields: dump(fields, { lineWidth: -1 }), body: text.slice(match[0].length), slug: path.basename(relative, '.md').replace(/[^\w.-]+/g, '-').toLowerCase() });
  }
  return sources;
}

/**
 * Everything Recap learns about a site's front matter from its files: the
 * inferred schema, the new-post template, `.recap.json`, and which
 * front-matter language and draft convention its posts use.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { FrontMatterData } from '../../../shared/front-matter/field-path';
import { inferSchema } from '../../../shared/front-matter/infer-schema';
import { parsePost } from '../../../shared/front-matter/post-document';
import { postGroup } from '../../../shared/front-matter/post-group';
import type { SiteSchema } from '../../../shared/front-matter/schema';
import type { RecapSettings } from '../../../shared/front-matter/site-settings';
import type { FrontMatterLanguage, SiteKind } from '../../../shared/model';
import { findPosts } from '../workspace/find-posts';
import { frontMatterEnd } from '../workspace/summarize-file';
import { readChoiceSources } from './read-choice-sources';
import { readSiteSettings } from './read-site-settings';
import { readSiteTemplate, type ReadTemplate } from './read-site-template';

export interface SiteFacts {
  schema: SiteSchema;
  template: ReadTemplate | null;
  settings: RecapSettings | null;
  /** Site-relative paths of the posts. */
  posts: string[];
  /** How many posts use each front-matter language. */
  languages: Record<FrontMatterLanguage, number>;
  /** Posts mark drafts with a `draft:` field (Hugo, Zola, some Jekyll sites). */
  usesDraftField: boolean;
  /** Page bundles that set their own URL (Zola `path`, Hugo `url`): URL path → bundle folder, for relative images. */
  pageUrls: Record<string, string>;
}

const BUNDLE_INDEX = /(?:^|\/)index\.[^/]+$/i;
/** Files read at once. */
const CONCURRENCY = 32;
/** Front matter lives at the top; reading this much of each post is enough and bounds the work. */
const HEAD_BYTES = 64 * 1024;
const FIRST_BYTES = 16 * 1024;

export async function readSiteFacts(root: string, kind: SiteKind): Promise<SiteFacts> {
  const [posts, template, choiceSources, settings] = await Promise.all([
    findPosts(root, kind),
    readSiteTemplate(root, kind),
    readChoiceSources(root, kind),
    readSiteSettings(root),
  ]);
  posts.sort();
  const data: FrontMatterData[] = [];
  const groups: string[] = [];
  const pageUrls: Record<string, string> = {};
  const languages: Record<FrontMatterLanguage, number> = { yaml: 0, toml: 0, json: 0 };
  let next = 0;
  const worker = async () => {
    while (next < posts.length) {
      const relative = posts[next++]!;
      const post = parsePost(await readHead(path.join(root, relative)));
      if (post.language) languages[post.language]++;
      if (post.data && post.block) {
        data.push(post.data);
        groups.push(postGroup(relative, post.data));
        const url = post.data.path ?? post.data.url;
        if (typeof url === 'string' && BUNDLE_INDEX.test(relative)) pageUrls[url.replace(/^\/+|\/+$/g, '')] = relative.slice(0, relative.lastIndexOf('/'));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, posts.length) }, worker));
  const schema = inferSchema({ posts: data, groups, template, choiceSources, settings });
  const usesDraftField = data.some((d) => typeof d.draft === 'boolean') || (template?.order.includes('draft') ?? false);
  return { schema, template, settings, posts, languages, usesDraftField, pageUrls };
}

async function readHead(file: string): Promise<string> {
  try {
    // Only the head is read: the schema needs front matter, and whole files made a warm `recap check` read the site twice.
    const handle = await open(file, 'r');
    let text: string;
    try {
      // 16 KB holds almost every front matter; only one that does not close there is read up to HEAD_BYTES.
      let head = Buffer.allocUnsafe(FIRST_BYTES);
      let { bytesRead } = await handle.read(head, 0, FIRST_BYTES, 0);
      if (bytesRead === FIRST_BYTES && frontMatterEnd(head) === -1) {
        head = Buffer.allocUnsafe(HEAD_BYTES);
        ({ bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0));
      }
      text = head.toString('utf8', 0, bytesRead);
    } finally {
      await handle.close();
    }
    return text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  } catch {
    return ''; // deleted while reading: simply not counted
  }
}

/** A post file on disk → its rendered page, for the CLI (`recap render`, `recap share`) and the benches. */
import { readFile } from 'node:fs/promises';
import { locatePostFile } from '../front-matter/edit-post-file';
import { findSiteOf } from '../workspace/find-site-root';
import { renderPage, type PageRenderOptions, type RenderedPage } from './render-page';

export async function renderPostFile(file: string, options: PageRenderOptions): Promise<RenderedPage & { relative: string }> {
  const post = await locatePostFile(file);
  const site = await findSiteOf(post.absolute);
  const text = await readFile(post.absolute, 'utf8');
  return { ...(await renderPage({ ...site, root: post.root }, post.relative, text, options)), relative: post.relative };
}

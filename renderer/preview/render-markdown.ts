/**
 * Markdown → sanitised HTML tree (hast). Runs inside the preview worker, or
 * in-thread where workers do not exist. The tree is plain JSON so it can cross
 * postMessage; React renders it on the main thread.
 */
import type { Root, RootContent } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

// Raw HTML is parsed (posts embed tweets and iframes) and then sanitised with
// GitHub's schema, so no script, event handler or javascript: URL survives.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize)
  .freeze();

export async function markdownToHast(markdown: string): Promise<Root> {
  const tree = (await processor.run(processor.parse(markdown))) as Root;
  stripPositions(tree);
  return tree;
}

/** Positions are not rendered; dropping them halves what crosses to the main thread. */
function stripPositions(node: Root | RootContent): void {
  delete node.position;
  if ('children' in node) for (const child of node.children) stripPositions(child);
}

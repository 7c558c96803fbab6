/**
 * Markdown → sanitised HTML tree (hast). Runs inside the preview worker, or
 * in-thread where workers do not exist. The tree is plain JSON so it can cross
 * postMessage; React renders it on the main thread.
 */
import type { Element, Root, RootContent } from 'hast';
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
  .use(() => holdBackRemoteImages)
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

const REMOTE = /^(?:https?:)?\/\//i;

/**
 * Previews are private: an image on another host would tell it who is
 * reading the draft. Until the author allows external content, such an image
 * becomes a labelled placeholder; images in the site itself load as usual.
 */
function holdBackRemoteImages(tree: Root): void {
  const visit = (parent: Root | Element) => {
    parent.children.forEach((child, index) => {
      if (child.type !== 'element') return;
      const src = child.properties.src;
      if (child.tagName === 'img' && typeof src === 'string' && REMOTE.test(src.trim())) {
        const alt = typeof child.properties.alt === 'string' && child.properties.alt !== '' ? child.properties.alt : 'image';
        parent.children[index] = {
          type: 'element',
          tagName: 'span',
          properties: { className: ['remote-image'], title: src },
          children: [{ type: 'text', value: `External image not loaded: ${alt}` }],
        };
        return;
      }
      visit(child);
    });
  };
  visit(tree);
}

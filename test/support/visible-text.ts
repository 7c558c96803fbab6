/** What a reader sees of a page, to compare Recap's render with a generator's build word for word. */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

const BLOCKS = new Set(['address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul', 'title', 'body', 'head', 'html', 'label', 'time']);

/** Words a reader sees: the title, and the body's text without scripts and styles (inline elements do not split words). */
export function visibleWords(html: string): string[] {
  const tree = fromHtml(html);
  let text = '';
  const visit = (node: Root | RootContent, inHead: boolean) => {
    if (node.type === 'text') {
      text += node.value;
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    const element = node as Element;
    if (node.type === 'element' && ['script', 'style', 'noscript', 'template'].includes(element.tagName)) return;
    const head = inHead || (node.type === 'element' && element.tagName === 'head');
    if (head && node.type === 'element' && element.tagName !== 'title' && element.tagName !== 'head') return;
    const block = node.type === 'element' && BLOCKS.has(element.tagName);
    if (block) text += ' ';
    for (const child of element.children ?? []) visit(child, head);
    if (block) text += ' ';
  };
  visit(tree, false);
  return text.split(/\s+/).filter(Boolean);
}

/** 2·LCS / (|a| + |b|): 1 when the words are the same in the same order. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    previous = row;
  }
  return (2 * previous[b.length]!) / (a.length + b.length);
}

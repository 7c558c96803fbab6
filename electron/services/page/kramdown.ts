/**
 * Markdown as Jekyll's default converter writes it (kramdown, GFM input,
 * Rouge): typographic quotes, dashes and ellipses, GFM header ids, IAL
 * `{: .class #id key="value"}` applied to the element (never printed), code
 * in Rouge's wrappers. Raw HTML is kept as written: the page pipeline
 * sanitises the result before it enters a layout.
 */
import type { Element, ElementContent, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Code, InlineCode, Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { State } from 'mdast-util-to-hast';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

export function markdownToHtml(markdown: string): string {
  return markdownWithAnchors(markdown).html;
}

/** The HTML and, from the same parse, the headings' anchors as headingAnchors gives them (one parse instead of two per render). */
export function markdownWithAnchors(markdown: string): { html: string; anchors: { line: number; id: string }[] } {
  const parsed = parser.parse(markdown) as Root;
  const anchors = anchorsOf(parsed, 0); // before the transforms below change the headings' text
  const tree = parser.runSync(parsed) as Root;
  applyIals(tree);
  smartenTree(tree);
  const hast = unified()
    .use(remarkRehype, { allowDangerousHtml: true, handlers: { code: codeBlock, inlineCode } })
    .runSync(tree);
  addHeaderIds(hast as unknown as Element);
  return { html: toHtml(hast, { allowDangerousHtml: true, closeSelfClosing: true }), anchors };
}

// --- IAL -------------------------------------------------------------------

const IAL_LINE = /^\{:\s*([^}]*)\}\s*$/;
const IAL_START = /^\{:\s*([^}]*)\}/;

/** `.a #b key="v" key2='w'` → hast properties. */
export function parseIal(text: string): Properties {
  const properties: Properties = {};
  const classes: string[] = [];
  const pattern = /([.#])([\w-]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))/g;
  for (const m of text.matchAll(pattern)) {
    if (m[1] === '.') classes.push(m[2]!);
    else if (m[1] === '#') properties.id = m[2]!;
    else if (m[3]) properties[m[3]] = m[4] ?? m[5] ?? m[6] ?? '';
  }
  if (classes.length > 0) properties.className = classes;
  return properties;
}

function mergeProperties(node: Nodes, add: Properties): void {
  const data = (node.data ??= {}) as { hProperties?: Properties };
  const current = data.hProperties ?? {};
  const className = [...toList(current.className), ...toList(add.className)];
  data.hProperties = { ...current, ...add, ...(className.length > 0 ? { className } : {}) };
}

function toList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

function paragraphText(node: RootContent): string | null {
  if (node.type !== 'paragraph' || node.children.length !== 1 || node.children[0]!.type !== 'text') return null;
  return node.children[0].value;
}

/** Block IALs (a line of their own after a block, or a paragraph's last line) and span IALs (right after an element). */
function applyIals(parent: Parent): void {
  const kept: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    const alone = paragraphText(child);
    const match = alone !== null ? IAL_LINE.exec(alone.trim()) : null;
    if (match) {
      const previous = kept[kept.length - 1];
      // `{:name: …}` defines a reference (ALD); it applies to nothing here.
      if (previous && !/^[\w-]+:/.test(match[1]!)) mergeProperties(previous, parseIal(match[1]!));
      continue;
    }
    if (child.type === 'paragraph') trailingIal(child);
    if ('children' in child) applyIals(child as Parent);
    kept.push(child);
  }
  (parent as { children: RootContent[] }).children = kept;
  if (parent.type === 'paragraph' || parent.type === 'heading' || parent.type === 'emphasis' || parent.type === 'strong' || parent.type === 'link' || parent.type === 'tableCell') spanIals(parent as Paragraph);
}

function trailingIal(paragraph: Paragraph): void {
  const last = paragraph.children[paragraph.children.length - 1];
  if (!last || last.type !== 'text') return;
  const match = /\n\{:\s*([^}]*)\}\s*$/.exec(last.value);
  if (!match) return;
  last.value = last.value.slice(0, match.index);
  mergeProperties(paragraph, parseIal(match[1]!));
}

function spanIals(parent: Paragraph): void {
  const children = parent.children;
  for (let i = 1; i < children.length; i++) {
    const node = children[i]!;
    const previous = children[i - 1]!;
    if (node.type !== 'text' || previous.type === 'text') continue;
    const match = IAL_START.exec(node.value);
    if (!match) continue;
    mergeProperties(previous, parseIal(match[1]!));
    node.value = node.value.slice(match[0].length);
  }
  // A heading's trailing `{: #id}` or `{#id}` (kramdown's header id syntax).
  const last = children[children.length - 1];
  if (last?.type === 'text') {
    const match = /\s*\{[:#]\s*([^}]*)\}\s*$/.exec(last.value);
    if (match && (parent as Parent).type === 'heading') {
      const spec = match[0].includes('{#') ? `#${match[1]}` : match[1]!;
      mergeProperties(parent, parseIal(spec));
      last.value = last.value.slice(0, match.index);
    }
  }
}

// --- Typography ---------------------------------------------------------------

const SKIP = new Set(['code', 'inlineCode', 'html', 'math', 'inlineMath']);

function smartenTree(root: Root): void {
  const visit = (node: Nodes) => {
    if (SKIP.has(node.type)) return;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      smartenRun(node.children);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(root);
}

/** Smartens the text nodes of one run of inline content, reading the character before each across node boundaries. */
function smartenRun(children: PhrasingContent[]): void {
  let before = '';
  const walk = (nodes: PhrasingContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        node.value = smartypants(node.value, before);
        before = node.value.slice(-1) || before;
      } else if (node.type === 'inlineCode') {
        before = 'x';
      } else if (node.type === 'html') {
        before = before || ' ';
      } else if ('children' in node) {
        walk(node.children as PhrasingContent[]);
      }
    }
  };
  walk(children);
}

/** kramdown's typographic symbols and smart quotes. */
export function smartypants(text: string, before = ''): string {
  let out = text
    .replace(/---/g, '\u2014')
    .replace(/--/g, '\u2013')
    .replace(/\.\.\./g, '\u2026')
    .replace(/<< /g, '\u00ab\u00a0')
    .replace(/ >>/g, '\u00a0\u00bb')
    .replace(/<</g, '\u00ab')
    .replace(/>>/g, '\u00bb');
  let result = '';
  for (let i = 0; i < out.length; i++) {
    const ch = out[i]!;
    if (ch !== '"' && ch !== "'") {
      result += ch;
      continue;
    }
    const prev = i > 0 ? out[i - 1]! : before;
    const next = out[i + 1] ?? '';
    const opening = prev === '' || /[\s([{\u2014\u2013-]/.test(prev);
    if (ch === "'") {
      if (/[\p{L}\p{N}]/u.test(prev) && /[\p{L}\p{N}]/u.test(next)) result += '\u2019';
      else if (opening && /\d/.test(next) && /^\d{2}s?\b/.test(out.slice(i + 1))) result += '\u2019'; // '80s
      else result += opening && next !== '' && !/\s/.test(next) ? '\u2018' : '\u2019';
    } else {
      result += opening && next !== '' && !/\s/.test(next) ? '\u201c' : '\u201d';
    }
  }
  out = result;
  return out;
}

// --- Code -------------------------------------------------------------------

function codeBlock(_state: State, node: Code): Element {
  const lang = node.lang ? node.lang.toLowerCase() : null;
  const code: Element = { type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: node.value + '\n' }] };
  const pre: Element = { type: 'element', tagName: 'pre', properties: { className: ['highlight'] }, children: [code] };
  const highlight: Element = { type: 'element', tagName: 'div', properties: { className: ['highlight'] }, children: [pre] };
  return { type: 'element', tagName: 'div', properties: { className: [...(lang ? [`language-${lang}`] : []), 'highlighter-rouge'] }, children: [highlight] };
}

function inlineCode(_state: State, node: InlineCode): Element {
  const props = (node.data as { hProperties?: Properties } | undefined)?.hProperties ?? {};
  return { type: 'element', tagName: 'code', properties: { className: ['language-plaintext', 'highlighter-rouge'], ...props }, children: [{ type: 'text', value: node.value }] };
}

// --- Header ids ---------------------------------------------------------------

/** kramdown GFM's ids: lower case, non-word characters dropped, spaces to dashes, `-1`, `-2` for repeats. */
export function headerIdGenerator(): (text: string) => string {
  const counts = new Map<string, number>();
  return (text) => {
    const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- \t]/gu, '').replace(/[ \t]/g, '-');
    const seen = counts.get(base);
    counts.set(base, seen === undefined ? 0 : seen + 1);
    return seen === undefined ? base : `${base}-${seen + 1}`;
  };
}

function addHeaderIds(root: Element): void {
  const next = headerIdGenerator();
  const visit = (node: Element | ElementContent) => {
    if (node.type !== 'element' && (node as { type: string }).type !== 'root') return;
    const element = node as Element;
    if (/^h[1-6]$/.test(element.tagName ?? '') && element.properties.id === undefined) {
      element.properties.id = next(textOf(element));
    }
    for (const child of element.children ?? []) visit(child);
  };
  visit(root);
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

export type { Text };

/** The headings of a Markdown body with the ids kramdown gives them and their lines, for following the editor's scroll. */
export function headingAnchors(markdown: string, firstLine = 0): { line: number; id: string }[] {
  return anchorsOf(parser.parse(markdown) as Root, firstLine);
}

function anchorsOf(tree: Root, firstLine: number): { line: number; id: string }[] {
  const next = headerIdGenerator();
  const out: { line: number; id: string }[] = [];
  for (const node of tree.children) {
    if (node.type !== 'heading' || !node.position) continue;
    const text = smartypants(toPlain(node));
    out.push({ line: node.position.start.line + firstLine, id: next(text) });
  }
  return out;
}

function toPlain(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(toPlain).join('');
  return '';
}

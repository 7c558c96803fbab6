/**
 * Site-generator template syntax in a post: Liquid (`{% %}`, `{{ }}`), Hugo
 * shortcodes (`{{< >}}`, `{{% %}}`) and Zola shortcodes. The preview cannot
 * run them; code-block tags become code, and every other tag shows as an
 * inert, visibly marked chip instead of leaking into the text.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';

const HIGHLIGHT = /^([ \t]*)(?:\{%-?\s*highlight\s+([\w+#.-]+)[^%]*%\}|\{\{<\s*highlight\s+([\w+#.-]+)[^>]*>\}\})[ \t]*\n([\s\S]*?)\n[ \t]*(?:\{%-?\s*endhighlight\s*-?%\}|\{\{<\s*\/\s*highlight\s*>\}\})[ \t]*$/gm;
const RAW_TAG = /\{%-?\s*(?:end)?raw\s*-?%\}/g;
/** `]({{ site.baseurl }}/…)`: spaces are not allowed in a Markdown link destination; Jekyll's kramdown accepts them. */
const SITE_URL_IN_LINK = /(\]\(\s*)\{\{-?\s*(site\.(?:baseurl|url))\s*-?\}\}/g;
const COMMENT = /\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g;

/**
 * Rewrites template constructs Markdown should see differently, keeping every
 * line where it was: highlight blocks become fenced code, `{% raw %}` markers
 * vanish, Liquid comments become blank (they are not published), and a
 * `{{ site.baseurl }}` prefix in a link or image loses its spaces.
 */
export function rewriteTemplateBlocks(text: string): string {
  if (!text.includes('{')) return text;
  return text
    .replace(SITE_URL_IN_LINK, (_match, opening: string, variable: string) => `${opening}{{${variable}}}`)
    .replace(HIGHLIGHT, (_match, indent: string, liquidLang: string | undefined, hugoLang: string | undefined, code: string) => {
      const fence = '~'.repeat(Math.max(3, longestRun(code, '~') + 1));
      return `${indent}${fence}${liquidLang ?? hugoLang ?? ''}\n${code}\n${indent}${fence}`;
    })
    .replace(COMMENT, (comment) => comment.replace(/[^\n]/g, ''))
    .replace(RAW_TAG, '');
}

function longestRun(text: string, char: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

/** `{% … %}`, `{{< … >}}`, `{{% … %}}`, `{{ … }}` — the shortest match, never across a blank line. */
const TAG = /\{%-?(?:(?!\n\s*\n)[\s\S])*?-?%\}|\{\{[<%](?:(?!\n\s*\n)[\s\S])*?[>%]\}\}|\{\{(?:(?!\n\s*\n)[\s\S])*?\}\}/g;

/** Replaces template tags in text nodes (not in code) with chips: `<code class="template-tag">`. */
export function markTemplateTags(tree: Root): void {
  const visit = (parent: Root | Element) => {
    if (parent.type === 'element' && (parent.tagName === 'code' || parent.tagName === 'pre')) return;
    const next: (RootContent | ElementContent)[] = [];
    let changed = false;
    for (const child of parent.children) {
      if (child.type === 'text' && child.value.includes('{')) {
        const parts = splitText(child);
        if (parts.length !== 1 || parts[0] !== child) changed = true;
        next.push(...parts);
        continue;
      }
      if (child.type === 'element') visit(child);
      next.push(child);
    }
    if (changed) parent.children = next as typeof parent.children;
  };
  visit(tree);
}

function splitText(node: Text): ElementContent[] {
  const out: ElementContent[] = [];
  let at = 0;
  TAG.lastIndex = 0;
  for (const match of node.value.matchAll(TAG)) {
    if (match.index > at) out.push({ type: 'text', value: node.value.slice(at, match.index) });
    out.push(chip(match[0]));
    at = match.index + match[0].length;
  }
  if (out.length === 0) return [node];
  if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
  return out;
}

function chip(source: string): Element {
  return {
    type: 'element',
    tagName: 'code',
    properties: { className: ['template-tag'], title: 'Site template tag: the site generator fills this in; the preview shows it as written.' },
    children: [{ type: 'text', value: source }],
  };
}

/**
 * The one script a page frame may run: Recap's own, allowed by its hash in
 * the frame's CSP (nothing else: the document has no other script after the
 * safety pass, and inline handlers and `javascript:` URLs stay refused). It
 * replaces the content region (content-region.ts) with markup the app sends,
 * so typing updates the shown page without loading a new document (a page
 * without a region is never sent any).
 *
 * It listens only on a MessagePort the app hands over on the frame's first
 * load (a document the frame navigated to later never gets one), and keeps
 * the frame on its page: a click on a link elsewhere is cancelled, so no
 * other document, with its scripts, ever loads in the frame.
 */
import { createHash } from 'node:crypto';
import { PAGE_PORT_MESSAGE } from '../../../shared/page/page-preview';
import { REGION_END, REGION_START } from './content-region';

const SOURCE = `(() => {
  const START = ${JSON.stringify(REGION_START)}, END = ${JSON.stringify(REGION_END)};
  let port = null;
  const replaceRegion = (html) => {
    let start = null, end = null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_COMMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.data === START) start = node;
      else if (node.data === END) end = node;
    }
    if (!start || !end || start.parentNode !== end.parentNode) return;
    const range = document.createRange();
    range.setStartAfter(start);
    range.setEndBefore(end);
    range.deleteContents();
    const template = document.createElement('template');
    template.innerHTML = html;
    end.parentNode.insertBefore(template.content, end);
  };
  addEventListener('message', (event) => {
    if (port || event.source !== parent || event.data !== ${JSON.stringify(PAGE_PORT_MESSAGE)} || !event.ports[0]) return;
    port = event.ports[0];
    port.onmessage = (message) => {
      if (typeof message.data === 'string') replaceRegion(message.data);
    };
  });
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (link && !link.getAttribute('href').startsWith('#')) event.preventDefault();
  }, true);
})();`;

/** The CSP source that allows exactly this script. */
export const PATCHER_HASH = `'sha256-${createHash('sha256').update(SOURCE).digest('base64')}'`;

/** The document with the patcher in its head (or at its start when it has none). */
export function withPatcher(html: string): string {
  const tag = `<script>${SOURCE}</script>`;
  return /<\/head>/i.test(html) ? html.replace(/<\/head>/i, () => `${tag}</head>`) : tag + html;
}

import { useEffect, useRef, useState } from 'react';
import { PAGE_PORT_MESSAGE, PAGE_ROUTE, type PagePatch } from '../../../shared/page/page-preview';

interface PageFrameProps {
  pageId: string;
  /** The render's content region, when the shown frame may take it in place. */
  patch: PagePatch | null;
  /** Heading id to show at the top (the editor's position), or null for the top of the page. */
  anchor: string | null;
}

/** The document the visible frame shows: its render, its shell, and the port its patcher listens on. */
interface ShownPage {
  id: string;
  shell: string | null;
  port: MessagePort | null;
}

/**
 * The rendered page in a frame that runs nothing but Recap's patcher:
 * `sandbox` without allow-same-origin, allow-scripts for the patcher, whose
 * hash is the only script the page's CSP allows; loaded from Recap's own
 * `page/<id>`.
 *
 * While the author types, usually only the post's body changes: when a new
 * render names the same shell as the shown document (`patch.shell`), its
 * content region is sent on the MessagePort handed to that document on its
 * first load, and the frame replaces the region in place — nothing
 * reloads, the scroll position stays. Any other change (the title, a page
 * whose layouts filter `content`) loads the new render in a second, hidden
 * frame that replaces the shown one once it has loaded, so the page never
 * blanks. Following the editor only changes the URL's fragment, which
 * scrolls without loading anything.
 */
export function PageFrame({ pageId, patch, anchor }: PageFrameProps) {
  const [shown, setShown] = useState<ShownPage | null>(null);
  const loaded = useRef(new WeakSet<HTMLIFrameElement>());
  // The shown document takes this render's content region in place; the new document is then never loaded.
  const inPlace = shown !== null && shown.id !== pageId && shown.port !== null && patch !== null && patch.shell === shown.shell;
  useEffect(() => {
    if (inPlace) shown.port!.postMessage(patch!.html);
  }, [inPlace, shown, patch]);
  useEffect(() => () => shown?.port?.close(), [shown]);

  const fragment = anchor ? `#${encodeURIComponent(anchor)}` : '';
  const ids = shown === null ? [pageId] : inPlace || shown.id === pageId ? [shown.id] : [shown.id, pageId];
  return (
    <div className="page-frames">
      {ids.map((id) => {
        const visible = id === (shown?.id ?? pageId) || ids.length === 1;
        return (
          <iframe
            key={id}
            className={visible ? 'page-frame' : 'page-frame loading'}
            title={visible ? 'Page preview' : 'Page preview (updating)'}
            aria-hidden={visible ? undefined : true}
            tabIndex={visible ? undefined : -1}
            sandbox="allow-scripts"
            referrerPolicy="no-referrer"
            src={`${PAGE_ROUTE}${id}${fragment}`}
            onLoad={(event) => {
              const frame = event.currentTarget;
              // Only the first load is Recap's document: a later one would be somewhere the frame went.
              if (id !== pageId || loaded.current.has(frame)) return;
              loaded.current.add(frame);
              let port: MessagePort | null = null;
              if (patch !== null && frame.contentWindow) {
                const channel = new MessageChannel();
                frame.contentWindow.postMessage(PAGE_PORT_MESSAGE, '*', [channel.port2]);
                port = channel.port1;
              }
              setShown({ id, shell: patch?.shell ?? null, port });
            }}
          />
        );
      })}
    </div>
  );
}

import { useState } from 'react';
import { PAGE_ROUTE } from '../../../shared/page/page-preview';

interface PageFrameProps {
  pageId: string;
  /** Heading id to show at the top (the editor's position), or null for the top of the page. */
  anchor: string | null;
}

/**
 * The rendered page in a frame that can run nothing: `sandbox` without
 * allow-scripts or allow-same-origin (and the page's own CSP has no
 * script-src), loaded from Recap's own `page/<id>`. A new render loads in a
 * second, hidden frame that replaces the shown one once it has loaded, so
 * the page never blanks while the author types; following the editor only
 * changes the URL's fragment, which scrolls without loading anything.
 *
 * Why a new document per render instead of patching the content region:
 * the frame runs no script and its origin is opaque, so neither it nor this
 * page can touch its DOM. The script-free ways to change a loaded document
 * each change the page itself: a response kept open that streams each new
 * version and hides the old ones with CSS needs a wrapper around the body
 * (the site's `body > …` and `:first-child` selectors then miss) and never
 * finishes loading; declarative shadow DOM with a slot for the content
 * moves the layout out of reach of the site's stylesheet. So the reload is
 * made cheap instead — the stylesheets come inline with the document, the
 * render reuses the site and its layouts — and invisible: the new document
 * opens at the same heading as the shown one and replaces it once loaded.
 */
export function PageFrame({ pageId, anchor }: PageFrameProps) {
  const [shown, setShown] = useState<string | null>(null);
  const fragment = anchor ? `#${encodeURIComponent(anchor)}` : '';
  const ids = shown === null || shown === pageId ? [pageId] : [shown, pageId];
  return (
    <div className="page-frames">
      {ids.map((id) => {
        const visible = id === (shown ?? pageId) || ids.length === 1;
        return (
          <iframe
            key={id}
            className={visible ? 'page-frame' : 'page-frame loading'}
            title={visible ? 'Page preview' : 'Page preview (updating)'}
            aria-hidden={visible ? undefined : true}
            tabIndex={visible ? undefined : -1}
            sandbox=""
            referrerPolicy="no-referrer"
            src={`${PAGE_ROUTE}${id}${fragment}`}
            onLoad={() => {
              if (id === pageId) setShown(pageId);
            }}
          />
        );
      })}
    </div>
  );
}

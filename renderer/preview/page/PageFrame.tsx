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

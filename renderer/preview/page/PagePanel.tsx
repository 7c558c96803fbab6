import { useState, type RefObject } from 'react';
import type { PagePreview } from '../../../shared/page/page-preview';
import { useEditorTopLine } from '../scroll-sync';
import { PageFrame } from './PageFrame';

interface PagePanelProps {
  preview: PagePreview | null;
  error: string | null;
  editorRoot?: RefObject<HTMLElement | null>;
}

/** The Page tab: the rendered page in its sandboxed frame, following the editor by the heading above its first visible line. */
export function PagePanel({ preview, error, editorRoot }: PagePanelProps) {
  const [anchor, setAnchor] = useState<string | null>(null);
  const anchors = preview?.status === 'page' ? preview.anchors : [];
  useEditorTopLine(editorRoot, (line) => {
    let found: string | null = null;
    for (const candidate of anchors) {
      if (candidate.line <= Math.floor(line)) found = candidate.id;
      else break;
    }
    setAnchor(found);
  });
  if (error) {
    return (
      <p role="alert" className="notice danger">
        The page could not be rendered: {error}
      </p>
    );
  }
  if (preview === null) return <p className="page-status">Rendering the page with the site’s layouts…</p>;
  if (preview.status === 'unavailable') return <p className="page-status">{preview.reason}</p>;
  return (
    <>
      {preview.note && <p className="page-status">{preview.note}</p>}
      <PageFrame pageId={preview.pageId} patch={preview.patch} anchor={anchor} />
    </>
  );
}

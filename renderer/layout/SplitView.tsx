import type { ReactNode } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import './layout.css';

interface SplitViewProps {
  editor: ReactNode;
  /** Null hides the preview and gives the editor the whole width. */
  preview: ReactNode | null;
}

/** Editor beside preview; the separator resizes them by pointer or arrow keys. */
export function SplitView({ editor, preview }: SplitViewProps) {
  return (
    <Group orientation="horizontal" className="split-view">
      <Panel id="editor" minSize="20" className="split-pane">
        {editor}
      </Panel>
      {preview !== null && (
        <>
          <Separator className="split-separator" aria-label="Resize editor and preview" />
          <Panel id="preview" minSize="20" className="split-pane">
            {preview}
          </Panel>
        </>
      )}
    </Group>
  );
}

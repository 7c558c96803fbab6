import { useEffect, useRef, type ReactNode } from 'react';
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
            <OutOfTabOrder>{preview}</OutOfTabOrder>
          </Panel>
        </>
      )}
    </Group>
  );
}

/**
 * Links inside the preview (a post has dozens) stay clickable but leave the
 * main Tab order, so Tab goes from the text to the app's controls. Whatever
 * renders them (blocks, tweet cards, embed facades), they are caught here as
 * they appear.
 */
function OutOfTabOrder({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const untab = () => {
      for (const link of root.querySelectorAll<HTMLElement>('a[href]:not([tabindex])')) link.tabIndex = -1;
    };
    untab();
    const observer = new MutationObserver(untab);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="split-pane-content">
      {children}
    </div>
  );
}

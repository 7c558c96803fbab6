/**
 * A handle on the Markdown editor for features around it (Problems, Outline,
 * pasting): find its textarea, select a range, replace text. The editor is
 * loaded lazily and owned by react-md-editor, so the handle looks the
 * textarea up in its container when asked instead of holding it.
 */
import { useMemo, useRef, type RefObject } from 'react';
import { selectRange } from './select-range';

export interface EditorHandle {
  /** The element that contains the editor (set through `setContainer`). */
  containerRef: RefObject<HTMLDivElement | null>;
  /** A callback ref for an element that contains the editor. */
  setContainer: (node: HTMLDivElement | null) => void;
  textarea(): HTMLTextAreaElement | null;
  /** Focuses the editor and selects body offsets [start, end). */
  select(start: number, end?: number): void;
  /**
   * Replaces body[start, end) through the textarea, so the browser's undo
   * covers it; false when the browser cannot (the caller then sets the text itself).
   */
  replace(start: number, end: number, text: string): boolean;
  /** Selects [start, end) once the textarea shows `text` (after a change made through React state). */
  selectWhenShown(text: string, start: number, end?: number): void;
}

/** Frames to wait for the editor to show new text before giving up. */
const MAX_FRAMES = 30;

export function useEditorHandle(): EditorHandle {
  const containerRef = useRef<HTMLDivElement | null>(null);
  return useMemo(() => {
    const textarea = () => containerRef.current?.querySelector<HTMLTextAreaElement>('textarea[aria-label="Markdown"]') ?? null;
    return {
      containerRef,
      setContainer(node) {
        containerRef.current = node;
      },
      textarea,
      select(start, end = start) {
        const area = textarea();
        if (area) selectRange(area, start, end);
      },
      replace(start, end, text) {
        const area = textarea();
        if (!area || area.readOnly || typeof document.execCommand !== 'function') return false;
        area.focus({ preventScroll: true });
        area.setSelectionRange(start, end);
        try {
          return document.execCommand('insertText', false, text) && area.value.slice(start, start + text.length) === text;
        } catch {
          return false;
        }
      },
      selectWhenShown(text, start, end = start) {
        let frames = 0;
        const attempt = () => {
          const area = textarea();
          if (area && area.value === text) {
            // One more frame: KeepSelection restores the old caret on the frame the text arrives.
            requestAnimationFrame(() => selectRange(area, start, end));
          } else if (++frames < MAX_FRAMES) {
            requestAnimationFrame(attempt);
          }
        };
        requestAnimationFrame(attempt);
      },
    } satisfies EditorHandle;
  }, []);
}

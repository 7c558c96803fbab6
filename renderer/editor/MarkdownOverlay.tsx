import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { Severity } from '../../shared/check';
import { classifyLines, inlineSpans, leadingMarker, type LineKind } from './markdown-lines';

export interface ProblemLine {
  /** 0-based line of the body. */
  line: number;
  severity: Severity;
}

interface MarkdownOverlayProps {
  /** Where to draw: react-md-editor's text box, which holds the textarea. */
  host: HTMLElement;
  textarea: HTMLTextAreaElement;
  value: string;
  problemLines: readonly ProblemLine[];
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * The coloured copy of the text behind the transparent textarea: one block
 * per line, each memoized by its text, kind and mark, so a keystroke redraws
 * one line and React compares the rest by three values. Scrolls with the
 * textarea (its own scrollTop, set without a render).
 */
export function MarkdownOverlay({ host, textarea, value, problemLines }: MarkdownOverlayProps) {
  const ref = useRef<HTMLDivElement>(null);
  const lines = useMemo(() => classifyLines(value), [value]);
  const marks = useMemo(() => {
    const byLine = new Map<number, Severity>();
    for (const { line, severity } of problemLines) {
      const current = byLine.get(line);
      if (current === undefined || RANK[severity] > RANK[current]) byLine.set(line, severity);
    }
    return byLine;
  }, [problemLines]);

  useLayoutEffect(() => {
    const overlay = ref.current;
    if (!overlay) return;
    const follow = () => {
      overlay.scrollTop = textarea.scrollTop;
    };
    follow();
    textarea.addEventListener('scroll', follow, { passive: true });
    return () => textarea.removeEventListener('scroll', follow);
  }, [textarea]);
  // Typing at the bottom scrolls the textarea before any scroll event: follow after every change too, in the
  // next frame before it is drawn. Reading scrollTop in the commit forced a layout of its own on every key.
  useLayoutEffect(() => {
    const frame = requestAnimationFrame(() => {
      if (ref.current) ref.current.scrollTop = textarea.scrollTop;
    });
    return () => cancelAnimationFrame(frame);
  });

  return createPortal(
    <div ref={ref} className="md-overlay" aria-hidden="true">
      {lines.map((line, index) => (
        <OverlayLine key={index} text={line.text} kind={line.kind} mark={marks.get(index)} />
      ))}
    </div>,
    host,
  );
}

const OverlayLine = memo(function OverlayLine({ text, kind, mark }: { text: string; kind: LineKind; mark: Severity | undefined }) {
  let content: React.ReactNode;
  if (kind === 'blank') content = '\u200b';
  else if (kind === 'html' || kind === 'code' || kind === 'fence' || kind === 'rule') content = text;
  else {
    const marker = leadingMarker(kind, text);
    const rest = text.slice(marker);
    content = (
      <>
        {marker > 0 && <span className="md-mark">{text.slice(0, marker)}</span>}
        {inlineSpans(rest).map((span, index) =>
          span.kind === 'plain' ? (
            span.text
          ) : (
            <span key={index} className={`md-${span.kind}`}>
              {span.text}
            </span>
          ),
        )}
      </>
    );
  }
  return (
    <div className={`md-line md-${kind}`} data-problem={mark}>
      {content}
    </div>
  );
});

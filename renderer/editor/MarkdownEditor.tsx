// The no-highlight build drops the syntax highlighter: Recap colours the text itself, line by line (MarkdownOverlay).
import MDEditor from '@uiw/react-md-editor/nohighlight';
import '@uiw/react-md-editor/markdown-editor.css';
import { useCallback, useState } from 'react';
import type { ColorScheme } from '../app/use-color-scheme';
import { KeepSelection } from './KeepSelection';
import { MarkdownOverlay, type ProblemLine } from './MarkdownOverlay';
import { TEXT_ID } from './text-id';

export interface MarkdownEditorProps {
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  colorScheme: ColorScheme;
  /** Which post is shown: a reload of the same post keeps the cursor, another post starts afresh. */
  documentKey?: string;
  /** Lines of the body with problems: marked in the editor's margin. */
  problemLines?: readonly ProblemLine[];
  /** Focus mode: only the text. */
  hideToolbar?: boolean;
  /** The post's language (its `lang`), for the spell checker; the page's otherwise. */
  lang?: string;
}

const NO_PROBLEMS: readonly ProblemLine[] = [];

/**
 * react-md-editor with its own highlighting off (it re-highlights the whole
 * post on every key, ≈60 ms on a real post) and no built-in preview (Recap
 * renders its own, off the main thread). The colours come from a line-keyed
 * overlay behind the transparent textarea, where a keystroke redraws one line.
 */
export default function MarkdownEditor({ value, onChange, readOnly, colorScheme, documentKey = '', problemLines = NO_PROBLEMS, hideToolbar = false, lang }: MarkdownEditorProps) {
  const [target, setTarget] = useState<{ host: HTMLElement; textarea: HTMLTextAreaElement } | null>(null);
  const attach = useCallback((node: HTMLDivElement | null) => {
    const textarea = node?.querySelector<HTMLTextAreaElement>('textarea.w-md-editor-text-input') ?? null;
    const host = textarea?.parentElement ?? null;
    setTarget(textarea && host ? { host, textarea } : null);
  }, []);
  return (
    <div ref={attach} data-color-mode={colorScheme} className="markdown-editor" data-coloured={target ? true : undefined}>
      <KeepSelection value={value} documentKey={documentKey}>
        <MDEditor
          value={value}
          onChange={(next) => onChange(next ?? '')}
          preview="edit"
          highlightEnable={false}
          extraCommands={[]}
          visibleDragbar={false}
          hideToolbar={hideToolbar}
          height="100%"
          // Tab moves focus rather than indenting, so keyboard users are never trapped in the editor.
          defaultTabEnable
          textareaProps={{ id: TEXT_ID, 'aria-label': 'Markdown', readOnly, spellCheck: true, ...(lang ? { lang } : {}) }}
        />
      </KeepSelection>
      {target && <MarkdownOverlay host={target.host} textarea={target.textarea} value={value} problemLines={problemLines} />}
    </div>
  );
}

// The no-highlight build drops the syntax highlighter we never enable anyway.
import MDEditor from '@uiw/react-md-editor/nohighlight';
import '@uiw/react-md-editor/markdown-editor.css';
import type { ColorScheme } from '../app/use-color-scheme';
import { KeepSelection } from './KeepSelection';

export interface MarkdownEditorProps {
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  colorScheme: ColorScheme;
  /** Which post is shown: a reload of the same post keeps the cursor, another post starts afresh. */
  documentKey?: string;
}

/**
 * react-md-editor in its fast configuration: no highlighting (≈60 ms a
 * keystroke on a real post) and no built-in preview — Recap renders its own,
 * off the main thread.
 */
export default function MarkdownEditor({ value, onChange, readOnly, colorScheme, documentKey = '' }: MarkdownEditorProps) {
  return (
    <div data-color-mode={colorScheme} className="markdown-editor">
      <KeepSelection value={value} documentKey={documentKey}>
        <MDEditor
          value={value}
          onChange={(next) => onChange(next ?? '')}
          preview="edit"
          highlightEnable={false}
          extraCommands={[]}
          visibleDragbar={false}
          height="100%"
          // Tab moves focus rather than indenting, so keyboard users are never trapped in the editor.
          defaultTabEnable
          textareaProps={{ 'aria-label': 'Markdown', readOnly, spellCheck: true }}
        />
      </KeepSelection>
    </div>
  );
}

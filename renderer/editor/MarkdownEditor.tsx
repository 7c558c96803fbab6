// The no-highlight build drops the syntax highlighter we never enable anyway.
import MDEditor from '@uiw/react-md-editor/nohighlight';
import '@uiw/react-md-editor/markdown-editor.css';
import type { ColorScheme } from '../app/use-color-scheme';

export interface MarkdownEditorProps {
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  colorScheme: ColorScheme;
}

/**
 * react-md-editor in its fast configuration: no highlighting (≈60 ms a
 * keystroke on a real post) and no built-in preview — Recap renders its own,
 * off the main thread.
 */
export default function MarkdownEditor({ value, onChange, readOnly, colorScheme }: MarkdownEditorProps) {
  return (
    <div data-color-mode={colorScheme} className="markdown-editor">
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
    </div>
  );
}

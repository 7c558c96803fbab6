import { lazy, Suspense } from 'react';
import type { MarkdownEditorProps } from './MarkdownEditor';
import './editor.css';

// The editor is the heaviest dependency; loading it on demand keeps the first screen quick.
const MarkdownEditor = lazy(() => import('./MarkdownEditor'));

export function LazyMarkdownEditor(props: MarkdownEditorProps) {
  return (
    <Suspense fallback={<div className="editor-loading">Loading editor…</div>}>
      <MarkdownEditor {...props} />
    </Suspense>
  );
}

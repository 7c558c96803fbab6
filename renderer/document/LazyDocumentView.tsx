import { lazy, Suspense } from 'react';
import { DocumentPlaceholder } from './DocumentPlaceholder';
import type { DocumentViewProps } from './DocumentView';
import { useDocumentValue } from './use-document';

// Editor, preview renderer and split layout load with the first post, not with the app.
const DocumentView = lazy(() => import('./DocumentView').then((module) => ({ default: module.DocumentView })));

export function LazyDocumentView(props: DocumentViewProps) {
  const path = useDocumentValue(props.store, (state) => state.post?.path ?? null);
  const loading = useDocumentValue(props.store, (state) => state.loading);
  const loadError = useDocumentValue(props.store, (state) => state.loadError);
  if (path === null) return <DocumentPlaceholder doc={{ loading, loadError }} />;
  return (
    <Suspense fallback={<DocumentPlaceholder doc={{ loading: path, loadError: null }} />}>
      <DocumentView {...props} />
    </Suspense>
  );
}

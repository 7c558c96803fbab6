import { lazy, Suspense, type ComponentProps } from 'react';
import { DocumentPlaceholder } from './DocumentPlaceholder';
import type { DocumentView as DocumentViewType } from './DocumentView';

// Editor, preview renderer and split layout load with the first post, not with the app.
const DocumentView = lazy(() => import('./DocumentView').then((module) => ({ default: module.DocumentView })));

export function LazyDocumentView(props: ComponentProps<typeof DocumentViewType>) {
  if (!props.doc.post) return <DocumentPlaceholder doc={props.doc} />;
  return (
    <Suspense fallback={<DocumentPlaceholder doc={{ loading: props.doc.post.path, loadError: null }} />}>
      <DocumentView {...props} />
    </Suspense>
  );
}

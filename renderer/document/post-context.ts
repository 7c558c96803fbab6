import type { PostTools } from '../authoring/use-post-tools';
import type { CollectTools } from '../collect/use-collect-tools';
import type { DocumentState, DocumentStore } from './document-store';

/** What a feature beside the open post gets: its store (latest text, edits), its state now, and the tools around the editor. */
export interface PostContext {
  store: DocumentStore;
  doc: DocumentState;
  tools: PostTools;
  collect: CollectTools;
  readOnly: boolean;
}

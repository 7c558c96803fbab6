import type { SiteKind } from '../../shared/model';
import type { ColorScheme } from '../app/use-color-scheme';
import { AuthoringEditor } from '../authoring/AuthoringEditor';
import { PostPanels, PostToolButtons } from '../authoring/PostTools';
import { usePostTools } from '../authoring/use-post-tools';
import { CollectedPanel, CollectedToggle } from '../collect/CollectedPanel';
import { isPhoto } from '../collect/photo-files';
import { PhotoStatus } from '../collect/PhotoStatus';
import { useCollectTools } from '../collect/use-collect-tools';
import { LazyMarkdownEditor } from '../editor/LazyMarkdownEditor';
import { FrontMatterRegion } from '../front-matter/FrontMatterRegion';
import { SplitView } from '../layout/SplitView';
import { Preview } from '../preview/Preview';
import { DiskChangeBanner } from './DiskChangeBanner';
import { DocumentHeader, SaveProblem } from './DocumentHeader';
import { DocumentPlaceholder } from './DocumentPlaceholder';
import { fullText, type DocumentState } from './use-document';
import './document.css';

interface DocumentViewProps {
  doc: DocumentState;
  title: string | null;
  previewShown: boolean;
  colorScheme: ColorScheme;
  onTogglePreview: () => void;
  /** Opens dialog "Export" for the open post. */
  onExport?: () => void;
  /** The opened site's generator, for resolving the post's images in the preview. */
  siteKind?: SiteKind;
}

/** The open post: header, front matter, then the body beside its preview. */
export function DocumentView({ doc, title, previewShown, colorScheme, onTogglePreview, onExport, siteKind }: DocumentViewProps) {
  const { post } = doc;
  const tools = usePostTools(doc);
  const collect = useCollectTools(doc, tools.editor);
  if (!post || title === null) return <DocumentPlaceholder doc={doc} />;

  const readOnly = post.loaded.readOnly;
  return (
    <div className="document" aria-busy={doc.loading !== null || undefined}>
      <DocumentHeader
        title={title}
        path={post.path}
        dirty={doc.dirty}
        saving={doc.saving}
        readOnly={readOnly}
        previewShown={previewShown}
        onSave={() => void doc.save()}
        onTogglePreview={onTogglePreview}
        onExport={onExport}
        tools={
          <>
            <PostToolButtons tools={tools} />
            <CollectedToggle tools={collect} />
          </>
        }
      />
      <DiskChangeBanner
        disk={post.disk}
        editorText={post.disk.kind === 'changed' ? fullText(post) : ''}
        onKeepMine={doc.keepMine}
        onLoadTheirs={doc.loadTheirs}
        onSaveAgain={() => void doc.saveAgain()}
        onClose={doc.close}
      />
      {readOnly && (
        <div role="alert" className="notice warning">
          <p>
            <strong>Read-only.</strong> {post.loaded.warnings.length > 0 ? post.loaded.warnings.join(' ') : 'Recap cannot safely edit this file.'}
          </p>
        </div>
      )}
      {!readOnly && post.loaded.warnings.length > 0 && (
        <div className="notice warning">
          {post.loaded.warnings.map((warning) => (
            <p key={warning}>{warning}</p>
          ))}
        </div>
      )}
      {doc.loadError && (
        <p role="alert" className="notice danger">
          {doc.loadError.message}
        </p>
      )}
      {doc.saveError && (
        <SaveProblem error={doc.saveError} onReload={() => void doc.reloadFromDisk()} onOverwrite={() => void doc.overwrite()} />
      )}
      <FrontMatterRegion
        key={post.path}
        path={post.path}
        source={post.frontMatter}
        info={post.loaded.frontMatter}
        readOnly={readOnly}
        onChange={doc.setFrontMatter}
      />
      <div className="document-work">
        <SplitView
          editor={
            <AuthoringEditor
              handle={tools.editor}
              postPath={post.path}
              body={post.body}
              readOnly={readOnly}
              onBodyChange={doc.setBody}
              dropTarget={collect.dropTarget}
              photos={{ isPhoto, add: collect.photos.importFiles }}
              status={<PhotoStatus photos={collect.photos} panelShown={collect.shown} onShowPhotos={collect.toggle} />}
            >
              <LazyMarkdownEditor value={post.body} onChange={doc.setBody} readOnly={readOnly} colorScheme={colorScheme} documentKey={post.path} />
            </AuthoringEditor>
          }
          preview={previewShown ? <Preview markdown={post.body} postPath={post.path} siteKind={siteKind} editorRoot={tools.editor.containerRef} /> : null}
        />
        {collect.shown && <CollectedPanel tools={collect} readOnly={readOnly} />}
      </div>
      <PostPanels tools={tools} readOnly={readOnly} />
    </div>
  );
}

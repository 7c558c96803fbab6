import { useCallback, useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import type { SiteKind } from '../../shared/model';
import { useRememberedToggle, useRememberedValue } from '../app/use-remembered-toggle';
import type { ColorScheme } from '../app/use-color-scheme';
import { AuthoringEditor } from '../authoring/AuthoringEditor';
import { OutlineNav, PostStats } from '../authoring/OutlineNav';
import { usePostTools, type FrontMatterAccess } from '../authoring/use-post-tools';
import { CollectedPanel } from '../collect/CollectedPanel';
import { isPhoto } from '../collect/photo-files';
import { PhotoStatus } from '../collect/PhotoStatus';
import { useCollectTools } from '../collect/use-collect-tools';
import { useCommands, type Command, type KeyBinding } from '../commands/registry';
import { LazyMarkdownEditor } from '../editor/LazyMarkdownEditor';
import { selectRange } from '../editor/select-range';
import { FrontMatterRegion } from '../front-matter/FrontMatterRegion';
import { SideSlot, SidePanelToggles, type SidePanel } from '../layout/SideSlot';
import { SplitView } from '../layout/SplitView';
import { Preview } from '../preview/Preview';
import { PreviewActionsContext, type PreviewActions } from '../preview/preview-context';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { fixGroups } from '../problems/problem-target';
import { DiskChangeBanner } from './DiskChangeBanner';
import { DocumentHeader, SaveProblem } from './DocumentHeader';
import { Dialog } from '../dialog/Dialog';
import { fullText, isLocked, type DocumentState, type DocumentStore } from './document-store';
import { DocumentPlaceholder } from './DocumentPlaceholder';
import { FEATURE_PANELS } from './feature-panels';
import { FrontMatterSummary } from './FrontMatterSummary';
import { postLanguage } from './post-language';
import type { PostContext } from './post-context';
import { useDocumentState } from './use-document';
import './document.css';

export interface DocumentViewProps {
  store: DocumentStore;
  title: string | null;
  previewShown: boolean;
  /** A narrow window: side panels float over the text. */
  narrow: boolean;
  /** Only the text (and the preview if shown). */
  focusMode: boolean;
  colorScheme: ColorScheme;
  /** The workspace's controls for the header (preview, focus mode). */
  viewControls: ReactNode;
  /** Opens dialog "Export" for the open post. */
  onExport?: () => void;
  /** The opened site's generator, for resolving the post's images in the preview. */
  siteKind?: SiteKind;
  /** The site's language, for the spell checker of posts that name none. */
  siteLanguage?: string;
}

/** The open post: a view per post (keyed by its path), so every per-post tool starts fresh with it. */
export function DocumentView(props: DocumentViewProps) {
  const doc = useDocumentState(props.store);
  if (!doc.post || props.title === null) return <DocumentPlaceholder doc={doc} />;
  return <PostView key={doc.post.path} doc={doc} {...props} />;
}

const PANEL_KEYS: Record<string, KeyBinding> = {
  problems: { key: 'm', mod: true, shift: true },
  outline: { key: 'o', mod: true, shift: true },
  collected: { key: 'l', mod: true, shift: true },
};

function PostView({ store, doc, title, previewShown, narrow, focusMode, colorScheme, viewControls, onExport, siteKind, siteLanguage }: DocumentViewProps & { doc: DocumentState }) {
  const post = doc.post!;
  const readOnly = isLocked(post);
  const formId = useId();
  const regionRef = useRef<HTMLDivElement>(null);
  const [formOpen, setFormOpen] = useRememberedToggle('recap.front-matter.open', false);
  // Front matter that cannot be read opens with its error and source, whatever the remembered choice.
  const drawerOpen = formOpen || post.loaded.frontMatter.error != null;

  const frontMatter = useMemo<FrontMatterAccess>(
    () => ({
      reveal(source, start, end) {
        // The source box when open, else the field of the key on that line; a folded form unfolds first.
        if (regionRef.current) {
          selectInFrontMatter(regionRef.current, source, start, end);
          return;
        }
        setFormOpen(true);
        requestAnimationFrame(() => selectInFrontMatter(regionRef.current, source, start, end));
      },
    }),
    [setFormOpen],
  );
  const tools = usePostTools(store, post, frontMatter);
  const collect = useCollectTools(doc, tools.editor);
  const { archiveTweets } = collect;
  // The preview names a change; the post's tools make it in the editor's text.
  const previewActions = useMemo<PreviewActions>(() => (readOnly ? {} : { archiveTweet: (url) => void archiveTweets(url) }), [readOnly, archiveTweets]);

  const context: PostContext = { store, doc, tools, collect, readOnly };
  const problems = tools.problems.checked?.problems ?? [];
  const panels: SidePanel[] = [
    {
      id: 'problems',
      title: 'Problems',
      label: `Problems (${problems.length})`,
      keys: PANEL_KEYS.problems,
      attention: problems.some((p) => p.severity === 'error'),
      render: () => <ProblemsPanel state={tools.problems} onJump={tools.jumpToProblem} onFix={tools.applyFixes} onPlaceCaret={tools.placeCaret} readOnly={readOnly} />,
    },
    { id: 'outline', title: 'Outline', keys: PANEL_KEYS.outline, render: () => <OutlineNav headings={tools.stats.headings} onJump={tools.jumpToHeading} /> },
    {
      id: 'collected',
      title: 'Collected',
      label: `Collected (${collect.collected.cards?.length ?? 0})`,
      keys: PANEL_KEYS.collected,
      render: () => <CollectedPanel tools={collect} readOnly={readOnly} />,
    },
    ...FEATURE_PANELS.map((panel) => panel(context)).filter((panel): panel is SidePanel => panel !== null),
  ];
  const ids = panels.map((panel) => panel.id);
  // Problems opens only when asked: nothing takes the slot until the author chooses a panel (remembered).
  const [sideId, setSideId] = useRememberedValue<string | null>('recap.side-panel', null, [null, ...ids]);
  const side = panels.find((panel) => panel.id === sideId) ?? null;
  const togglePanel = useCallback((id: string) => setSideId((current) => (current === id ? null : id)), [setSideId]);

  const focusEditor = useCallback(() => tools.editor.textarea()?.focus(), [tools.editor]);
  // A post just opened or created: the caret goes to the text.
  useEffect(() => {
    let frames = 0;
    const attempt = () => {
      const area = tools.editor.textarea();
      // Never from under a dialog (a recovered draft, an unsaved-changes prompt). The caret waits at the end, where
      // writing goes on (and where inserts from the Collected panel land), while the view stays at the top.
      if (area && !document.activeElement?.closest('[role="dialog"]')) {
        area.focus({ preventScroll: true });
        area.setSelectionRange(area.value.length, area.value.length);
        area.scrollTop = 0;
      }
      else if (!area && ++frames < 60) requestAnimationFrame(attempt);
    };
    requestAnimationFrame(attempt);
  }, [tools.editor]);

  const fixes = fixGroups(problems);
  const fixCommand = (rule: string, commandTitle: string): Command => {
    const group = fixes.find((candidate) => candidate.rule === rule);
    return { id: `fix-${rule}`, title: commandTitle, enabled: !readOnly && group !== undefined && !tools.problems.stale, run: () => group && tools.applyFixes(group.problems) };
  };
  useCommands([
    ...panels.map((panel) => ({ id: `panel-${panel.id}`, title: panel.title, keys: panel.keys, run: () => togglePanel(panel.id) })),
    { id: 'front-matter', title: 'Front matter', run: () => setFormOpen((open) => !open) },
    { id: 'go-to-text', title: 'Go to text', keys: { key: 'e', mod: true, shift: true }, run: focusEditor },
    { id: 'insert-all', title: 'Insert all', enabled: !readOnly && (collect.collected.cards?.length ?? 0) > 0, run: () => void collect.insertAll() },
    { id: 'archive-tweets', title: 'Archive tweets', enabled: !readOnly, run: () => void collect.archiveTweets() },
    // A cheap look for an image on every keystroke; the command itself finds the post's own photos.
    { id: 'insert-gallery', title: 'Insert gallery', enabled: !readOnly && post.body.includes('!['), run: () => void collect.insertGallery() },
    fixCommand('mojibake', 'Repair emoji'),
    fixCommand('duplicate-script', 'Keep one widgets.js'),
    fixCommand('insecure-url', 'Use https'),
    {
      id: 'fix-all',
      title: 'Fix all',
      enabled: !readOnly && fixes.length > 0 && !tools.problems.stale,
      run: () => tools.applyFixes(fixes.flatMap((group) => group.problems)),
    },
    ...(onExport ? [{ id: 'export', title: 'Export', run: onExport }] : []),
  ]);

  const problemLines = useMemo(() => {
    const checked = tools.problems.checked;
    if (!checked) return [];
    const bodyStartLine = checked.text.slice(0, checked.frontMatterLength).split('\n').length - 1;
    return checked.problems.filter((p) => p.line > bodyStartLine).map((p) => ({ line: p.line - bodyStartLine - 1, severity: p.severity }));
  }, [tools.problems.checked]);

  const floating = narrow || focusMode;
  return (
    <div className="document" data-focus={focusMode || undefined} aria-busy={doc.loading !== null || undefined}>
      {focusMode ? (
        <div className="focus-bar">
          <span role="status" className="document-status" data-dirty={doc.dirty || undefined}>
            {readOnly ? 'Read-only' : doc.dirty ? 'Unsaved changes' : 'Saved'}
          </span>
          {viewControls}
        </div>
      ) : (
        <DocumentHeader
          title={title!}
          path={post.path}
          dirty={doc.dirty}
          saving={doc.saving}
          readOnly={readOnly}
          onSave={() => void doc.save()}
          onExport={onExport}
          stats={<PostStats words={tools.stats.words} minutes={tools.stats.minutes} />}
          tools={<SidePanelToggles panels={panels} shown={side?.id ?? null} onToggle={togglePanel} />}
          viewControls={viewControls}
        />
      )}
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
          {post.loaded.readOnlyReason === 'permissions' && (
            <button type="button" className="button small" onClick={doc.editAnyway}>
              Edit anyway
            </button>
          )}
        </div>
      )}
      {doc.confirmingReplace && (
        <Dialog
          title="Replace the read-only file?"
          onClose={doc.cancelReplace}
          actions={
            <>
              <button type="button" className="button primary" onClick={() => void doc.confirmReplace()}>
                Replace
              </button>
              <button type="button" className="button" onClick={doc.cancelReplace}>
                Cancel
              </button>
            </>
          }
        >
          <p>{post.path} is read-only on disk. Recap replaces it with your text and keeps its permissions and owner.</p>
        </Dialog>
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
      {doc.saveError && <SaveProblem error={doc.saveError} onReload={() => void doc.reloadFromDisk()} onOverwrite={() => void doc.overwrite()} />}
      {!focusMode && <FrontMatterSummary post={post} expanded={drawerOpen} controls={formId} onToggle={() => setFormOpen(!drawerOpen)} />}
      {!focusMode && drawerOpen && (
        <div id={formId} ref={regionRef} className="fm-drawer">
          <FrontMatterRegion path={post.path} source={post.frontMatter} info={post.loaded.frontMatter} readOnly={readOnly} onChange={doc.setFrontMatter} />
        </div>
      )}
      <div className="document-work" data-floating={floating || undefined}>
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
              status={<PhotoStatus photos={collect.photos} panelShown={side?.id === 'collected'} onShowPhotos={() => togglePanel('collected')} />}
            >
              <LazyMarkdownEditor
                value={post.body}
                onChange={doc.setBody}
                readOnly={readOnly}
                colorScheme={colorScheme}
                documentKey={post.path}
                problemLines={problemLines}
                hideToolbar={focusMode}
                lang={postLanguage(post.loaded.frontMatter.data) ?? siteLanguage}
              />
            </AuthoringEditor>
          }
          preview={
            previewShown ? (
              <PreviewActionsContext value={previewActions}>
                <Preview markdown={post.body} frontMatter={post.frontMatter} postPath={post.path} siteKind={siteKind} editorRoot={tools.editor.containerRef} />
              </PreviewActionsContext>
            ) : null
          }
        />
        {side && <SideSlot panel={side} floating={floating} onClose={() => setSideId(null)} />}
      </div>
    </div>
  );
}

/** The raw front-matter textbox when it is shown; otherwise the form's field for the key on that line (or its first field). */
function selectInFrontMatter(region: HTMLElement | null, frontMatter: string, start: number, end: number): void {
  if (!region) return;
  const source = region.querySelector<HTMLTextAreaElement>('textarea[aria-label="Front matter source"]');
  if (source) {
    selectRange(source, start, end);
    return;
  }
  const lineStart = frontMatter.lastIndexOf('\n', start - 1) + 1;
  const key = /^\s*["']?([\w-]+)["']?\s*[:=]/.exec(frontMatter.slice(lineStart))?.[1];
  // The form labels each field with its key as the label's title.
  const label = key === undefined ? null : Array.from(region.querySelectorAll('label')).find((l) => l.title === key);
  const field = label?.control ?? region.querySelector<HTMLElement>('input, select, textarea, button');
  if (field instanceof HTMLElement) field.focus();
}


import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RecapBridge } from '../../shared/bridge';
import type { ErrorInfo } from '../../shared/errors';
import type { MenuCommand, RecoveredDraft, Session, Site } from '../../shared/model';
import { CommandPalette } from '../commands/CommandPalette';
import { QuickOpen } from '../commands/QuickOpen';
import { CommandRegistry, CommandsContext, ariaShortcut, shortcutLabel, useCommands, type Command, type KeyBinding } from '../commands/registry';
import { DocumentStore } from '../document/document-store';
import { LazyDocumentView } from '../document/LazyDocumentView';
import { TEXT_ID } from '../editor/text-id';
import { UnsavedChangesDialog } from '../document/UnsavedChangesDialog';
import { useBeforeUnload, useDocumentTitle } from '../document/use-document-title';
import { useDocumentState, useDocumentValue } from '../document/use-document';
import { useUnsavedGuard } from '../document/use-unsaved-guard';
import { postLanguage } from '../document/post-language';
import { useNarrowWindow } from '../layout/use-narrow';
import { NewPostDialog } from '../posts/NewPostDialog';
import { PostsNav } from '../posts/PostsNav';
import { usePosts } from '../posts/use-posts';
import { RecoveryDialog } from '../recovery/RecoveryDialog';
import { useDraftJournal } from '../recovery/use-draft-journal';
import { useRecoveredDrafts } from '../recovery/use-recovered-drafts';
import { ExportDialog } from '../export/ExportDialog';
import { useGitStatus } from '../export/use-git-status';
import { ApiContext } from './api-context';
import { SiteStore } from './site-store';
import { PreviewSettingsStore } from '../preview/preview-settings-store';
import { PreviewSettingsContext } from '../preview/use-preview-settings';
import { useRememberedToggle } from './use-remembered-toggle';
import type { ColorScheme } from './use-color-scheme';

interface WorkspaceProps {
  api: RecapBridge;
  site: Site;
  mode: Session['mode'];
  /** Bumps with every session, so the post list reloads. */
  version: number;
  colorScheme: ColorScheme;
  openFolder: (path?: string) => Promise<void>;
  /** Why the last Open Folder failed, if it did. */
  sessionError: ErrorInfo | null;
}

export const KEYS = {
  save: { key: 's', mod: true },
  newPost: { key: 'n', mod: true },
  openPost: { key: 'p', mod: true },
  commands: { key: 'p', mod: true, shift: true },
  focusMode: { key: 'F8' },
  togglePreview: { key: 'p', mod: true, alt: true },
  toggleSidebar: { key: 'b', mod: true, shift: true },
  findPost: { key: 'f', mod: true, shift: true },
} satisfies Record<string, KeyBinding>;

/** Which registered command each native menu item runs. */
const MENU_COMMANDS: Record<MenuCommand, string> = {
  'open-folder': 'open-folder',
  'new-post': 'new-post',
  save: 'save',
  'toggle-preview': 'toggle-preview',
  'find-post': 'find-post',
  'focus-mode': 'focus-mode',
  'open-post': 'open-post',
  'command-palette': 'commands',
};

/** An opened site: the posts on the left, the open post on the right. Remounted per site. */
export function Workspace(props: WorkspaceProps) {
  const [siteStore] = useState(() => SiteStore.forSite(props.api, props.site.root));
  const [registry] = useState(() => new CommandRegistry());
  const [previewSettings] = useState(() => new PreviewSettingsStore(siteStore.api));
  useEffect(() => siteStore.start(), [siteStore]);
  // A new session for the same folder (Open Folder again): list again.
  const firstVersion = useRef(props.version);
  useEffect(() => {
    if (props.version !== firstVersion.current) siteStore.reload();
  }, [props.version, siteStore]);
  return (
    <ApiContext value={siteStore.api}>
      <CommandsContext value={registry}>
        <PreviewSettingsContext value={previewSettings}>
          <WorkspaceRoom {...props} siteStore={siteStore} registry={registry} />
        </PreviewSettingsContext>
      </CommandsContext>
    </ApiContext>
  );
}

type Overlay = 'new-post' | 'open-post' | 'commands' | null;

function WorkspaceRoom({ site, mode, colorScheme, openFolder, sessionError, siteStore, registry }: WorkspaceProps & { siteStore: SiteStore; registry: CommandRegistry }) {
  const api = siteStore.api;
  const searchRef = useRef<HTMLInputElement>(null);
  const { posts, error: postsError, total: postsTotal, reload: reloadPosts } = usePosts(siteStore);
  const [store] = useState(() => new DocumentStore(api, siteStore));
  const openPath = useDocumentValue(store, (state) => state.post?.path ?? null);
  const dirty = useDocumentValue(store, (state) => state.dirty);
  const baseHash = useDocumentValue(store, (state) => state.post?.baseHash ?? '');
  const guard = useUnsavedGuard(dirty, store.save);
  const narrow = useNarrowWindow();
  // The preview's place is remembered apart for wide and narrow windows: a narrow one starts with the text alone.
  const [previewWide, setPreviewWide] = useRememberedToggle('recap.preview.wide', true);
  const [previewNarrow, setPreviewNarrow] = useRememberedToggle('recap.preview.narrow', false);
  const previewShown = narrow ? previewNarrow : previewWide;
  const [sidebarShown, setSidebarShown] = useRememberedToggle('recap.sidebar', true);
  const [focusMode, setFocusMode] = useState(false);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const recovered = useRecoveredDrafts(api);
  const [recoveryShown, setRecoveryShown] = useState(true);
  // A save gives the post a new hash: its git state (new/modified) is asked again then.
  const git = useGitStatus(api, baseHash);
  // The post the Export dialog is for: it closes by itself if that post is closed meanwhile.
  const [exportPath, setExportPath] = useState<string | null>(null);
  const showExport = useCallback(() => setExportPath(store.getSnapshot().post?.path ?? null), [store]);

  const summary = useMemo(() => posts?.find((post) => post.path === openPath) ?? null, [posts, openPath]);
  const postTitle = openPath === null ? null : (summary?.title ?? openPath.split('/').pop() ?? openPath);
  const siteTitle = site.title ?? site.name;
  const language = useDocumentValue(store, (state) => postLanguage(state.post?.loaded.frontMatter.data)) ?? site.language ?? null;
  useDocumentTitle(api, mode, { title: postTitle, site: siteTitle, dirty, language });
  useBeforeUnload(mode === 'browser' && dirty);

  // Another program changed files: the open post looks again (the site store re-lists on its own, and drops our own saves' echo).
  useEffect(
    () =>
      siteStore.onFilesChanged((change) => {
        const path = store.getSnapshot().post?.path;
        if (path === undefined) return;
        if (change.overflow || change.paths.some((changed) => changed === path || path.startsWith(changed + '/'))) void store.checkDisk();
      }),
    [siteStore, store],
  );

  const { guard: runGuarded } = guard;
  const { drafts } = recovered;
  const openPost = useCallback(
    (path: string) => {
      if (path === store.getSnapshot().post?.path) return;
      // Its unsaved text from before a crash waits for a decision first; typing now would replace that draft.
      if (drafts.some((draft) => draft.path === path)) {
        setRecoveryShown(true);
        return;
      }
      runGuarded(() => void store.open(path));
    },
    [runGuarded, store, drafts],
  );
  const { take } = recovered;
  const restore = useCallback(
    (draft: RecoveredDraft) => {
      setRecoveryShown(false);
      runGuarded(() => {
        take(draft.path);
        store.restoreDraft(draft);
      });
    },
    [runGuarded, take, store],
  );
  const showNewPost = useCallback(() => setOverlay('new-post'), []);
  const postCreated = useCallback(
    (path: string) => {
      setOverlay(null);
      reloadPosts();
      // The unsaved-changes question was answered before the file was made (NewPostDialog's guard).
      void store.open(path);
    },
    [reloadPosts, store],
  );
  const togglePreview = useCallback(() => (narrow ? setPreviewNarrow : setPreviewWide)((shown) => !shown), [narrow, setPreviewNarrow, setPreviewWide]);
  const toggleFocus = useCallback(() => setFocusMode((on) => !on), []);
  const postOpen = openPath !== null;

  useCommands([
    { id: 'save', title: 'Save', keys: KEYS.save, enabled: postOpen, run: () => void store.save() },
    { id: 'new-post', title: 'New post', keys: KEYS.newPost, run: showNewPost },
    { id: 'open-post', title: 'Open post', keys: KEYS.openPost, run: () => setOverlay('open-post') },
    { id: 'commands', title: 'Commands', keys: KEYS.commands, run: () => setOverlay('commands') },
    { id: 'focus-mode', title: 'Focus mode', keys: KEYS.focusMode, enabled: postOpen, run: toggleFocus },
    { id: 'toggle-preview', title: 'Toggle preview', keys: KEYS.togglePreview, enabled: postOpen, run: togglePreview },
    { id: 'toggle-sidebar', title: sidebarShown ? 'Hide sidebar' : 'Show sidebar', keys: KEYS.toggleSidebar, run: () => setSidebarShown((shown) => !shown) },
    {
      id: 'find-post',
      title: 'Search posts',
      keys: KEYS.findPost,
      run: () => {
        setFocusMode(false);
        setSidebarShown(true);
        const search = () => {
          searchRef.current?.focus();
          searchRef.current?.select();
        };
        // Shown already: at once; folded away: once it is back.
        if (searchRef.current) search();
        else requestAnimationFrame(search);
      },
    },
    ...(mode === 'electron' ? [{ id: 'open-folder', title: 'Open folder…', run: () => runGuarded(() => void openFolder()) } satisfies Command] : []),
  ]);

  useEffect(
    () =>
      api.on('menu', (command) => {
        if (Object.prototype.hasOwnProperty.call(MENU_COMMANDS, command)) registry.run(MENU_COMMANDS[command]);
      }),
    [api, registry],
  );

  const recoveryOpen = recoveryShown && drafts.length > 0;
  const exportShown = exportPath !== null && exportPath === openPath;
  const dialogOpen = guard.asking || overlay !== null || recoveryOpen || exportShown;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Under a dialog only Save still works (the Export dialog offers to save first, so does Ctrl+S).
      if (dialogOpen && !(event.key.toLowerCase() === 's' && (event.ctrlKey || event.metaKey))) return;
      // Capture phase: the editor must not swallow a shortcut, and the browser must not "save page" or print.
      registry.handleKey(event);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [registry, dialogOpen]);

  const sidebar = sidebarShown && !focusMode;
  const viewControls = (
    <>
      <button type="button" className="button" onClick={togglePreview} title={`Toggle preview (${shortcutLabel(KEYS.togglePreview)})`} aria-keyshortcuts={ariaShortcut(KEYS.togglePreview)}>
        {previewShown ? 'Hide preview' : 'Show preview'}
      </button>
      <button
        type="button"
        className="button"
        aria-pressed={focusMode}
        onClick={toggleFocus}
        title={`Focus mode (${shortcutLabel(KEYS.focusMode)})`}
        aria-keyshortcuts={ariaShortcut(KEYS.focusMode)}
      >
        Focus mode
      </button>
    </>
  );

  return (
    <>
      <DraftJournal api={api} store={store} />
      <div className="workspace" data-sidebar={sidebar ? 'shown' : 'hidden'} data-focus={focusMode || undefined} inert={dialogOpen}>
        <a
          className="skip-link"
          href={`#${TEXT_ID}`}
          onClick={(event) => {
            event.preventDefault();
            const area = document.getElementById(TEXT_ID);
            if (area) area.focus();
            else searchRef.current?.focus();
          }}
        >
          {postOpen ? 'Skip to text' : 'Skip to posts'}
        </a>
        {sidebar ? (
          <PostsNav
            siteName={siteTitle}
            posts={posts}
            total={postsTotal}
            error={postsError}
            openPath={openPath}
            onOpen={openPost}
            onNewPost={showNewPost}
            onCollapse={() => setSidebarShown(false)}
            searchRef={searchRef}
            git={git.status}
          />
        ) : (
          !focusMode && (
            <div className="sidebar-rail">
              <button type="button" className="icon-button" aria-expanded={false} title={`Show sidebar (${shortcutLabel(KEYS.toggleSidebar)})`} onClick={() => setSidebarShown(true)}>
                <span aria-hidden="true">»</span>
                <span className="visually-hidden">Show sidebar</span>
              </button>
            </div>
          )
        )}
        <main className="workspace-main">
          {!recoveryOpen && drafts.length > 0 && (
            <div className="notice warning">
              <p>
                {drafts.length === 1 ? 'One recovered draft is' : `${drafts.length} recovered drafts are`} waiting for a decision.{' '}
                <button type="button" className="button small" onClick={() => setRecoveryShown(true)}>
                  Review
                </button>
              </p>
            </div>
          )}
          {sessionError && (
            <p role="alert" className="notice danger">
              {sessionError.message}
            </p>
          )}
          <LazyDocumentView
            store={store}
            title={postTitle}
            previewShown={previewShown}
            narrow={narrow}
            focusMode={focusMode && postOpen}
            colorScheme={colorScheme}
            viewControls={viewControls}
            onExport={showExport}
            siteKind={site.kind}
            siteLanguage={site.language}
          />
        </main>
      </div>
      {recoveryOpen && (
        <RecoveryDialog
          drafts={drafts}
          onRestore={restore}
          onDiscard={(draft) => void recovered.discard(draft.path).catch(() => undefined)}
          onClose={() => setRecoveryShown(false)}
        />
      )}
      {overlay === 'new-post' && <NewPostDialog onClose={() => setOverlay(null)} onCreated={postCreated} guard={runGuarded} />}
      {/* Over the New post dialog, which asks it before creating anything. */}
      {guard.asking && <UnsavedChangesDialog guard={guard} title={postTitle ?? 'This post'} />}
      {overlay === 'open-post' && <QuickOpen posts={posts ?? []} onOpen={openPost} onClose={() => setOverlay(null)} />}
      {overlay === 'commands' && <CommandPalette registry={registry} onClose={() => setOverlay(null)} />}
      {exportShown && <ExportFor store={store} title={postTitle} onCommitted={git.refresh} onClose={() => setExportPath(null)} />}
    </>
  );
}

/** The crash journal follows every keystroke; it lives in its own component so the workspace does not re-render with it. */
function DraftJournal({ api, store }: { api: RecapBridge; store: DocumentStore }) {
  const { post, dirty } = useDocumentState(store);
  useDraftJournal(api, post, dirty);
  return null;
}

function ExportFor({ store, title, onCommitted, onClose }: { store: DocumentStore; title: string | null; onCommitted: () => void; onClose: () => void }) {
  const doc = useDocumentState(store);
  if (!doc.post) return null;
  return <ExportDialog path={doc.post.path} title={title ?? doc.post.path} dirty={doc.dirty} save={doc.save} saveError={doc.saveError} onCommitted={onCommitted} onClose={onClose} />;
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RecapBridge } from '../../shared/bridge';
import type { ErrorInfo } from '../../shared/errors';
import type { MenuCommand, RecoveredDraft, Session, Site } from '../../shared/model';
import { LazyDocumentView } from '../document/LazyDocumentView';
import { UnsavedChangesDialog } from '../document/UnsavedChangesDialog';
import { useBeforeUnload, useDocumentTitle } from '../document/use-document-title';
import { useDocument } from '../document/use-document';
import { useUnsavedGuard } from '../document/use-unsaved-guard';
import { NewPostDialog } from '../posts/NewPostDialog';
import { PostsNav } from '../posts/PostsNav';
import { usePosts } from '../posts/use-posts';
import { RecoveryDialog } from '../recovery/RecoveryDialog';
import { useDraftJournal } from '../recovery/use-draft-journal';
import { useRecoveredDrafts } from '../recovery/use-recovered-drafts';
import { ExportDialog } from '../export/ExportDialog';
import { useGitStatus } from '../export/use-git-status';
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

/** An opened site: the posts on the left, the open post on the right. Remounted per site. */
export function Workspace({ api, site, mode, version, colorScheme, openFolder, sessionError }: WorkspaceProps) {
  const searchRef = useRef<HTMLInputElement>(null);
  const { posts, error: postsError, reload: reloadPosts } = usePosts(api, version);
  const doc = useDocument(api);
  const guard = useUnsavedGuard(doc.dirty, doc.save);
  const [previewShown, setPreviewShown] = useState(true);
  const [newPostOpen, setNewPostOpen] = useState(false);
  const recovered = useRecoveredDrafts(api);
  const [recoveryShown, setRecoveryShown] = useState(true);
  useDraftJournal(api, doc.post, doc.dirty);
  // A save gives the post a new hash: its git state (new/modified) is asked again then.
  const git = useGitStatus(api, `${version}:${doc.post?.baseHash ?? ''}`);
  // The post the Export dialog is for: it closes by itself if that post is closed meanwhile.
  const [exportPath, setExportPath] = useState<string | null>(null);
  const showExport = useCallback(() => setExportPath(doc.post?.path ?? null), [doc.post?.path]);

  const openPath = doc.post?.path ?? null;
  const summary = useMemo(() => posts?.find((post) => post.path === openPath) ?? null, [posts, openPath]);
  const postTitle = openPath === null ? null : (summary?.title ?? openPath.split('/').pop() ?? openPath);
  useDocumentTitle(api, postTitle, site.name, doc.dirty);
  useBeforeUnload(mode === 'browser' && doc.dirty);

  const { guard: runGuarded } = guard;
  const { open } = doc;
  const { drafts } = recovered;
  const openPost = useCallback(
    (path: string) => {
      if (path === openPath) return;
      // Its unsaved text from before a crash waits for a decision first; typing now would replace that draft.
      if (drafts.some((draft) => draft.path === path)) {
        setRecoveryShown(true);
        return;
      }
      runGuarded(() => void open(path));
    },
    [runGuarded, open, openPath, drafts],
  );
  const { take } = recovered;
  const { restoreDraft } = doc;
  const restore = useCallback(
    (draft: RecoveredDraft) => {
      setRecoveryShown(false);
      runGuarded(() => {
        take(draft.path);
        restoreDraft(draft);
      });
    },
    [runGuarded, take, restoreDraft],
  );
  const showNewPost = useCallback(() => setNewPostOpen(true), []);
  const postCreated = useCallback(
    (path: string) => {
      setNewPostOpen(false);
      reloadPosts();
      openPost(path);
    },
    [reloadPosts, openPost],
  );
  const togglePreview = useCallback(() => setPreviewShown((shown) => !shown), []);

  const commands: Record<MenuCommand, () => void> = {
    'open-folder': () => runGuarded(() => void openFolder()),
    'new-post': showNewPost,
    save: () => void doc.save(),
    'toggle-preview': togglePreview,
    'find-post': () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
  };
  // Menu and key handlers are bound once and read the latest commands from here.
  const commandsRef = useRef(commands);
  useEffect(() => {
    commandsRef.current = commands;
  });

  useEffect(
    () =>
      api.on('menu', (command) => {
        if (Object.prototype.hasOwnProperty.call(commandsRef.current, command)) commandsRef.current[command]();
      }),
    [api],
  );

  // Another program changed files: the open post looks again (usePosts re-lists on its own).
  const { checkDisk } = doc;
  const watched = useRef({ openPath, checkDisk });
  useEffect(() => {
    watched.current = { openPath, checkDisk };
  });
  useEffect(
    () =>
      api.on('postsChanged', (change) => {
        const { openPath: path, checkDisk: check } = watched.current;
        if (path === null) return;
        if (change.overflow || change.paths.some((changed) => changed === path || path.startsWith(changed + '/'))) void check();
      }),
    [api],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Capture phase: the editor must not swallow the shortcut, and the browser must not "save page".
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        commandsRef.current.save();
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  const recoveryOpen = recoveryShown && drafts.length > 0;
  const exportShown = exportPath !== null && exportPath === openPath;
  const dialogOpen = guard.asking || newPostOpen || recoveryOpen || exportShown;

  return (
    <>
      <div className="workspace" inert={dialogOpen}>
        <PostsNav
          siteName={site.name}
          posts={posts}
          error={postsError}
          openPath={openPath}
          onOpen={openPost}
          onNewPost={showNewPost}
          searchRef={searchRef}
          git={git.status}
        />
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
            doc={doc}
            title={postTitle}
            previewShown={previewShown}
            colorScheme={colorScheme}
            onTogglePreview={togglePreview}
            onExport={showExport}
            siteKind={site.kind}
          />
        </main>
      </div>
      {guard.asking && <UnsavedChangesDialog guard={guard} title={postTitle ?? 'This post'} />}
      {recoveryOpen && (
        <RecoveryDialog
          drafts={drafts}
          onRestore={restore}
          onDiscard={(draft) => void recovered.discard(draft.path).catch(() => undefined)}
          onClose={() => setRecoveryShown(false)}
        />
      )}
      {newPostOpen && <NewPostDialog onClose={() => setNewPostOpen(false)} onCreated={postCreated} />}
      {exportShown && doc.post && (
        <ExportDialog
          path={doc.post.path}
          title={postTitle ?? doc.post.path}
          dirty={doc.dirty}
          save={doc.save}
          saveError={doc.saveError}
          onCommitted={git.refresh}
          onClose={() => setExportPath(null)}
        />
      )}
    </>
  );
}

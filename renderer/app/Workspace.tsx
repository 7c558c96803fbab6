import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RecapBridge } from '../../shared/bridge';
import type { ErrorInfo } from '../../shared/errors';
import type { MenuCommand, Session, Site } from '../../shared/model';
import { LazyDocumentView } from '../document/LazyDocumentView';
import { UnsavedChangesDialog } from '../document/UnsavedChangesDialog';
import { useBeforeUnload, useDocumentTitle } from '../document/use-document-title';
import { useDocument } from '../document/use-document';
import { useUnsavedGuard } from '../document/use-unsaved-guard';
import { NewPostDialog } from '../posts/NewPostDialog';
import { PostsNav } from '../posts/PostsNav';
import { usePosts } from '../posts/use-posts';
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
  const { posts, error: postsError } = usePosts(api, version);
  const doc = useDocument(api);
  const guard = useUnsavedGuard(doc.dirty, doc.save);
  const [previewShown, setPreviewShown] = useState(true);
  const [newPostOpen, setNewPostOpen] = useState(false);

  const openPath = doc.post?.path ?? null;
  const summary = useMemo(() => posts?.find((post) => post.path === openPath) ?? null, [posts, openPath]);
  const postTitle = openPath === null ? null : (summary?.title ?? openPath.split('/').pop() ?? openPath);
  useDocumentTitle(api, postTitle, site.name, doc.dirty);
  useBeforeUnload(mode === 'browser' && doc.dirty);

  const { guard: runGuarded } = guard;
  const { open } = doc;
  const openPost = useCallback(
    (path: string) => {
      if (path === openPath) return;
      runGuarded(() => void open(path));
    },
    [runGuarded, open, openPath],
  );
  const showNewPost = useCallback(() => setNewPostOpen(true), []);
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

  const dialogOpen = guard.asking || newPostOpen;

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
        />
        <main className="workspace-main">
          {sessionError && (
            <p role="alert" className="notice danger">
              {sessionError.message}
            </p>
          )}
          <LazyDocumentView doc={doc} title={postTitle} previewShown={previewShown} colorScheme={colorScheme} onTogglePreview={togglePreview} />
        </main>
      </div>
      {guard.asking && <UnsavedChangesDialog guard={guard} title={postTitle ?? 'This post'} />}
      {newPostOpen && <NewPostDialog onClose={() => setNewPostOpen(false)} />}
    </>
  );
}

/**
 * Binds the contract to the services. Every door (Electron IPC, the
 * browser-mode server) builds its handlers here, differing only in the
 * shell hooks it passes: what the platform can do that plain Node cannot.
 */
import type { EventName, Events, Handlers } from '../../shared/api';
import { RecapError } from '../../shared/errors';
import { safeExternalUrl } from '../../shared/links';
import type { Session } from '../../shared/model';
import { readPost } from './documents/read-post';
import { savePost } from './documents/save-post';
import { createExportHandlers } from './git/export-handlers';
import type { RecentFolders } from './settings/recent-folders';
import { Workspace } from './workspace/workspace';

export interface ShellHooks {
  mode: Session['mode'];
  /** Native folder chooser (Electron). Resolves null when the user cancels. */
  chooseFolder?: () => Promise<string | null>;
  /** Opens an already validated URL in the system browser. */
  openExternal?: (url: string) => Promise<void>;
  /** The window's title and dirty flag changed. */
  onDocumentState?: (state: { title: string | null; dirty: boolean }) => void;
  /** Browser mode serves one folder: only these roots may be opened. */
  allowedRoots?: readonly string[];
  /** Sends an event to the window(s); used for `exportProgress`. */
  emit?: <E extends EventName>(event: E, payload: Events[E]) => void;
}

export class AppState {
  workspace: Workspace | null = null;
  constructor(readonly recent: RecentFolders) {}

  async open(root: string): Promise<Workspace> {
    const workspace = await Workspace.open(root);
    this.workspace = workspace;
    await this.recent.add(workspace.site.root);
    return workspace;
  }

  requireWorkspace(): Workspace {
    if (!this.workspace) throw new RecapError('no-site', 'No folder is open. Open your site folder first.');
    return this.workspace;
  }
}

export function createHandlers(state: AppState, hooks: ShellHooks): Handlers {
  const session = async (): Promise<Session> => ({
    mode: hooks.mode,
    site: state.workspace?.site ?? null,
    recent: await state.recent.list(),
    canChooseFolder: hooks.chooseFolder !== undefined,
  });

  return {
    getSession: session,

    async openFolder({ path }) {
      let root: string | null | undefined = path;
      if (root === undefined) {
        if (!hooks.chooseFolder) {
          throw new RecapError('refused', 'Browser mode serves one folder. To edit another, run `recap serve <folder>`.');
        }
        root = await hooks.chooseFolder();
        if (root === null) return session();
      } else if (hooks.allowedRoots) {
        if (!hooks.allowedRoots.includes(root)) {
          throw new RecapError('refused', 'Browser mode serves one folder. To edit another, run `recap serve <folder>`.');
        }
      } else if (!(await state.recent.list()).includes(root)) {
        // A window may only reopen folders the user chose before, never name arbitrary paths.
        throw new RecapError('refused', 'That folder is not in your recent folders. Use File › Open Folder… to choose it.');
      }
      await state.open(root);
      return session();
    },

    // The app's list needs no word counts: reading only file heads keeps big sites instant.
    listPosts: () => state.requireWorkspace().list({ words: false }),

    readPost: ({ path }) => readPost(state.requireWorkspace().site.root, path),

    async savePost({ path, text, baseHash }) {
      const workspace = state.requireWorkspace();
      const result = await savePost(workspace.site.root, path, text, baseHash);
      workspace.invalidate(path);
      return result;
    },

    async openExternal({ url }) {
      const safe = safeExternalUrl(url);
      if (!safe) throw new RecapError('refused', 'Only web (http, https) and email links can be opened.');
      if (!hooks.openExternal) return { opened: false };
      await hooks.openExternal(safe);
      return { opened: true };
    },

    setDocumentState(stateChange) {
      hooks.onDocumentState?.(stateChange);
      return null;
    },

    ...createExportHandlers({
      siteRoot: () => state.requireWorkspace().site.root,
      postPaths: async () => (await state.requireWorkspace().list({ words: false })).posts.map((p) => p.path),
      onProgress: (progress) => hooks.emit?.('exportProgress', progress),
    }),
  };
}

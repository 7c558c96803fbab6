/**
 * Binds the contract to the services. Every door (Electron IPC, the
 * browser-mode server) builds its handlers here, differing only in the
 * shell hooks it passes: what the platform can do that plain Node cannot.
 */
import type { EventName, Events, Handlers, MethodName } from '../../shared/api';
import { RecapError } from '../../shared/errors';
import { safeExternalUrl } from '../../shared/links';
import type { PostList, PostsChange, Session } from '../../shared/model';
import { resolveInside } from './documents/confine';
import { requirePost } from './documents/post-gate';
import type { DraftJournal } from './documents/draft-journal';
import { readPost } from './documents/read-post';
import { recoverDrafts } from './documents/recover-drafts';
import { TextChecker } from './check/check-text';
import { savePost } from './documents/save-post';
import { createPost } from './posts/create-post';
import { siteEmbedStyle } from './embeds/site-embed-style';
import { importImage } from './media/import-image';
import { listSiteImages } from './media/site-images';
import { createExportHandlers } from './git/export-handlers';
import { createPageHandlers } from './page/page-handlers';
import { PageService } from './page/page-service';
import { createCollectHandlers } from './collect/collect-handlers';
import type { CollectService } from './collect/collect-service';
import { createWriteUpHandlers } from './collect/write-up-handlers';
import { photoOptions } from './media/process-photo';
import type { PreviewSettingsStore } from './settings/preview-settings-store';
import type { RecentFolders } from './settings/recent-folders';
import { watchAfterFirstList, type ListedWatch } from './workspace/watch-after-first-list';
import { expandTypedPath, listFolders } from './start-screen/list-folders';
import { sampleSiteCopy } from './start-screen/sample-site';
import { handOut } from './workspace/hand-out';
import { Workspace, bundledIndexWorker } from './workspace/workspace';
import type { WindowState } from '../../shared/window-title';
import { FIRST_SCREEN_POSTS, firstPosts } from '../../shared/posts/post-order';

export interface ShellHooks {
  mode: Session['mode'];
  /** Native folder chooser (Electron). Resolves null when the user cancels. */
  chooseFolder?: () => Promise<string | null>;
  /** Opens an already validated URL in the system browser. */
  openInBrowser?: (url: string) => Promise<void>;
  /** The window's title and dirty flag changed. */
  onDocumentState?: (state: WindowState) => void;
  /** Browser mode serves one folder: only these roots may be opened. */
  allowedRoots?: readonly string[];
  /** Browser mode started without a folder: until one is open, a typed path may be opened and its sub-folders listed. */
  typedFolders?: boolean;
  /** "Try the sample site": the sample blog to copy, and the state folder that keeps the copy. */
  sampleSite?: { source: string; stateDir: string };
  /** Sends an event to the window(s); used for `exportProgress`. */
  emit?: <E extends EventName>(event: E, payload: Events[E]) => void;
}

export interface AppStateOptions {
  /** Where unsaved text is journaled (per-user state folder). Without it, journaling is refused. */
  journal?: DraftJournal;
  /** Watch the opened site for changes made by other tools (the app and browser mode do; the CLI does not). */
  watch?: boolean;
  /** Per-site preview settings (per-user state folder). Without it, the preview stays offline and cannot be switched. */
  previewSettings?: PreviewSettingsStore;
  /** Collected links per post and their details (per-user state folder). Without it, collecting is refused. */
  collect?: CollectService;
  /** The per-user state folder, for the persistent post index the CLI shares. Without it, summaries live in memory only. */
  stateDir?: string;
}

/** How long a site's whole list waits for the window to take its quick first screen (Workspace.firstScreen). */
const QUICK_SCREEN_WAIT_MS = 1000;

export class AppState {
  workspace: Workspace | null = null;
  readonly journal: DraftJournal | null;
  readonly previewSettings: PreviewSettingsStore | null;
  readonly collect: CollectService | null;
  /** The Page view's rendered documents and the site's compiled styles, for the doors that serve the frame. */
  readonly pages: PageService;
  private watcher: ListedWatch | null = null;
  /**
   * A list not yet handed out whole: the one started when the site opened, or the one a screenful
   * (listPosts `first`) came from, kept for the rest (see listPosts). Only while watching: any change seen drops it.
   */
  private firstList: Promise<PostList> | null = null;
  /** A first screen made from a list ahead of the window's asking (see open). */
  private preparedScreen: { list: Promise<PostList>; count: number; screen: Promise<PostList>; taken: () => void } | null = null;
  private readonly changeListeners = new Set<(change: PostsChange) => void>();
  /** The per-user state folder, when there is one (thumbnails are cached there). */
  get stateDir(): string | null {
    return this.options.stateDir ?? null;
  }

  constructor(
    readonly recent: RecentFolders,
    private readonly options: AppStateOptions = {},
  ) {
    this.journal = options.journal ?? null;
    this.previewSettings = options.previewSettings ?? null;
    this.collect = options.collect ?? null;
    this.pages = new PageService({ stateDir: options.stateDir ?? null });
  }

  /** Files of the opened site changed on disk (already debounced). Returns the unsubscribe function. */
  onPostsChanged(listener: (change: PostsChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  async open(root: string): Promise<Workspace> {
    const workspace = await Workspace.open(root, { indexWorker: bundledIndexWorker(), ...(this.options.stateDir ? { stateDir: this.options.stateDir } : {}) });
    await this.stopWatching();
    await this.workspace?.close(); // its index workers, if a big site started any
    this.workspace = workspace;
    if (this.options.watch) {
      // Read while the window still loads (it asks for this first): a big site seen for the first time has
      // its screen read on its own, before the whole list starts; otherwise it is picked from that list.
      const quick = workspace.firstScreen(FIRST_SCREEN_POSTS).catch(() => null);
      // Such a screen goes out before the whole list is read: 10,000 posts read while the window loaded slowed both.
      const screenHandOut = handOut();
      this.startWatching(workspace, quick.then((early) => early && screenHandOut.taken(QUICK_SCREEN_WAIT_MS)));
      const list = this.watcher!.firstList;
      this.firstList = list;
      const screen = quick.then((early) => early ?? list.then((whole) => firstScreen(whole, FIRST_SCREEN_POSTS)));
      this.preparedScreen = { list, count: FIRST_SCREEN_POSTS, screen, taken: screenHandOut.take };
      screen.catch(() => undefined); // the window that asks is told
      // The Page view reads the site ahead once its size is known (a big site's posts are not read ahead).
      this.firstList.then((list) => this.pages.prepare(workspace.site, list.posts.length), () => undefined);
    }
    await this.recent.add(workspace.site.root);
    return workspace;
  }

  /** Stops watching and the index workers; the server calls it when it closes. */
  async close(): Promise<void> {
    await this.stopWatching();
    await this.workspace?.close();
  }

  /** Resolves once the watcher of the opened site sees changes and has reported what changed since the first list (tests and start-up ordering). */
  async watching(): Promise<void> {
    await this.watcher?.ready;
  }

  /**
   * The window's post list. The first call gets the list started when the
   * site opened (already under way while the window loads): whatever changed
   * since is reported by the watcher's rescan as postsChanged, as any change
   * on disk is. Later calls list afresh.
   */
  listPosts(): Promise<PostList> {
    const workspace = this.requireWorkspace();
    const first = this.firstList;
    this.firstList = null;
    if (!first) return workspace.list({ words: false });
    this.watcher?.handedOut();
    return first;
  }

  /**
   * The first `count` posts in the app's order, and how many there are: a big
   * site's first screen, small enough to send and draw at once. They come from
   * the list not yet handed out, or a new one, which is then kept for the rest
   * (the window asks for it next) unless a change on disk or a write comes
   * first. Watching does not start for a screenful: chokidar's start-up scan
   * would hold up the rest.
   */
  async listFirstPosts(count: number): Promise<PostList> {
    const workspace = this.requireWorkspace();
    let list = this.firstList;
    if (!list) {
      list = workspace.list({ words: false });
      if (this.watcher) this.firstList = list; // without a watcher nothing would say when it went stale
    }
    const prepared = this.preparedScreen;
    if (prepared?.list === list && prepared.count === count) {
      prepared.taken();
      return prepared.screen;
    }
    return firstScreen(await list, count);
  }

  /** Every post's path, for git's states: from the list not yet handed out, which is current (see firstList), else listed afresh. */
  async postPaths(): Promise<string[]> {
    const list = this.firstList ?? this.requireWorkspace().list({ words: false });
    return (await list).posts.map((post) => post.path);
  }

  /** A call that may change files came first: the list started at open may miss its change, so it is not handed out. */
  forgetFirstList(): void {
    this.firstList = null;
  }

  private startWatching(workspace: Workspace, listAfter: Promise<unknown>): void {
    this.watcher = watchAfterFirstList(
      workspace,
      (change) => {
        if (this.workspace !== workspace) return;
        this.firstList = null; // may miss this change: whoever asks next lists afresh
        // mtime + size could miss an edit within the clock's resolution: re-read these for sure.
        for (const changed of change.paths) workspace.invalidate(changed);
        for (const listener of this.changeListeners) listener(change);
      },
      { listAfter, onError: (error) => console.error(`Recap: watching ${workspace.site.root} for changes failed (${error.message}); the post list may not update by itself.`) },
    );
  }

  private async stopWatching(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = null;
    this.firstList = null;
    this.preparedScreen = null;
    await watcher?.close();
  }

  requireJournal(): DraftJournal {
    if (!this.journal) throw new RecapError('refused', 'Unsaved text cannot be journaled here.');
    return this.journal;
  }

  requireWorkspace(): Workspace {
    if (!this.workspace) throw new RecapError('no-site', 'No folder is open. Open your site folder first.');
    return this.workspace;
  }
}

function firstScreen({ site, posts }: PostList, count: number): PostList {
  return { site, posts: firstPosts(posts, count), total: posts.length };
}

export function createHandlers(state: AppState, hooks: ShellHooks): Handlers {
  const textChecker = new TextChecker();
  const session = async (): Promise<Session> => ({
    mode: hooks.mode,
    site: state.workspace?.site ?? null,
    recent: await state.recent.list(),
    canChooseFolder: hooks.chooseFolder !== undefined,
    ...(hooks.typedFolders ? { canTypeFolder: true } : {}),
    ...(hooks.sampleSite ? { canOpenSample: true } : {}),
  });
  /** Folders opened from browser mode's start screen, which may be reopened later. */
  const opened = new Set<string>();
  const startScreen = () => hooks.typedFolders === true && state.workspace === null;
  const openFromStartScreen = async (root: string) => {
    await state.open(root);
    opened.add(state.requireWorkspace().site.root);
    return session();
  };

  /** The open workspace, once `path` is known to be one of its posts (never its configuration, .git/ or a binary). */
  const postWorkspace = async (path: string): Promise<Workspace> => {
    const workspace = state.requireWorkspace();
    await resolveInside(workspace.site.root, path); // outside the folder (symlinks too) or in .git/ is said as such, first
    requirePost(workspace.site, path);
    return workspace;
  };

  const handlers: Handlers = {
    getSession: session,

    async openFolder({ path }) {
      let root: string | null | undefined = path;
      if (root === undefined) {
        if (!hooks.chooseFolder) {
          throw new RecapError('refused', 'Browser mode serves one folder. To edit another, run `recap serve <folder>`.');
        }
        root = await hooks.chooseFolder();
        if (root === null) return session();
      } else if (startScreen()) {
        return openFromStartScreen(expandTypedPath(root));
      } else if (hooks.allowedRoots) {
        if (!hooks.allowedRoots.includes(root) && !opened.has(root)) {
          throw new RecapError('refused', 'Browser mode serves one folder. To edit another, run `recap serve <folder>`.');
        }
      } else if (!(await state.recent.list()).includes(root)) {
        // A window may only reopen folders the user chose before, never name arbitrary paths.
        throw new RecapError('refused', 'That folder is not in your recent folders. Use File › Open Folder… to choose it.');
      }
      await state.open(root);
      return session();
    },

    async listFolders({ path }) {
      if (!startScreen()) throw new RecapError('refused', 'Folders can be listed only on the start screen of browser mode, before a folder is open.');
      return listFolders(path);
    },

    async openSampleSite() {
      if (!hooks.sampleSite) throw new RecapError('refused', 'The sample site is not available here; open a folder of your own.');
      if (state.workspace && !hooks.typedFolders) throw new RecapError('refused', 'Browser mode serves one folder. To try the sample site, run `recap serve` without a folder.');
      return openFromStartScreen(await sampleSiteCopy(hooks.sampleSite.source, hooks.sampleSite.stateDir));
    },

    // The app's list needs no word counts: reading only file heads keeps big sites instant.
    listPosts: ({ first }) => (first === undefined ? state.listPosts() : state.listFirstPosts(first)),

    readPost: async ({ path }) => readPost((await postWorkspace(path)).site.root, path),

    getSchema: () => state.requireWorkspace().schema(),

    checkPost: async ({ path, text }) => textChecker.check(await postWorkspace(path), path, text),

    getEmbedStyle: () => siteEmbedStyle(state.requireWorkspace()),

    async importImage({ postPath, fileName, dataBase64 }) {
      const workspace = state.requireWorkspace();
      const imported = await importImage(workspace.site.root, workspace.site.kind, { postPath, fileName, data: Buffer.from(dataBase64, 'base64') });
      textChecker.invalidate(workspace.site.root); // the new file is no longer a missing image
      return imported;
    },

    async siteImages({ path }) {
      const workspace = state.requireWorkspace();
      await resolveInside(workspace.site.root, path);
      return listSiteImages(workspace.site.root, workspace.site.kind, await workspace.layout(), path);
    },

    async createPost(input) {
      const workspace = state.requireWorkspace();
      const created = await createPost(workspace.site.root, workspace.site.kind, await workspace.facts(), input);
      workspace.invalidate(created.path);
      return created;
    },

    async savePost({ path, text, baseHash, recreate, replaceReadOnly, tab }) {
      const workspace = await postWorkspace(path);
      const result = await savePost(workspace.site.root, path, text, baseHash, { recreate: recreate === true, replaceReadOnly: replaceReadOnly === true });
      workspace.invalidate(path);
      // The text is on disk now; a leftover draft would only be offered for nothing.
      // Only this tab's slot: another tab's unsaved text of the same post stays recoverable.
      await state.journal?.discard(workspace.site.root, path, tab).catch(() => undefined);
      return result;
    },

    async journalDraft({ path, text, baseHash, tab }) {
      const root = (await postWorkspace(path)).site.root;
      await state.requireJournal().write(root, { path, text, baseHash, tab });
      return null;
    },

    async discardDraft({ path, tab }) {
      const root = state.requireWorkspace().site.root;
      // With a tab, that tab's slot; without, every slot of the post (a recovered draft thrown away).
      await (tab ? state.journal?.discard(root, path, tab) : state.journal?.discardAll(root, path));
      return null;
    },

    async listDrafts() {
      const root = state.requireWorkspace().site.root;
      return state.journal ? recoverDrafts(state.journal, root) : [];
    },

    async openLink({ url }) {
      const safe = safeExternalUrl(url);
      if (!safe) throw new RecapError('refused', 'Only web (http, https) and email links can be opened.');
      if (!hooks.openInBrowser) return { opened: false };
      await hooks.openInBrowser(safe);
      return { opened: true };
    },

    async getPreviewSettings() {
      const root = state.requireWorkspace().site.root;
      return state.previewSettings ? state.previewSettings.get(root) : { externalContent: false };
    },

    async setPreviewSettings(settings) {
      const root = state.requireWorkspace().site.root;
      if (!state.previewSettings) throw new RecapError('refused', 'Preview settings cannot be stored here.');
      return state.previewSettings.set(root, settings);
    },

    setDocumentState(stateChange) {
      hooks.onDocumentState?.(stateChange);
      return null;
    },

    ...createCollectHandlers({
      siteRoot: () => state.requireWorkspace().site.root,
      service: state.collect,
      externalContent: async (root) => (await state.previewSettings?.get(root))?.externalContent === true,
      embedStyle: () => siteEmbedStyle(state.requireWorkspace()),
      archiveMarkup: async () => (await state.requireWorkspace().facts()).settings?.tweets?.archiveMarkup,
      photoSite: async () => {
        const workspace = state.requireWorkspace();
        return { root: workspace.site.root, kind: workspace.site.kind, photos: photoOptions((await workspace.facts()).settings?.photos) };
      },
      onFilesAdded: (root) => textChecker.invalidate(root),
    }),

    ...createWriteUpHandlers({
      workspace: () => state.requireWorkspace(),
      stateDir: state.stateDir,
      onFilesAdded: (root) => textChecker.invalidate(root),
    }),

    ...createPageHandlers({
      workspace: () => state.requireWorkspace(),
      service: state.pages,
      externalContent: async (root) => (await state.previewSettings?.get(root))?.externalContent === true,
    }),

    ...createExportHandlers({
      siteRoot: () => state.requireWorkspace().site.root,
      postPaths: () => state.postPaths(),
      onProgress: (progress) => hooks.emit?.('exportProgress', progress),
    }),
  };
  return withFirstListGuard(handlers, state);
}

/** What a window asks while it starts; none of them changes a file of the site. */
const STARTUP_READS = new Set<MethodName>(['getSession', 'listPosts', 'listDrafts', 'gitStatus', 'getSchema', 'getPreviewSettings', 'setDocumentState', 'readPost', 'checkPost', 'getEmbedStyle', 'journalDraft']);

/** Any other call may write to the site before the window's first list: that list is then made afresh (AppState.listPosts). */
function withFirstListGuard(handlers: Handlers, state: AppState): Handlers {
  const guarded: Record<string, unknown> = { ...handlers };
  for (const name of Object.keys(handlers) as MethodName[]) {
    if (STARTUP_READS.has(name)) continue;
    const handler = handlers[name] as (input: unknown) => unknown;
    guarded[name] = (input: unknown) => {
      state.forgetFirstList();
      return handler(input);
    };
  }
  return guarded as Handlers;
}

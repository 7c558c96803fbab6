/**
 * The open post's one owner: a plain class whose state is an immutable
 * snapshot, read by components through useSyncExternalStore (see
 * use-document.ts). Handlers fired from keys, menus and panels read the
 * latest text from the store itself, so no component keeps a copy in a ref.
 */
import type { RecapBridge } from '../../shared/bridge';
import { splitFrontMatter } from '../../shared/document/front-matter-block';
import type { ErrorInfo } from '../../shared/errors';
import type { PostDocument, RecoveredDraft } from '../../shared/model';
import { describeError } from '../app/error-message';

/** The post being edited. The file is always `frontMatter + body`, byte for byte. */
export interface OpenPost {
  path: string;
  /** As read from disk: warnings, read-only flag, front matter diagnostics. */
  loaded: PostDocument;
  /** Hash of the bytes on disk that this text is based on; a save must name it. */
  baseHash: string;
  /** The full text as last read or saved, to tell whether there are unsaved changes. */
  savedText: string;
  frontMatter: string;
  body: string;
  /** The file on disk compared with what this text is based on. */
  disk: DiskState;
  /** Read-only by its permissions, and the author chose "Edit anyway". */
  unlocked: boolean;
  /** The author agreed to replace the read-only file: later saves do not ask again. */
  replaceConfirmed: boolean;
}

export type DiskState =
  | { kind: 'current' }
  /** Another program changed the file while the editor had unsaved edits. */
  | { kind: 'changed'; doc: PostDocument }
  | { kind: 'deleted' };

export interface DocumentSnapshot {
  post: OpenPost | null;
  dirty: boolean;
  /** Path being read, while it loads. */
  loading: string | null;
  loadError: ErrorInfo | null;
  saveError: ErrorInfo | null;
  saving: boolean;
  /** A save of a read-only file waits for the author to agree to replace it. */
  confirmingReplace: boolean;
}

export interface DocumentActions {
  open: (path: string) => Promise<void>;
  close: () => void;
  setBody: (body: string) => void;
  setFrontMatter: (source: string) => void;
  /** Resolves true when the text on disk now matches the editor. */
  save: () => Promise<boolean>;
  /** After a conflict: throw away the edits and read the file again. */
  reloadFromDisk: () => Promise<void>;
  /** After a conflict: the author chose to replace the file on disk with the editor's text. */
  overwrite: () => Promise<boolean>;
  /** The file may have changed on disk: a post without edits reloads, one with edits is flagged. */
  checkDisk: () => Promise<void>;
  /** Changed on disk: keep the editor's text and take the disk version as the base, so the next save replaces it deliberately. */
  keepMine: () => void;
  /** Changed on disk: show the disk version, dropping the edits. */
  loadTheirs: () => void;
  /** Deleted on disk: create the file again with the editor's text. */
  saveAgain: () => Promise<boolean>;
  /** Opens a recovered draft: its text, unsaved, over the post on disk (or over a deleted one). */
  restoreDraft: (draft: RecoveredDraft) => void;
  /** Read-only by its permissions: allow editing; the first save then asks before replacing the file. */
  editAnyway: () => void;
  /** The author agreed to replace the read-only file: save now, and later saves without asking. */
  confirmReplace: () => Promise<boolean>;
  cancelReplace: () => void;
}

/** What features around the open post see: its state and what can be done with it. */
export type DocumentState = DocumentSnapshot & DocumentActions;

/** Told before Recap writes a post, so the file watcher's echo of that write is not taken for another program's change. */
export interface WriteListener {
  willWrite(path: string): void;
  /** The write settled (`hash` is null when it failed: no echo will come). */
  wrote(path: string, hash: string | null, frontMatter: string): void;
}

/** Not editable now: read-only and not unlocked (a file that is not UTF-8 is never unlocked). */
export function isLocked(post: OpenPost): boolean {
  return post.loaded.readOnly && !post.unlocked;
}

export function fullText(post: OpenPost): string {
  return post.frontMatter + post.body;
}

/** Compares without building the full text: this runs on every keystroke. */
function isDirty(post: OpenPost): boolean {
  const { savedText, frontMatter, body } = post;
  return !(savedText.length === frontMatter.length + body.length && savedText.startsWith(frontMatter) && savedText.endsWith(body));
}

/** The post as read from disk, with no edits. Its front matter is split off once, here. */
function fromDocument(loaded: PostDocument): OpenPost {
  const split = splitFrontMatter(loaded.text);
  return {
    path: loaded.path,
    loaded,
    baseHash: loaded.hash,
    savedText: loaded.text,
    frontMatter: split.block?.raw ?? '',
    body: split.body,
    disk: { kind: 'current' },
    unlocked: false,
    replaceConfirmed: false,
  };
}

/** A recovered draft over what is on disk now. */
function fromDraft(draft: RecoveredDraft): OpenPost {
  const split = splitFrontMatter(draft.text);
  const text = { frontMatter: split.block?.raw ?? '', body: split.body, baseHash: draft.baseHash };
  if (draft.disk === null) {
    const loaded: PostDocument = {
      path: draft.path,
      text: '',
      hash: draft.baseHash,
      encoding: { bom: false, lineEnding: 'lf', utf8: true },
      readOnly: false,
      readOnlyReason: null,
      warnings: [],
      frontMatter: { language: null, data: null, error: null },
    };
    return { path: draft.path, loaded, savedText: '', ...text, disk: { kind: 'deleted' }, unlocked: false, replaceConfirmed: false };
  }
  const disk: DiskState = draft.disk.hash === draft.baseHash ? { kind: 'current' } : { kind: 'changed', doc: draft.disk };
  return { ...fromDocument(draft.disk), ...text, disk };
}

function isNotFound(error: unknown): boolean {
  return describeError(error).code === 'not-found';
}

const EMPTY: DocumentSnapshot = { post: null, dirty: false, loading: null, loadError: null, saveError: null, saving: false, confirmingReplace: false };

export class DocumentStore implements DocumentActions {
  private snapshot: DocumentState;
  private readonly listeners = new Set<() => void>();
  /** Latest wins: a slow read must not replace a post opened after it. */
  private loadTicket = 0;
  /** A disk change arrived during a save: look again once the save has settled. */
  private recheckAfterSave = false;

  constructor(
    private readonly api: RecapBridge,
    private readonly writes: WriteListener | null = null,
  ) {
    this.snapshot = { ...EMPTY, ...this.actions() };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): DocumentState => this.snapshot;

  private actions(): DocumentActions {
    const { open, close, setBody, setFrontMatter, save, reloadFromDisk, overwrite, checkDisk, keepMine, loadTheirs, saveAgain, restoreDraft, editAnyway, confirmReplace, cancelReplace } = this;
    return { open, close, setBody, setFrontMatter, save, reloadFromDisk, overwrite, checkDisk, keepMine, loadTheirs, saveAgain, restoreDraft, editAnyway, confirmReplace, cancelReplace };
  }

  private set(change: Partial<DocumentSnapshot>): void {
    const next = { ...this.snapshot, ...change };
    next.dirty = next.post !== null && isDirty(next.post);
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  private get post(): OpenPost | null {
    return this.snapshot.post;
  }

  private updatePost(change: (post: OpenPost) => OpenPost): void {
    const current = this.post;
    if (!current) return;
    const next = change(current);
    if (next !== current) this.set({ post: next });
  }

  readonly open = async (path: string): Promise<void> => {
    const ticket = ++this.loadTicket;
    this.set({ loading: path, loadError: null });
    try {
      const loaded = await this.api.readPost({ path });
      if (ticket !== this.loadTicket) return;
      this.set({ post: fromDocument(loaded), saveError: null, loading: null, confirmingReplace: false });
    } catch (err) {
      if (ticket !== this.loadTicket) return;
      this.set({ post: null, loadError: describeError(err), loading: null });
    }
  };

  readonly close = (): void => {
    this.loadTicket++;
    this.set({ post: null, loading: null, loadError: null, saveError: null, confirmingReplace: false });
  };

  readonly checkDisk = async (): Promise<void> => {
    const current = this.post;
    if (!current) return;
    // Our own save changes the file too; judge only once its new hash is known.
    if (this.snapshot.saving) {
      this.recheckAfterSave = true;
      return;
    }
    const ticket = this.loadTicket;
    let onDisk: PostDocument | null;
    try {
      onDisk = await this.api.readPost({ path: current.path });
    } catch (err) {
      if (!isNotFound(err)) return; // unreadable for now: the next change will tell
      onDisk = null;
    }
    if (ticket !== this.loadTicket) return;
    if (this.snapshot.saving) {
      this.recheckAfterSave = true;
      return;
    }
    this.updatePost((p) => {
      if (p.path !== current.path) return p;
      if (onDisk === null) return p.disk.kind === 'deleted' ? p : { ...p, disk: { kind: 'deleted' } };
      if (onDisk.hash === p.baseHash) return p.disk.kind === 'current' ? p : { ...p, disk: { kind: 'current' } };
      // Nothing of the author's to lose: show the new version in place (the editor keeps the cursor).
      if (!isDirty(p)) return fromDocument(onDisk);
      return { ...p, disk: { kind: 'changed', doc: onDisk } };
    });
  };

  private async write(baseHash: string | null, recreate = false): Promise<boolean> {
    const current = this.post;
    if (!current || isLocked(current)) return false;
    const text = fullText(current);
    const base = baseHash ?? current.baseHash;
    if (!recreate && text === current.savedText && base === current.baseHash) return true;
    if (this.snapshot.saving) return false;
    const replaceReadOnly = current.loaded.readOnly;
    if (replaceReadOnly && !current.replaceConfirmed) {
      this.set({ confirmingReplace: true });
      return false;
    }
    this.set({ saving: true, saveError: null });
    this.writes?.willWrite(current.path);
    let hash: string | null = null;
    try {
      const request = { path: current.path, text, baseHash: base, ...(replaceReadOnly ? { replaceReadOnly } : {}) };
      const result = await this.api.savePost(recreate ? { ...request, recreate } : request);
      hash = result.hash;
      // The author may have typed during the save: only what was sent counts as saved.
      const saved = this.post;
      const post = saved && saved.path === current.path ? { ...saved, baseHash: result.hash, savedText: text, disk: { kind: 'current' } as const } : saved;
      this.set({ post, saving: false });
      return true;
    } catch (err) {
      this.set({ saveError: describeError(err), saving: false });
      return false;
    } finally {
      this.writes?.wrote(current.path, hash, current.frontMatter);
      if (this.recheckAfterSave) {
        this.recheckAfterSave = false;
        void this.checkDisk();
      }
    }
  }

  readonly save = (): Promise<boolean> => this.write(null);
  readonly saveAgain = (): Promise<boolean> => this.write(null, true);

  readonly keepMine = (): void => {
    this.updatePost((p) => (p.disk.kind === 'changed' ? { ...p, baseHash: p.disk.doc.hash, savedText: p.disk.doc.text, disk: { kind: 'current' } } : p));
    this.set({ saveError: null });
  };

  readonly loadTheirs = (): void => {
    this.updatePost((p) => (p.disk.kind === 'changed' ? fromDocument(p.disk.doc) : p));
    this.set({ saveError: null });
  };

  readonly restoreDraft = (draft: RecoveredDraft): void => {
    this.loadTicket++;
    this.set({ post: fromDraft(draft), loading: null, loadError: null, saveError: null });
  };

  readonly overwrite = async (): Promise<boolean> => {
    const current = this.post;
    if (!current) return false;
    try {
      const onDisk = await this.api.readPost({ path: current.path });
      return await this.write(onDisk.hash);
    } catch (err) {
      this.set({ saveError: describeError(err) });
      return false;
    }
  };

  readonly reloadFromDisk = async (): Promise<void> => {
    const current = this.post;
    if (current) await this.open(current.path);
  };

  readonly setBody = (body: string): void => this.updatePost((p) => (isLocked(p) || p.body === body ? p : { ...p, body }));
  readonly setFrontMatter = (frontMatter: string): void =>
    this.updatePost((p) => (isLocked(p) || p.frontMatter === frontMatter ? p : { ...p, frontMatter }));

  readonly editAnyway = (): void =>
    this.updatePost((p) => (p.loaded.readOnlyReason === 'permissions' && !p.unlocked ? { ...p, unlocked: true } : p));

  readonly confirmReplace = (): Promise<boolean> => {
    this.updatePost((p) => (p.replaceConfirmed ? p : { ...p, replaceConfirmed: true }));
    this.set({ confirmingReplace: false });
    return this.write(null);
  };

  readonly cancelReplace = (): void => this.set({ confirmingReplace: false });
}

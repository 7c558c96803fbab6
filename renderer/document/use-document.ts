import { useCallback, useEffect, useRef, useState } from 'react';
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
}

export type DiskState =
  | { kind: 'current' }
  /** Another program changed the file while the editor had unsaved edits. */
  | { kind: 'changed'; doc: PostDocument }
  | { kind: 'deleted' };

export interface DocumentState {
  post: OpenPost | null;
  dirty: boolean;
  /** Path being read, while it loads. */
  loading: string | null;
  loadError: ErrorInfo | null;
  saveError: ErrorInfo | null;
  saving: boolean;
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
}

export function fullText(post: OpenPost): string {
  return post.frontMatter + post.body;
}

/** Compares without building the full text: this runs on every keystroke. */
function isDirty(post: OpenPost): boolean {
  const { savedText, frontMatter, body } = post;
  return !(
    savedText.length === frontMatter.length + body.length &&
    savedText.startsWith(frontMatter) &&
    savedText.endsWith(body)
  );
}

/** The post as read from disk, with no edits. */
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
      warnings: [],
      frontMatter: { language: null, data: null, error: null },
    };
    return { path: draft.path, loaded, savedText: '', ...text, disk: { kind: 'deleted' } };
  }
  const disk: DiskState = draft.disk.hash === draft.baseHash ? { kind: 'current' } : { kind: 'changed', doc: draft.disk };
  return { ...fromDocument(draft.disk), ...text, disk };
}

function isNotFound(error: unknown): boolean {
  return describeError(error).code === 'not-found';
}

export function useDocument(api: RecapBridge): DocumentState {
  const [post, setPost] = useState<OpenPost | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<ErrorInfo | null>(null);
  const [saveError, setSaveError] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);

  // Handlers fired from keys and menus read the latest text through this ref.
  const postRef = useRef<OpenPost | null>(null);
  const savingRef = useRef(false);
  const loadTicket = useRef(0);
  /** A disk change arrived during a save: look again once the save has settled. */
  const recheckAfterSave = useRef(false);

  useEffect(() => {
    postRef.current = post;
  }, [post]);

  const update = useCallback((change: (post: OpenPost) => OpenPost) => {
    setPost((current) => {
      const next = current ? change(current) : current;
      postRef.current = next;
      return next;
    });
  }, []);

  const open = useCallback(
    async (path: string) => {
      // Latest wins: a slow read must not replace a post opened after it.
      const ticket = ++loadTicket.current;
      setLoading(path);
      setLoadError(null);
      try {
        const loaded = await api.readPost({ path });
        if (ticket !== loadTicket.current) return;
        const next = fromDocument(loaded);
        postRef.current = next;
        setPost(next);
        setSaveError(null);
      } catch (err) {
        if (ticket !== loadTicket.current) return;
        postRef.current = null;
        setPost(null);
        setLoadError(describeError(err));
      } finally {
        if (ticket === loadTicket.current) setLoading(null);
      }
    },
    [api],
  );

  const close = useCallback(() => {
    loadTicket.current++;
    postRef.current = null;
    setPost(null);
    setLoading(null);
    setLoadError(null);
    setSaveError(null);
  }, []);

  const checkDisk = useCallback(async () => {
    const current = postRef.current;
    if (!current) return;
    // Our own save changes the file too; judge only once its new hash is known.
    if (savingRef.current) {
      recheckAfterSave.current = true;
      return;
    }
    const ticket = loadTicket.current;
    let onDisk: PostDocument | null;
    try {
      onDisk = await api.readPost({ path: current.path });
    } catch (err) {
      if (!isNotFound(err)) return; // unreadable for now: the next change will tell
      onDisk = null;
    }
    if (ticket !== loadTicket.current) return;
    if (savingRef.current) {
      recheckAfterSave.current = true;
      return;
    }
    update((p) => {
      if (p.path !== current.path) return p;
      if (onDisk === null) return p.disk.kind === 'deleted' ? p : { ...p, disk: { kind: 'deleted' } };
      if (onDisk.hash === p.baseHash) return p.disk.kind === 'current' ? p : { ...p, disk: { kind: 'current' } };
      // Nothing of the author's to lose: show the new version in place (the editor keeps the cursor).
      if (!isDirty(p)) return fromDocument(onDisk);
      return { ...p, disk: { kind: 'changed', doc: onDisk } };
    });
  }, [api, update]);

  const write = useCallback(
    async (baseHash: string | null, recreate = false): Promise<boolean> => {
      const current = postRef.current;
      if (!current || current.loaded.readOnly) return false;
      const text = fullText(current);
      const base = baseHash ?? current.baseHash;
      if (!recreate && text === current.savedText && base === current.baseHash) return true;
      if (savingRef.current) return false;
      savingRef.current = true;
      setSaving(true);
      setSaveError(null);
      try {
        const request = { path: current.path, text, baseHash: base };
        const result = await api.savePost(recreate ? { ...request, recreate } : request);
        // The author may have typed during the save: only what was sent counts as saved.
        update((p) => (p.path === current.path ? { ...p, baseHash: result.hash, savedText: text, disk: { kind: 'current' } } : p));
        return true;
      } catch (err) {
        setSaveError(describeError(err));
        return false;
      } finally {
        savingRef.current = false;
        setSaving(false);
        if (recheckAfterSave.current) {
          recheckAfterSave.current = false;
          void checkDisk();
        }
      }
    },
    [api, update, checkDisk],
  );

  const save = useCallback(() => write(null), [write]);
  const saveAgain = useCallback(() => write(null, true), [write]);

  const keepMine = useCallback(() => {
    update((p) => (p.disk.kind === 'changed' ? { ...p, baseHash: p.disk.doc.hash, savedText: p.disk.doc.text, disk: { kind: 'current' } } : p));
    setSaveError(null);
  }, [update]);

  const loadTheirs = useCallback(() => {
    update((p) => (p.disk.kind === 'changed' ? fromDocument(p.disk.doc) : p));
    setSaveError(null);
  }, [update]);

  const restoreDraft = useCallback((draft: RecoveredDraft) => {
    loadTicket.current++;
    const next = fromDraft(draft);
    postRef.current = next;
    setPost(next);
    setLoading(null);
    setLoadError(null);
    setSaveError(null);
  }, []);

  const overwrite = useCallback(async () => {
    const current = postRef.current;
    if (!current) return false;
    try {
      const onDisk = await api.readPost({ path: current.path });
      return await write(onDisk.hash);
    } catch (err) {
      setSaveError(describeError(err));
      return false;
    }
  }, [api, write]);

  const reloadFromDisk = useCallback(async () => {
    const current = postRef.current;
    if (current) await open(current.path);
  }, [open]);

  const setBody = useCallback((body: string) => update((p) => (p.loaded.readOnly ? p : { ...p, body })), [update]);
  const setFrontMatter = useCallback(
    (frontMatter: string) => update((p) => (p.loaded.readOnly ? p : { ...p, frontMatter })),
    [update],
  );

  const dirty = post !== null && isDirty(post);

  return {
    post,
    dirty,
    loading,
    loadError,
    saveError,
    saving,
    open,
    close,
    setBody,
    setFrontMatter,
    save,
    reloadFromDisk,
    overwrite,
    checkDisk,
    keepMine,
    loadTheirs,
    saveAgain,
    restoreDraft,
  };
}

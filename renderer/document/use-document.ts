import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecapBridge } from '../../shared/bridge';
import { splitFrontMatter } from '../../shared/document/front-matter-block';
import type { ErrorInfo } from '../../shared/errors';
import type { PostDocument } from '../../shared/model';
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
}

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
        const split = splitFrontMatter(loaded.text);
        const next: OpenPost = {
          path,
          loaded,
          baseHash: loaded.hash,
          savedText: loaded.text,
          frontMatter: split.block?.raw ?? '',
          body: split.body,
        };
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

  const write = useCallback(
    async (baseHash: string | null): Promise<boolean> => {
      const current = postRef.current;
      if (!current || current.loaded.readOnly) return false;
      const text = fullText(current);
      const base = baseHash ?? current.baseHash;
      if (text === current.savedText && base === current.baseHash) return true;
      if (savingRef.current) return false;
      savingRef.current = true;
      setSaving(true);
      setSaveError(null);
      try {
        const result = await api.savePost({ path: current.path, text, baseHash: base });
        // The author may have typed during the save: only what was sent counts as saved.
        update((p) => (p.path === current.path ? { ...p, baseHash: result.hash, savedText: text } : p));
        return true;
      } catch (err) {
        setSaveError(describeError(err));
        return false;
      } finally {
        savingRef.current = false;
        setSaving(false);
      }
    },
    [api, update],
  );

  const save = useCallback(() => write(null), [write]);

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

  return { post, dirty, loading, loadError, saveError, saving, open, close, setBody, setFrontMatter, save, reloadFromDisk, overwrite };
}

/**
 * What the Collected panel and the editor share for the open post: its cards,
 * its photos, and inserting either into the body at the caret or where a card
 * is dropped.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { splitFrontMatter } from '../../shared/document/front-matter-block';
import { useApi } from '../app/api-context';
import { describeError } from '../app/error-message';
import type { EditorDropTarget } from '../authoring/AuthoringEditor';
import type { DocumentState } from '../document/use-document';
import type { EditorHandle } from '../editor/editor-handle';
import { offsetFromPoint } from './drop-offset';
import { insertBlock } from './insert-block';
import { useCollected, type CollectedState } from './use-collected';
import { useExternalContent } from './use-external-content';
import { usePhotoImport, type PhotoImportState, type PostAccess } from './use-photo-import';

/** The drag payload of a card; text/plain carries its URL for anywhere else it is dropped. */
export const CARD_DRAG_TYPE = 'application/x-recap-card';
/** The section "Insert all" drafts. */
export const INSERT_ALL_SECTION = 'Collected';

export interface CollectTools {
  shown: boolean;
  toggle: () => void;
  externalContent: boolean;
  collected: CollectedState;
  photos: PhotoImportState;
  /** An insert is being prepared (the main process writes the markup). */
  inserting: boolean;
  insertError: string | null;
  /** Inserts these cards at the caret; focus stays where it is. */
  insertCards: (ids: readonly string[]) => Promise<void>;
  /** Every card, in order, under a "Collected" heading. */
  insertAll: () => Promise<void>;
  /** For the editor: cards dragged from the panel. */
  dropTarget: EditorDropTarget;
}

export function useCollectTools(doc: DocumentState, editor: EditorHandle): CollectTools {
  const api = useApi();
  const { post, setBody, setFrontMatter } = doc;
  const path = post?.path ?? null;
  const externalContent = useExternalContent(api);
  const collected = useCollected(api, path, externalContent);
  const [shown, setShown] = useState(false);
  const [inserting, setInserting] = useState(false);
  const [insertError, setInsertError] = useState<string | null>(null);

  // Inserts read the text as it is when the answer arrives, not as it was when asked.
  const latest = useRef({ frontMatter: '', body: '', path });
  useEffect(() => {
    latest.current = { frontMatter: post?.frontMatter ?? '', body: post?.body ?? '', path };
  });

  const access = useMemo<PostAccess>(
    () => ({
      handle: editor,
      body: () => latest.current.body,
      setBody: (body) => {
        latest.current.body = body;
        setBody(body);
      },
      fullText: () => latest.current.frontMatter + latest.current.body,
      applyText: (text) => {
        const split = splitFrontMatter(text);
        const frontMatter = split.block?.raw ?? '';
        if (frontMatter !== latest.current.frontMatter) setFrontMatter(frontMatter);
        if (split.body !== latest.current.body) setBody(split.body);
        latest.current = { ...latest.current, frontMatter, body: split.body };
      },
    }),
    [editor, setBody, setFrontMatter],
  );
  const photos = usePhotoImport(api, path, access);

  // Until the author puts the caret somewhere in this post, inserts go at its end rather than above everything.
  const caretPlaced = useRef<string | null>(null);
  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      if (event.target !== null && event.target === editor.textarea()) caretPlaced.current = latest.current.path;
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [editor]);

  const [errorPath, setErrorPath] = useState(path);
  if (errorPath !== path) {
    setErrorPath(path);
    setInsertError(null);
  }

  const insert = useCallback(
    async (ids: readonly string[], options: { section?: string; at?: number; keepFocus?: boolean }) => {
      const forPath = latest.current.path;
      if (forPath === null || ids.length === 0) return;
      setInserting(true);
      setInsertError(null);
      try {
        const { text } = await api.insertCollected({
          path: forPath,
          ids: [...ids],
          // The whole post: widgets.js already in it (anywhere) is not added again.
          postText: access.fullText(),
          ...(options.section ? { section: options.section } : {}),
        });
        if (latest.current.path !== forPath || text === '') return;
        const at = options.at ?? (caretPlaced.current === forPath ? undefined : latest.current.body.length);
        insertBlock(access, text, { ...(at === undefined ? {} : { at }), keepFocus: options.keepFocus ?? false });
      } catch (error) {
        if (latest.current.path === forPath) setInsertError(describeError(error).message);
      } finally {
        setInserting(false);
      }
    },
    [api, access],
  );

  const insertCards = useCallback((ids: readonly string[]) => insert(ids, { keepFocus: true }), [insert]);
  const { cards } = collected;
  const insertAll = useCallback(
    () => insert((cards ?? []).map((card) => card.id), { section: INSERT_ALL_SECTION, keepFocus: true }),
    [insert, cards],
  );

  const dropTarget = useMemo<EditorDropTarget>(
    () => ({
      accepts: (types) => types.includes(CARD_DRAG_TYPE),
      drop: (data, point) => {
        const ids = data.getData(CARD_DRAG_TYPE).split(/\s+/).filter(Boolean);
        if (ids.length === 0) return false;
        const area = editor.textarea();
        const at = area ? offsetFromPoint(area, point.x, point.y) : null;
        void insert(ids, at === null ? {} : { at });
        return true;
      },
    }),
    [editor, insert],
  );

  const toggle = useCallback(() => setShown((value) => !value), []);

  return { shown, toggle, externalContent, collected, photos, inserting, insertError, insertCards, insertAll, dropTarget };
}

/**
 * What the Collected panel and the editor share for the open post: its cards,
 * its photos, and inserting either into the body at the caret or where a card
 * is dropped.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { archivableTweets, insertedCards, MAX_TWEETS_PER_ARCHIVE, placeBlocks, type ArchivedPhoto, type TweetFacts } from '../../shared/collect';
import { splitFrontMatter } from '../../shared/document/front-matter-block';
import { findPostPhotos, galleryMarkup } from '../../shared/media/post-photos';
import { useApi } from '../app/api-context';
import { describeError } from '../app/error-message';
import type { EditorDropTarget } from '../authoring/AuthoringEditor';
import type { DocumentState } from '../document/use-document';
import type { EditorHandle } from '../editor/editor-handle';
import { offsetFromPoint } from './drop-offset';
import { insertBlock, insertPlacements, replaceBody } from './insert-block';
import { useCollected, type CollectedState } from './use-collected';
import { useExternalContent } from './use-external-content';
import { usePhotoImport, type PhotoImportState, type PostAccess } from './use-photo-import';

/** The drag payload of a card; text/plain carries its URL for anywhere else it is dropped. */
export const CARD_DRAG_TYPE = 'application/x-recap-card';

export interface CollectTools {
  shown: boolean;
  toggle: () => void;
  externalContent: boolean;
  collected: CollectedState;
  photos: PhotoImportState;
  /** An insert is being prepared (the main process writes the markup). */
  inserting: boolean;
  insertError: string | null;
  /** What the last "Insert all" or "Archive tweets" did, in a sentence. */
  notice: string | null;
  /** Inserts these cards at the caret; focus stays where it is. */
  insertCards: (ids: readonly string[]) => Promise<void>;
  /** Every card not yet in the post, each into its section of the write-up (or at the caret). */
  insertAll: () => Promise<void>;
  /**
   * The post's tweet embeds (or only those of the tweet at `url`) become static quotes, with their photos saved
   * into the post's image folder while external content is on; widgets.js goes once none is left. One undo step.
   */
  archiveTweets: (url?: string) => Promise<void>;
  /** An archive is saving photos or writing the quotes. */
  archiving: boolean;
  /** The post's photos as one gallery in the site's style, at the caret (the single images stay). */
  insertGallery: (options?: { keepFocus?: boolean }) => Promise<void>;
  /** For the editor: cards dragged from the panel. */
  dropTarget: EditorDropTarget;
  /** The open post as the editor holds it, for the Photos panel's edits. */
  path: string | null;
  body: string;
  frontMatter: string;
  access: PostAccess;
}

export function useCollectTools(doc: DocumentState, editor: EditorHandle): CollectTools {
  const api = useApi();
  const { post, setBody, setFrontMatter } = doc;
  const path = post?.path ?? null;
  const externalContent = useExternalContent();
  const collected = useCollected(api, path, externalContent);
  const [shown, setShown] = useState(false);
  const [inserting, setInserting] = useState(false);
  const [insertError, setInsertError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

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
    setNotice(null);
  }

  const insert = useCallback(
    async (ids: readonly string[], options: { intoSections?: boolean; at?: number; keepFocus?: boolean }) => {
      const forPath = latest.current.path;
      if (forPath === null || ids.length === 0) return;
      setInserting(true);
      setInsertError(null);
      setNotice(null);
      try {
        const { text, blocks } = await api.insertCollected({
          path: forPath,
          ids: [...ids],
          // The whole post: widgets.js already in it (anywhere) is not added again.
          postText: access.fullText(),
        });
        if (latest.current.path !== forPath || text === '') return;
        const caret = options.at ?? (caretPlaced.current === forPath ? (editor.textarea()?.selectionStart ?? undefined) : latest.current.body.length);
        if (options.intoSections) {
          const body = latest.current.body;
          insertPlacements(access, placeBlocks(body, blocks, caret ?? body.length));
          setNotice(ids.length === 1 ? 'Inserted 1 card.' : `Inserted ${ids.length} cards.`);
        } else {
          insertBlock(access, text, { ...(caret === undefined ? {} : { at: caret }), keepFocus: options.keepFocus ?? false });
        }
      } catch (error) {
        if (latest.current.path === forPath) setInsertError(describeError(error).message);
      } finally {
        setInserting(false);
      }
    },
    [api, access, editor],
  );

  const insertCards = useCallback((ids: readonly string[]) => insert(ids, { keepFocus: true }), [insert]);
  const { cards } = collected;
  const insertAll = useCallback(async () => {
    // Read now, not from the deferred copy: a second click must see what the first one inserted.
    const present = insertedCards(cards ?? [], latest.current.body);
    const ids = (cards ?? []).filter((card) => !present.has(card.id)).map((card) => card.id);
    if (ids.length === 0) {
      setNotice('Everything collected is already in the post.');
      return;
    }
    await insert(ids, { intoSections: true, keepFocus: true });
  }, [insert, cards]);

  const [archiving, setArchiving] = useState(false);
  // A second Archive (the palette while the button is busy) would save every photo twice.
  const archiveRunning = useRef(false);
  const archiveTweets = useCallback(
    async (url?: string) => {
      const forPath = latest.current.path;
      if (forPath === null || archiveRunning.current) return;
      archiveRunning.current = true;
      setInsertError(null);
      setArchiving(true);
      try {
        // Photos (and Twitter's words for blockquotes without them) only while the site allows external content; the main process checks again. Offline the quotes hold what the blockquotes hold.
        const tweets = externalContent ? archivableTweets(access.fullText(), url) : [];
        let photos: ArchivedPhoto[] = [];
        let facts: TweetFacts[] = [];
        let failed: string | null = null;
        if (tweets.length > 0) {
          setNotice(tweets.length === 1 ? 'Saving the tweet’s photos…' : `Saving the photos of ${tweets.length} tweets…`);
          try {
            for (let at = 0; at < tweets.length; at += MAX_TWEETS_PER_ARCHIVE) {
              const saved = await api.saveTweetPhotos({ path: forPath, tweets: tweets.slice(at, at + MAX_TWEETS_PER_ARCHIVE).map((t) => t.url) });
              photos = [...photos, ...saved.photos.map(({ statusId, src, alt }) => ({ statusId, src, alt }))];
              facts = [...facts, ...saved.tweets];
              failed ??= saved.failed;
            }
          } catch (error) {
            // The photos are extra: the tweets are archived with their text all the same.
            failed = `The tweets’ photos could not be saved (${describeError(error).message.replace(/\.$/, '')}); the tweets are archived with their text.`;
          }
          if (latest.current.path !== forPath) return;
        }
        // The text as it is now: the author may have typed while the photos were saved.
        const before = access.fullText();
        const result = await api.archiveTweets({ path: forPath, postText: before, ...(url === undefined ? {} : { url }), ...(photos.length > 0 ? { photos } : {}), ...(facts.length > 0 ? { tweets: facts } : {}) });
        if (latest.current.path !== forPath) return;
        if (result.text !== access.fullText()) {
          // Quotes live in the body: one edit through the textarea, so one Ctrl+Z takes the archive back.
          const frontMatter = latest.current.frontMatter;
          if ((splitFrontMatter(result.text).block?.raw ?? '') === frontMatter) replaceBody(access, result.text.slice(frontMatter.length));
          else access.applyText(result.text);
        }
        setNotice([archivedSentence(result.archived), photosSentence(photos.length), failed].filter(Boolean).join(' '));
      } catch (error) {
        if (latest.current.path === forPath) {
          setNotice(null);
          setInsertError(describeError(error).message);
        }
      } finally {
        archiveRunning.current = false;
        setArchiving(false);
      }
    },
    [api, access, externalContent],
  );

  const insertGallery = useCallback(
    async (options: { keepFocus?: boolean } = {}) => {
      const forPath = latest.current.path;
      if (forPath === null || findPostPhotos(latest.current.body).length === 0) return;
      // Without the site's style (an error, or not known yet) the plain figures still work on any site.
      const style = await api.getEmbedStyle({}).then((answer) => (typeof answer === 'string' ? null : answer), () => null);
      if (latest.current.path !== forPath) return;
      const markup = galleryMarkup(findPostPhotos(latest.current.body), style?.gallery ?? null, style?.siteKind ?? 'unknown');
      if (markup) insertBlock(access, markup, { keepFocus: options.keepFocus ?? false });
    },
    [api, access],
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

  const body = post?.body ?? '';
  const frontMatter = post?.frontMatter ?? '';
  return { shown, toggle, externalContent, collected, photos, inserting, insertError, notice, insertCards, insertAll, archiveTweets, archiving, insertGallery, dropTarget, path, body, frontMatter, access };
}

function archivedSentence(count: number): string {
  return count === 0 ? 'No tweet embeds to archive.' : count === 1 ? 'Archived 1 tweet: it no longer needs Twitter.' : `Archived ${count} tweets: they no longer need Twitter.`;
}

function photosSentence(count: number): string | null {
  return count === 0 ? null : count === 1 ? 'Saved 1 tweet photo into the post’s image folder.' : `Saved ${count} tweet photos into the post’s image folder.`;
}

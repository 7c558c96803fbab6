/**
 * The one API contract. Every method is declared here once: its name, a zod
 * schema for its input and its result type. Electron IPC, the browser-mode
 * WebSocket and the renderer's client are all generic over this object, so
 * adding a method is one entry here plus one handler in electron/services.
 */
import { z } from 'zod';
import type { FolderListing, MenuCommand, PostDocument, PostList, PostsChange, RecoveredDraft, SaveResult, Session } from './model';
import type { SiteSchema } from './front-matter/schema';
import type { Problem } from './check/types';
import type { ExportPreview, ExportProgress, ExportResult, GitStatus, PushOutcome } from './export';
import type { PreviewSettings } from './preview-settings';
import type { PagePreview } from './page/page-preview';
import type { ShareCardView } from './share/share-card';
import type { EmbedStyle } from './embeds/embed-style';
import { MAX_IMAGE_BASE64_CHARS, type ImportedImage } from './media/images';
import type { AddCollectedResult, CardKind, CollectedCard, EventPostDefaults } from './collect/types';
import type { CardBlock } from './collect/insert-markup';
import { MAX_PHOTOS_PER_TWEET, MAX_TWEETS_PER_ARCHIVE, type SaveTweetPhotosResult } from './collect/tweet-photos';
import { MAX_PHOTOS_PER_CALL, type PhotoResult, type PhotoThumbnail } from './media/photos';
import type { SiteImage } from './media/site-images';
import { branchName, remoteName } from './git-names';
import { utf8Length } from './document/utf8-length';

/** Largest post Recap edits; larger files get a clear refusal instead of a frozen window. */
export const MAX_POST_BYTES = 10 * 1024 * 1024;

const relativePath = z
  .string()
  .min(1, 'A path is required.')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'A path cannot contain NUL characters.');

/** A post's text: the limit counts UTF-8 bytes, as the file will take on disk ('€' is three). */
const postText = z
  .string()
  .max(MAX_POST_BYTES)
  .refine((text) => utf8Length(text) <= MAX_POST_BYTES, `A post can be at most ${MAX_POST_BYTES / 1024 / 1024} MB (as UTF-8).`);

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 hash.');
/** A window's or browser tab's own id for its journal slot. */
const tabId = z.string().regex(/^[0-9a-f]{16,32}$/, 'Expected a tab id.');
const cardId = z.string().regex(/^[0-9a-f]{16}$/, 'Expected a collected card id.');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD.');
/** A saved tweet photo as a quote shows it (src as the post writes it). */
const archivedPhoto = z
  .object({
    statusId: z.string().regex(/^\d{1,25}$/, 'Expected a tweet’s status id.'),
    src: z.string().min(1).max(4096).refine((v) => !/[\r\n\0]/.test(v), 'An image path is one line.'),
    alt: z.string().max(1000),
  })
  .strict();
const oneLine = (max: number) => z.string().max(max).refine((v) => !/[\r\n\0]/.test(v), 'Expected one line.');
/** Twitter's words for a tweet, as saveTweetPhotos read them. */
const tweetFacts = z
  .object({
    statusId: z.string().regex(/^\d{1,25}$/, 'Expected a tweet’s status id.'),
    text: z.string().max(10_000),
    links: z.array(z.object({ text: oneLine(4096), href: z.string().max(4096).regex(/^https:\/\/[^\s"'<>]+$/i, 'Expected an https link.') }).strict()).max(50),
    author: oneLine(300),
    handle: z.string().regex(/^[A-Za-z0-9_]{0,15}$/, 'Expected a Twitter handle.'),
    date: oneLine(100),
  })
  .strict();

function method<I extends z.ZodType>(input: I) {
  return {
    returns<O>() {
      return { input, output: undefined as unknown as O };
    },
  };
}

export const contract = {
  getSession: method(z.object({}).strict()).returns<Session>(),
  /** Without a path Electron asks with a native chooser; a path must be one the user opened before. */
  openFolder: method(z.object({ path: z.string().min(1).max(4096).optional() }).strict()).returns<Session>(),
  /**
   * Browser mode's start screen only (no folder open yet): the sub-folders of a typed path, for completion.
   * A deliberate exception to folder confinement: folder names only, never files or contents.
   */
  listFolders: method(z.object({ path: z.string().min(1).max(4096) }).strict()).returns<FolderListing>(),
  /** "Try the sample site": copies the project's sample blog into the state folder (once) and opens the copy. */
  openSampleSite: method(z.object({}).strict()).returns<Session>(),
  /**
   * The site's posts. With `first`, only the first `first` of them in the order the app lists them
   * (shared/posts/post-order.ts) and `total`, the count of all: a big site's first screen, before the rest is asked for.
   */
  listPosts: method(z.object({ first: z.number().int().min(1).max(100_000).optional() }).strict()).returns<PostList>(),
  readPost: method(z.object({ path: relativePath }).strict()).returns<PostDocument>(),
  savePost: method(
    z
      .object({
        path: relativePath,
        text: postText,
        baseHash: sha256,
        /**
         * The post was deleted on disk and the author chose "Save again": create
         * it anew. Applies only while the file is missing; an existing file is
         * still checked against baseHash, so nothing newer is overwritten.
         */
        recreate: z.boolean().optional(),
        /** The author confirmed replacing a file whose permissions make it read-only (its mode and owner are kept). */
        replaceReadOnly: z.boolean().optional(),
        /** The window or tab saving: only its own journal slot is forgotten. */
        tab: tabId.optional(),
      })
      .strict(),
  ).returns<SaveResult>(),
  /** Journals unsaved editor text in the per-user state folder (never in the site), so a crash loses nothing. */
  journalDraft: method(
    z
      .object({
        path: relativePath,
        text: postText,
        baseHash: sha256,
        /** The window or tab journaling: each keeps its own slot, so two tabs on one post never overwrite each other's draft. */
        tab: tabId.optional(),
      })
      .strict(),
  ).returns<null>(),
  /** Forgets a post's journaled text (its edits were discarded). Saving a post forgets it too. */
  discardDraft: method(z.object({ path: relativePath, tab: tabId.optional() }).strict()).returns<null>(),
  /** Journaled drafts of the opened site that differ from the file on disk; identical ones are dropped. */
  listDrafts: method(z.object({}).strict()).returns<RecoveredDraft[]>(),
  /** Opens an http(s) or mailto link in the system browser after validation. */
  openLink: method(z.object({ url: z.string().min(1).max(8192) }).strict()).returns<{ opened: boolean }>(),
  /** The opened site's preview settings (per user, per site; "Load external content" is off until chosen). */
  getPreviewSettings: method(z.object({}).strict()).returns<PreviewSettings>(),
  /** Remembers the opened site's preview settings in the per-user state folder, never in the site. */
  setPreviewSettings: method(z.object({ externalContent: z.boolean() }).strict()).returns<PreviewSettings>(),
  /** Tells the shell what the window shows, as fields (formatted once, by shared/window-title.ts), for its title and the close prompt. */
  setDocumentState: method(
    z
      .object({
        title: z.string().max(512).nullable(),
        site: z.string().max(512).nullable(),
        dirty: z.boolean(),
        // The language the open post is written in (its `lang`, else the site's): the desktop spell checker follows it.
        language: z.string().max(35).regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/).nullable().optional(),
      })
      .strict(),
  ).returns<null>(),
  /** The site's front-matter fields: types, labels, required flags, choices and suggestions, in template order. */
  getSchema: method(z.object({}).strict()).returns<SiteSchema>(),
  /** The pre-publish check of a post's text as the editor holds it (saved or not), for the Problems panel. */
  checkPost: method(z.object({ path: relativePath, text: postText }).strict()).returns<Problem[]>(),
  /** How the site writes embeds (iframe HTML, bare URL, shortcode), learned from its posts; for pasting a URL as an embed. */
  getEmbedStyle: method(z.object({}).strict()).returns<EmbedStyle>(),
  /**
   * Copies an image (pasted or dropped) into the site's image folder for the
   * post, never overwriting, and answers the path the post should write.
   */
  importImage: method(
    z
      .object({
        postPath: relativePath,
        fileName: z.string().trim().min(1, 'A file name is required.').max(255),
        dataBase64: z
          .string()
          .min(1, 'The image is empty.')
          .max(MAX_IMAGE_BASE64_CHARS, 'The image is larger than 15 MB.')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Expected base64 data.'),
      })
      .strict(),
  ).returns<ImportedImage>(),
  /** Creates a post by the site's conventions (never overwriting) and returns its site-relative path. */
  createPost: method(
    z
      .object({
        title: z.string().trim().min(1, 'A title is required.').max(500),
        date: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD.')
          .optional(),
        draft: z.boolean(),
      })
      .strict(),
  ).returns<{ path: string }>(),
  /** The export repository's branch and problems, and each post's git state (new, modified, committed). */
  gitStatus: method(z.object({}).strict()).returns<GitStatus>(),
  /** What exporting a post would commit: its files with diffs, the prefilled message, branches and remotes. */
  exportPreview: method(z.object({ path: relativePath }).strict()).returns<ExportPreview>(),
  /**
   * Commits only the chosen files (the post and its images) on the current or a
   * new branch, without touching other work; pushes when asked. A failed push
   * still resolves: see `push.ok`. Progress arrives as `exportProgress` events.
   */
  exportPost: method(
    z
      .object({
        path: relativePath,
        files: z.array(relativePath).min(1).max(1000),
        message: z.string().trim().min(1, 'A commit message is required.').max(65536),
        branch: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('current') }).strict(),
          z.object({ kind: z.literal('new'), name: branchName }).strict(),
        ]),
        push: z.object({ remote: remoteName }).strict().optional(),
        /** "Export anyway" past errors of the pre-publish check. */
        force: z.boolean().optional(),
        /** The author confirmed pushing to a branch the site publishes from (main, gh-pages, the remote's default). */
        confirmPublish: z.boolean().optional(),
      })
      .strict(),
  ).returns<ExportResult>(),
  /** Pushes a branch of the export repository again (e.g. after `pullRebase`). */
  pushBranch: method(z.object({ remote: remoteName, branch: branchName }).strict()).returns<PushOutcome>(),
  /** After a rejected push: replays the local commits on the remote branch (never stashes); returns the new tip. */
  pullRebase: method(z.object({ remote: remoteName, branch: branchName }).strict()).returns<{ commit: string }>(),
  /** The links collected for a post (per-user state folder, never in the site), in the author's order. */
  listCollected: method(z.object({ path: relativePath }).strict()).returns<CollectedCard[]>(),
  /** Adds the links in pasted text (one or many, whitespace separated; ones already collected are skipped). Offline: no request leaves. */
  addCollected: method(z.object({ path: relativePath, text: z.string().min(1).max(256 * 1024) }).strict()).returns<AddCollectedResult>(),
  removeCollected: method(z.object({ path: relativePath, id: cardId }).strict()).returns<CollectedCard[]>(),
  /** Puts the named cards first, in this order (the panel's drag and drop); the rest follow. */
  reorderCollected: method(z.object({ path: relativePath, ids: z.array(cardId).max(1000) }).strict()).returns<CollectedCard[]>(),
  /**
   * Loads titles, thumbnails and tweet text from the providers, in the main
   * process, only while the site's "Load external content" is on; cached
   * details are used either way. Failures stay on their card (`error`).
   */
  loadCollectedDetails: method(z.object({ path: relativePath, ids: z.array(cardId).max(1000).optional() }).strict()).returns<CollectedCard[]>(),
  /**
   * The markup that inserts these cards (in this order) in the site's embed
   * style; widgets.js only once per post (none when `postText` has it).
   * `blocks` holds each card's markup and kind, so "Insert all" can file
   * cards into the write-up's own sections; never a new heading.
   */
  insertCollected: method(
    z
      .object({
        path: relativePath,
        ids: z.array(cardId).min(1).max(1000),
        postText: postText,
      })
      .strict(),
  ).returns<{ text: string; blocks: (CardBlock & { kind: CardKind })[] }>(),
  /**
   * "Archive tweets": the post's text with every tweet blockquote as a static
   * quote (the site's `.recap.json` `tweets.archiveMarkup`, else Markdown) and
   * no widgets.js. With `url`, only that tweet (the preview's "Archive tweet").
   * Nothing is written; the editor applies the text.
   */
  archiveTweets: method(
    z
      .object({
        path: relativePath,
        postText: postText,
        url: z.string().min(1).max(8192).optional(),
        /** What saveTweetPhotos saved: each tweet's quote shows its photos. */
        photos: z.array(archivedPhoto).max(MAX_TWEETS_PER_ARCHIVE * MAX_PHOTOS_PER_TWEET).optional(),
        /** What saveTweetPhotos read about each tweet: a quote whose blockquote has no text takes Twitter's. */
        tweets: z.array(tweetFacts).max(MAX_TWEETS_PER_ARCHIVE).optional(),
      })
      .strict(),
  ).returns<{ text: string; archived: number }>(),
  /**
   * "Archive tweets" while the site's "Load external content" is on: each
   * tweet's photos (Twitter's syndication API, then pbs.twimg.com) saved into
   * the post's image folder through the photo pipeline (no EXIF/GPS, the
   * site's width, format and size budget) as `<handle>-<status id>-1.jpg`,
   * never overwriting, and each tweet's words (`tweets`, for quotes whose
   * blockquote has none). Off: nothing is asked, `fetched` is false. A
   * failure is named in `failed` and costs only those photos.
   */
  saveTweetPhotos: method(z.object({ path: relativePath, tweets: z.array(z.string().min(1).max(8192)).min(1).max(MAX_TWEETS_PER_ARCHIVE) }).strict()).returns<SaveTweetPhotosResult>(),
  /** For the New post dialog's "Event write-up": the suggested title, categories and sections. */
  eventPostDefaults: method(z.object({ eventName: z.string().max(300), city: z.string().max(300) }).strict()).returns<EventPostDefaults>(),
  /** Creates an event write-up by the site's conventions (categories of its event posts, a skeleton of sections). */
  createEventPost: method(
    z
      .object({
        eventName: z.string().trim().min(1, 'The event’s name is required.').max(300),
        city: z.string().trim().max(300),
        startDate: isoDate,
        endDate: isoDate.optional(),
        /** The post's own date; today when missing. */
        date: isoDate.optional(),
        draft: z.boolean(),
        /** The title as the author edited it; the suggestion when missing. */
        title: z.string().trim().min(1).max(500).optional(),
      })
      .strict(),
  ).returns<{ path: string }>(),
  /**
   * Adds photos to a post: each upright, at most the site's width (1600 px by
   * default), without EXIF/GPS, named after the post (`slug-1.jpg`…), never
   * overwriting. A refused photo has `error`; the others are still added.
   */
  importPhotos: method(
    z
      .object({
        postPath: relativePath,
        files: z
          .array(
            z
              .object({
                name: z.string().trim().min(1).max(255),
                dataBase64: z
                  .string()
                  .min(1, 'The photo is empty.')
                  .max(MAX_IMAGE_BASE64_CHARS, 'The photo is larger than 15 MB.')
                  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Expected base64 data.'),
              })
              .strict(),
          )
          .min(1)
          .max(MAX_PHOTOS_PER_CALL),
      })
      .strict(),
  ).returns<PhotoResult[]>(),
  /**
   * Sets the post's cover (the site's image field, `image` by default) as a
   * one-line edit. With `text` (the editor's unsaved text) nothing is written
   * and the edited text is returned; without it the file is edited on disk.
   */
  setCover: method(
    z
      .object({
        path: relativePath,
        image: z.string().trim().min(1).max(4096).refine((v) => !/[\r\n]/.test(v) && !v.includes('\0'), 'An image path is one line.'),
        text: postText.optional(),
      })
      .strict(),
  ).returns<{ text: string; field: string }>(),
  /**
   * Thumbnails of the post's photos for the Photos panel (by their Markdown
   * src): made once with sharp, kept in the per-user state folder, read only
   * from image files inside the site; `thumbnail` is a data: URL or null.
   */
  photoThumbnails: method(z.object({ path: relativePath, images: z.array(z.string().min(1).max(4096)).max(200) }).strict()).returns<PhotoThumbnail[]>(),
  /** The site's image files for the image field's picker (paths only, images only, inside the site): the post's own first, at most 2,000. */
  siteImages: method(z.object({ path: relativePath }).strict()).returns<SiteImage[]>(),
  /** The file "Create" would make now for this title, date and draft choice, without making anything (the New post dialog shows it). */
  planPost: method(
    z
      .object({
        title: z.string().trim().min(1, 'A title is required.').max(500),
        date: isoDate.optional(),
        draft: z.boolean(),
      })
      .strict(),
  ).returns<{ path: string }>(),
  /**
   * The post as the Page view shows it: through the site's own layouts (Jekyll)
   * or with its header in the site's stylesheet (Hugo, Zola, Astro), rendered
   * off the typing path and made safe; the sandboxed frame loads `page/<pageId>`.
   */
  renderPage: method(z.object({ path: relativePath, text: postText }).strict()).returns<PagePreview>(),
  /** How a link to the post looks when shared (title, description, image, URL, site name, card), as the site's SEO tags resolve it. */
  shareCard: method(z.object({ path: relativePath, text: postText }).strict()).returns<ShareCardView>(),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

/** What the renderer holds: every method, typed, returning a promise. */
export type RecapApi = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> };

/** What a door binds: handlers receive input already validated by the contract. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

/** Pushed from the main process (or server) to the window. */
export interface Events {
  menu: MenuCommand;
  session: Session;
  /** While exporting: committing, pushing, pulling (git's progress lines). */
  exportProgress: ExportProgress;
  /** Files of the opened site changed on disk; the post list and an open post should look again. */
  postsChanged: PostsChange;
}
export type EventName = keyof Events;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

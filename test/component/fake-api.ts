/**
 * An in-memory RecapBridge for component tests: posts live in a Map, saves
 * check the base hash like the real service, and every call is recorded so a
 * test can assert what the app asked for.
 */
import { contract, type EventName, type Events, type MethodInput, type MethodName, type MethodOutput } from '../../shared/api';
import type { RecapBridge } from '../../shared/bridge';
import { archiveTweets, collectedBlocks, DEFAULT_EVENT_SECTIONS, eventSkeleton, readPastedLinks, suggestEventTitle, type CollectedCard } from '../../shared/collect';
import { RecapError } from '../../shared/errors';
import { postSlug } from '../../shared/media/images';
import { siteImageChoices } from '../../shared/media/site-images';
import type { ExportPreview, GitStatus, PushOutcome } from '../../shared/export';
import type { FrontMatterInfo, PostDocument, PostSummary, RecoveredDraft, Session } from '../../shared/model';
import { firstPosts } from '../../shared/posts/post-order';
import { readFrontMatter } from '../../electron/services/front-matter/read-front-matter';

export interface FakePost {
  path: string;
  title: string;
  date: string | null;
  draft?: boolean;
  tags?: string[];
  text: string;
  readOnly?: boolean;
  /** Why it is read-only; 'encoding' (not UTF-8) unless told. 'permissions' posts save only with replaceReadOnly, as on disk. */
  readOnlyReason?: 'permissions' | 'encoding';
  warnings?: string[];
  frontMatterError?: FrontMatterInfo['error'];
}

export interface FakeOptions {
  session?: Partial<Session>;
  posts?: FakePost[];
}

export interface Call {
  method: MethodName;
  input: unknown;
}

/** A stand-in for SHA-256: 64 hex digits that change whenever the text does. */
export function fakeHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 16777619) >>> 0;
    h2 = Math.imul(h2 + text.charCodeAt(i), 2246822519) >>> 0;
  }
  return (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).repeat(4);
}

export class FakeApi implements RecapBridge {
  readonly calls: Call[] = [];
  readonly files = new Map<string, string>();
  session: Session;
  posts: FakePost[];
  /** The next savePost rejects with this error. */
  nextSaveError: RecapError | null = null;
  /** Journaled drafts by path, as the main process keeps them. */
  readonly journal = new Map<string, { text: string; baseHash: string }>();
  /** Drafts listDrafts offers, as left by a crash. */
  recoveredDrafts: RecoveredDraft[] = [];
  /** What openLink answers: Electron opens, browser mode cannot. */
  externalOpens = true;
  private listeners = new Map<EventName, Set<(payload: never) => void>>();

  constructor(options: FakeOptions = {}) {
    this.posts = options.posts ?? [];
    for (const post of this.posts) this.files.set(post.path, post.text);
    this.session = {
      mode: 'electron',
      site: { root: '/home/ada/blog', name: 'blog', kind: 'jekyll' },
      recent: ['/home/ada/blog'],
      canChooseFolder: true,
      ...options.session,
    };
  }

  callsOf<M extends MethodName>(method: M): MethodInput<M>[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.input as MethodInput<M>);
  }

  /** Pushes an event as the main process would. */
  emit<E extends EventName>(event: E, payload: Events[E]): void {
    // The main process changes its state before it tells the window.
    if (event === 'session') this.session = payload as Session;
    for (const listener of this.listeners.get(event) ?? []) (listener as (value: Events[E]) => void)(payload);
  }

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const stored = listener as (payload: never) => void;
    set.add(stored);
    return () => set.delete(stored);
  }

  private record<M extends MethodName>(method: M, input: MethodInput<M>): void {
    this.calls.push({ method, input });
  }

  async getSession(input: MethodInput<'getSession'>): Promise<MethodOutput<'getSession'>> {
    this.record('getSession', input);
    return this.session;
  }

  async openFolder(input: MethodInput<'openFolder'>): Promise<MethodOutput<'openFolder'>> {
    this.record('openFolder', input);
    if (!this.session.canChooseFolder && input.path === undefined) {
      throw new RecapError('refused', 'Browser mode serves one folder. To edit another, run `recap serve <folder>`.');
    }
    const root = input.path ?? '/home/ada/chosen';
    this.session = { ...this.session, site: { root, name: root.split('/').pop() ?? root, kind: 'jekyll' } };
    return this.session;
  }

  /** Sub-folders the fake's file system has, by parent (the start screen's completion). */
  folders: Record<string, string[]> = {};

  async listFolders(input: MethodInput<'listFolders'>): Promise<MethodOutput<'listFolders'>> {
    this.record('listFolders', input);
    if (!this.session.canTypeFolder || this.session.site) throw new RecapError('refused', 'Folders can be listed only on the start screen of browser mode, before a folder is open.');
    const typed = contract.listFolders.input.parse(input).path;
    const folder = typed.endsWith('/') ? typed.replace(/\/+$/, '') || '/' : typed.slice(0, typed.lastIndexOf('/')) || '/';
    const prefix = typed.endsWith('/') ? '' : typed.slice(typed.lastIndexOf('/') + 1);
    return { folder, folders: (this.folders[folder] ?? []).filter((name) => name.startsWith(prefix)) };
  }

  async openSampleSite(input: MethodInput<'openSampleSite'>): Promise<MethodOutput<'openSampleSite'>> {
    this.record('openSampleSite', input);
    if (!this.session.canOpenSample) throw new RecapError('refused', 'The sample site is not available here; open a folder of your own.');
    const root = '/home/ada/.local/state/recap/sample-site';
    this.session = { ...this.session, site: { root, name: 'sample-site', kind: 'jekyll' } };
    return this.session;
  }

  async listPosts(input: MethodInput<'listPosts'>): Promise<MethodOutput<'listPosts'>> {
    this.record('listPosts', input);
    if (!this.session.site) throw new RecapError('no-site', 'No folder is open. Open your site folder first.');
    const posts: PostSummary[] = this.posts.map((post) => ({
      path: post.path,
      title: post.title,
      date: post.date,
      draft: post.draft ?? false,
      tags: post.tags ?? [],
      categories: [],
      words: post.text.split(/\s+/).length,
    }));
    // As the main process does: `first` asks for a screenful in the list's order, and how many there are in all.
    if (input.first !== undefined) return { site: this.session.site, posts: firstPosts(posts, input.first), total: posts.length };
    return { site: this.session.site, posts };
  }

  async readPost(input: MethodInput<'readPost'>): Promise<MethodOutput<'readPost'>> {
    this.record('readPost', input);
    const text = this.files.get(input.path);
    const post = this.posts.find((p) => p.path === input.path);
    if (text === undefined || !post) throw new RecapError('not-found', `${input.path} does not exist.`);
    const doc: PostDocument = {
      path: input.path,
      text,
      hash: fakeHash(text),
      encoding: { bom: false, lineEnding: 'lf', utf8: !post.readOnly || post.readOnlyReason === 'permissions' },
      readOnly: post.readOnly ?? false,
      readOnlyReason: post.readOnly ? (post.readOnlyReason ?? 'encoding') : null,
      warnings: post.warnings ?? [],
      frontMatter: frontMatterOf(text, post.frontMatterError),
    };
    return doc;
  }

  async savePost(input: MethodInput<'savePost'>): Promise<MethodOutput<'savePost'>> {
    this.record('savePost', input);
    if (this.nextSaveError) {
      const error = this.nextSaveError;
      this.nextSaveError = null;
      throw error;
    }
    const current = this.files.get(input.path);
    if (current === undefined && input.recreate) {
      this.files.set(input.path, input.text);
      this.journal.delete(input.path);
      return { hash: fakeHash(input.text), savedAt: new Date(0).toISOString() };
    }
    if (current === undefined) throw new RecapError('not-found', `${input.path} does not exist.`);
    if (fakeHash(current) !== input.baseHash) {
      throw new RecapError('conflict', 'The file changed on disk since you opened it.');
    }
    const post = this.posts.find((p) => p.path === input.path);
    if (post?.readOnly && post.readOnlyReason !== 'permissions') throw new RecapError('not-utf8', `${input.path} is not UTF-8; Recap will not re-encode it.`);
    if (post?.readOnly && !input.replaceReadOnly) throw new RecapError('refused', `${input.path} is read-only (its permissions do not let you change it).`);
    this.files.set(input.path, input.text);
    this.journal.delete(input.path);
    return { hash: fakeHash(input.text), savedAt: new Date(0).toISOString() };
  }

  /** Set to make journal writes fail as a full state disk would. */
  journalError: RecapError | null = null;

  async journalDraft(input: MethodInput<'journalDraft'>): Promise<MethodOutput<'journalDraft'>> {
    this.record('journalDraft', input);
    if (this.journalError) throw this.journalError;
    this.journal.set(input.path, { text: input.text, baseHash: input.baseHash });
    return null;
  }

  async discardDraft(input: MethodInput<'discardDraft'>): Promise<MethodOutput<'discardDraft'>> {
    this.record('discardDraft', input);
    this.journal.delete(input.path);
    this.recoveredDrafts = this.recoveredDrafts.filter((draft) => draft.path !== input.path);
    return null;
  }

  async listDrafts(input: MethodInput<'listDrafts'>): Promise<MethodOutput<'listDrafts'>> {
    this.record('listDrafts', input);
    return this.recoveredDrafts;
  }

  /** What readPost would answer now, for building recovered drafts in tests. */
  documentOf(path: string): PostDocument | null {
    const text = this.files.get(path);
    if (text === undefined) return null;
    return {
      path,
      text,
      hash: fakeHash(text),
      encoding: { bom: false, lineEnding: 'lf', utf8: true },
      readOnly: false,
      readOnlyReason: null,
      warnings: [],
      frontMatter: frontMatterOf(text),
    };
  }

  /** The site's preview settings as the state folder holds them; a test may start with external content on. */
  previewSettings: MethodOutput<'getPreviewSettings'> = { externalContent: false };
  async getPreviewSettings(input: MethodInput<'getPreviewSettings'>): Promise<MethodOutput<'getPreviewSettings'>> {
    this.record('getPreviewSettings', input);
    return { ...this.previewSettings };
  }

  async setPreviewSettings(input: MethodInput<'setPreviewSettings'>): Promise<MethodOutput<'setPreviewSettings'>> {
    this.record('setPreviewSettings', input);
    this.previewSettings = { externalContent: input.externalContent };
    return { ...this.previewSettings };
  }

  async openLink(input: MethodInput<'openLink'>): Promise<MethodOutput<'openLink'>> {
    this.record('openLink', input);
    return { opened: this.externalOpens };
  }

  async setDocumentState(input: MethodInput<'setDocumentState'>): Promise<MethodOutput<'setDocumentState'>> {
    this.record('setDocumentState', input);
    return null;
  }

  /** The site schema getSchema answers (tests of the form set it). */
  schema: MethodOutput<'getSchema'> = { fields: [] };
  async getSchema(input: MethodInput<'getSchema'>): Promise<MethodOutput<'getSchema'>> {
    this.record('getSchema', input);
    return this.schema;
  }

  /** What checkPost answers (tests of the Problems panel set it). */
  problems: MethodOutput<'checkPost'> = [];
  async checkPost(input: MethodInput<'checkPost'>): Promise<MethodOutput<'checkPost'>> {
    this.record('checkPost', input);
    return this.problems;
  }

  /** How the fake site writes embeds (authoring tests set it). */
  embedStyle: MethodOutput<'getEmbedStyle'> = 'html';
  async getEmbedStyle(input: MethodInput<'getEmbedStyle'>): Promise<MethodOutput<'getEmbedStyle'>> {
    this.record('getEmbedStyle', input);
    return this.embedStyle;
  }

  /** Imported images by site path, as the media service would write them (base64). */
  readonly images = new Map<string, string>();
  async importImage(input: MethodInput<'importImage'>): Promise<MethodOutput<'importImage'>> {
    this.record('importImage', input);
    const slug = (input.postPath.split('/').pop() ?? '').replace(/\.[^.]+$/, '').replace(/^\d{4}-\d{2}-\d{2}-/, '');
    const name = input.fileName.toLowerCase().replace(/[^a-z0-9.]+/g, '-');
    const sitePath = `images/${slug}/${name}`;
    this.images.set(sitePath, input.dataBase64);
    return { sitePath, markdownPath: `/${sitePath}` };
  }

  /** Collected cards by post path (the "Collected" panel), kept as the main process would; details never load here. */
  readonly collected = new Map<string, CollectedCard[]>();
  async listCollected(input: MethodInput<'listCollected'>): Promise<MethodOutput<'listCollected'>> {
    this.record('listCollected', input);
    return this.collected.get(input.path) ?? [];
  }
  async addCollected(input: MethodInput<'addCollected'>): Promise<MethodOutput<'addCollected'>> {
    this.record('addCollected', input);
    const cards = this.collected.get(input.path) ?? [];
    const { links, ignored } = readPastedLinks(input.text);
    const fresh = links.filter((l) => !cards.some((c) => c.id === fakeCardId(l.key))).map((l) => ({ id: fakeCardId(l.key), url: l.url, kind: l.kind, facts: l.facts, addedAt: '2024-01-01T00:00:00.000Z' }));
    this.collected.set(input.path, [...cards, ...fresh]);
    return { cards: this.collected.get(input.path)!, added: fresh.map((c) => c.id), ignored };
  }
  async removeCollected(input: MethodInput<'removeCollected'>): Promise<MethodOutput<'removeCollected'>> {
    this.record('removeCollected', input);
    this.collected.set(input.path, (this.collected.get(input.path) ?? []).filter((c) => c.id !== input.id));
    return this.collected.get(input.path)!;
  }
  async reorderCollected(input: MethodInput<'reorderCollected'>): Promise<MethodOutput<'reorderCollected'>> {
    this.record('reorderCollected', input);
    const cards = this.collected.get(input.path) ?? [];
    const named = input.ids.flatMap((id) => cards.filter((c) => c.id === id));
    this.collected.set(input.path, [...named, ...cards.filter((c) => !named.includes(c))]);
    return this.collected.get(input.path)!;
  }
  /** What the providers would say about a card, asked only while external content is on (tests of details set it). */
  collectedDetails: ((card: CollectedCard) => Pick<CollectedCard, 'details' | 'error'>) | null = null;
  async loadCollectedDetails(input: MethodInput<'loadCollectedDetails'>): Promise<MethodOutput<'loadCollectedDetails'>> {
    this.record('loadCollectedDetails', input);
    const cards = this.collected.get(input.path) ?? [];
    const describe = this.collectedDetails;
    if (!describe || !this.previewSettings.externalContent) return cards;
    const next = cards.map((card) => (!input.ids || input.ids.includes(card.id) ? { ...card, ...describe(card) } : card));
    this.collected.set(input.path, next);
    return next;
  }
  async insertCollected(input: MethodInput<'insertCollected'>): Promise<MethodOutput<'insertCollected'>> {
    this.record('insertCollected', input);
    const cards = this.collected.get(input.path) ?? [];
    const chosen = input.ids.flatMap((id) => cards.filter((c) => c.id === id));
    const blocks = collectedBlocks(chosen, { style: this.embedStyle, postText: input.postText }).map((block, index) => ({ ...block, kind: chosen[index]!.kind }));
    return { text: blocks.map((b) => b.text).join('\n\n'), blocks };
  }
  /** The site's `.recap.json` `tweets.archiveMarkup` (tests of archiving set it). */
  archiveMarkup: string | undefined = undefined;
  async archiveTweets(input: MethodInput<'archiveTweets'>): Promise<MethodOutput<'archiveTweets'>> {
    this.record('archiveTweets', input);
    return archiveTweets(input.postText, this.archiveMarkup, input.url, { ...(input.photos ? { photos: input.photos } : {}), ...(input.tweets ? { tweets: input.tweets } : {}) });
  }
  /** What saveTweetPhotos answers while external content is on (tests of tweet photos set it). */
  tweetPhotos: MethodOutput<'saveTweetPhotos'> = { photos: [], tweets: [], fetched: true, failed: null };
  async saveTweetPhotos(input: MethodInput<'saveTweetPhotos'>): Promise<MethodOutput<'saveTweetPhotos'>> {
    this.record('saveTweetPhotos', input);
    return this.previewSettings.externalContent ? this.tweetPhotos : { photos: [], tweets: [], fetched: false, failed: null };
  }
  /** The categories the fake site's event posts share. */
  eventCategories: string[] = ['events'];
  async eventPostDefaults(input: MethodInput<'eventPostDefaults'>): Promise<MethodOutput<'eventPostDefaults'>> {
    this.record('eventPostDefaults', input);
    return { title: suggestEventTitle(input.eventName, input.city), categoryKey: 'categories', categories: [...this.eventCategories], sections: [...DEFAULT_EVENT_SECTIONS] };
  }
  async createEventPost(input: MethodInput<'createEventPost'>): Promise<MethodOutput<'createEventPost'>> {
    this.record('createEventPost', input);
    const title = input.title ?? suggestEventTitle(input.eventName, input.city);
    const created = await this.createPost({ title, draft: input.draft, ...(input.date ? { date: input.date } : {}) });
    const head = (this.files.get(created.path) ?? '---\n---\n').replace(/\n---\n$/, `\ncategories: [${this.eventCategories.join(', ')}]\n---\n`);
    const text = `${head}\n${eventSkeleton(DEFAULT_EVENT_SECTIONS)}`;
    this.files.set(created.path, text);
    const post = this.posts.find((p) => p.path === created.path);
    if (post) post.text = text;
    return created;
  }
  /** Photos importPhotos refuses, by file name, with the reason it gives. */
  readonly photoErrors = new Map<string, string>();
  async importPhotos(input: MethodInput<'importPhotos'>): Promise<MethodOutput<'importPhotos'>> {
    this.record('importPhotos', input);
    const slug = (input.postPath.split('/').pop() ?? '').replace(/\.[^.]+$/, '').replace(/^\d{4}-\d{2}-\d{2}-/, '');
    return input.files.map((file) => {
      const refusal = this.photoErrors.get(file.name);
      if (refusal) return { name: file.name, error: refusal };
      // Numbered across calls, as the service numbers by the files already there.
      let n = 1;
      while (this.images.has(`images/${slug}/${slug}-${n}.jpg`)) n++;
      const sitePath = `images/${slug}/${slug}-${n}.jpg`;
      this.images.set(sitePath, file.dataBase64);
      return { name: file.name, sitePath, markdownPath: `/${sitePath}`, markdown: `![](/${sitePath})`, width: 1600, height: 1067 };
    });
  }
  /** Thumbnails by Markdown src (tests of the Photos panel set them); others are missing images. */
  thumbnails = new Map<string, string>();
  async photoThumbnails(input: MethodInput<'photoThumbnails'>): Promise<MethodOutput<'photoThumbnails'>> {
    contract.photoThumbnails.input.parse(input); // validates like the real door
    this.record('photoThumbnails', input);
    return input.images.map((src) => ({ src, sitePath: this.thumbnails.has(src) ? src.replace(/^\//, '') : null, thumbnail: this.thumbnails.get(src) ?? null }));
  }
  /** The site's files the image picker lists from (a test sets them); ordered and filtered as the real service does, Jekyll-style. */
  siteFiles: string[] = [];
  async siteImages(input: MethodInput<'siteImages'>): Promise<MethodOutput<'siteImages'>> {
    const { path } = contract.siteImages.input.parse(input); // validates like the real door
    this.record('siteImages', input);
    return siteImageChoices(this.siteFiles, { postPath: path, imageDir: `images/${postSlug(path)}`, isBundle: false, staticDirs: [] });
  }
  async setCover(input: MethodInput<'setCover'>): Promise<MethodOutput<'setCover'>> {
    this.record('setCover', input);
    const text = input.text ?? this.files.get(input.path) ?? '';
    return { text: text.replace(/^---\n/, `---\nimage: ${input.image}\n`), field: 'image' };
  }

  /** What renderPage answers; a test sets a page to see the Page tab (Text stays the default otherwise, as for a site without layouts). */
  pagePreview: MethodOutput<'renderPage'> = { status: 'unavailable', reason: 'This site has no layouts Recap can render; the Text view is shown.' };
  async renderPage(input: MethodInput<'renderPage'>): Promise<MethodOutput<'renderPage'>> {
    contract.renderPage.input.parse(input); // validates like the real door
    this.record('renderPage', input);
    return this.pagePreview;
  }
  /** What shareCard answers: by default the post's title and description from its front matter. */
  shareView: MethodOutput<'shareCard'> | null = null;
  async shareCard(input: MethodInput<'shareCard'>): Promise<MethodOutput<'shareCard'>> {
    contract.shareCard.input.parse(input);
    this.record('shareCard', input);
    if (this.shareView) return this.shareView;
    const field = (key: string) => new RegExp(`^${key}:\\s*"?(.+?)"?\\s*$`, 'm').exec(input.text.split(/^---\s*$/m)[1] ?? '')?.[1] ?? null;
    return { card: { title: field('title'), description: field('description'), image: null, url: null, siteName: this.session.site?.name ?? null, card: 'summary' }, imagePath: null, imageSize: null, site: null };
  }

  async planPost(input: MethodInput<'planPost'>): Promise<MethodOutput<'planPost'>> {
    const parsed = contract.planPost.input.parse(input); // validates like the real door
    this.record('planPost', input);
    return { path: fakePostPath(parsed) };
  }
  async createPost(input: MethodInput<'createPost'>): Promise<MethodOutput<'createPost'>> {
    this.record('createPost', input);
    const path = fakePostPath(input);
    const text = `---\ntitle: ${JSON.stringify(input.title)}\n---\n`;
    this.posts.push({ path, title: input.title, date: input.date ?? null, draft: input.draft, text });
    this.files.set(path, text);
    return { path };
  }

  /** What gitStatus answers; by default the site is not a repository. */
  git: GitStatus = { repo: false, branch: null, problems: [], posts: {} };
  async gitStatus(input: MethodInput<'gitStatus'>): Promise<MethodOutput<'gitStatus'>> {
    this.record('gitStatus', input);
    return this.git;
  }

  /** What exportPreview answers, or the error it rejects with; null refuses as for a folder outside git. */
  exportPreviewResult: ExportPreview | RecapError | null = null;
  async exportPreview(input: MethodInput<'exportPreview'>): Promise<MethodOutput<'exportPreview'>> {
    this.record('exportPreview', input);
    const result = this.exportPreviewResult;
    if (result === null) throw new RecapError('refused', 'This folder is not a git repository.');
    if (result instanceof RecapError) throw result;
    return result;
  }

  /** exportPost rejects with this (a refusal: hook, identity, check errors). */
  exportError: RecapError | null = null;
  /** While set, exportPost waits for it: lets a test see the dialog mid-push and emit `exportProgress`. */
  exportGate: Promise<void> | null = null;
  /** Outcomes of the next pushes (exportPost with push, then pushBranch), in order; when empty, pushes succeed. */
  pushOutcomes: PushOutcome[] = [];
  async exportPost(input: MethodInput<'exportPost'>): Promise<MethodOutput<'exportPost'>> {
    this.record('exportPost', input);
    if (this.exportGate) await this.exportGate;
    if (this.exportError) throw this.exportError;
    const branch = input.branch.kind === 'new' ? input.branch.name : (this.git.branch ?? 'main');
    return { commit: 'c0ffee'.padEnd(40, '0'), branch, files: input.files, push: input.push ? this.nextPush(input.push.remote, branch) : null };
  }

  private nextPush(remote: string, branch: string): PushOutcome {
    return this.pushOutcomes.shift() ?? { ok: true, remote, branch, explanation: null, reason: null, output: '' };
  }

  async pushBranch(input: MethodInput<'pushBranch'>): Promise<MethodOutput<'pushBranch'>> {
    this.record('pushBranch', input);
    return this.nextPush(input.remote, input.branch);
  }

  async pullRebase(input: MethodInput<'pullRebase'>): Promise<MethodOutput<'pullRebase'>> {
    this.record('pullRebase', input);
    return { commit: 'be11ed'.padEnd(40, '1') };
  }
}

export const samplePosts: FakePost[] = [
  {
    path: '_posts/2021-03-04-old-talk.md',
    title: 'An old talk',
    date: '2021-03-04',
    tags: ['conference'],
    text: '---\ntitle: An old talk\ndate: 2021-03-04\ntags: [conference]\n---\nOld body.\n',
  },
  {
    path: '_drafts/next-meetup.md',
    title: 'Next meetup',
    date: null,
    draft: true,
    tags: ['meetup'],
    text: '---\ntitle: Next meetup\n---\nComing soon.\n',
  },
  {
    path: '_posts/2024-05-20-rustconf-recap.md',
    title: 'RustConf recap',
    date: '2024-05-20',
    tags: ['rust', 'conference'],
    text: '---\ntitle: RustConf recap\ndate: 2024-05-20\n---\nHello **world**.\n',
  },
  {
    path: '_posts/2023-11-02-kubecon.md',
    title: 'KubeCon notes',
    date: '2023-11-02 10:00:00 +0100',
    tags: ['cloud'],
    text: '---\ntitle: KubeCon notes\n---\nPods.\n',
  },
];

/** A stable id per link, as the main process makes (16 hex digits). */
function fakeCardId(key: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619) >>> 0;
  return hash.toString(16).padStart(8, '0').repeat(2);
}

/** Where the fake site puts a new post (Jekyll's conventions). */
function fakePostPath(input: { title: string; date?: string | undefined; draft: boolean }): string {
  const slug = input.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return input.draft ? `_drafts/${slug}.md` : `_posts/${input.date ?? '2024-01-01'}-${slug}.md`;
}

/** The front matter as the real readPost reports it (parsed by the main process's reader); a post may say its error instead. */
function frontMatterOf(text: string, error?: FrontMatterInfo['error']): FrontMatterInfo {
  const parsed = readFrontMatter(text);
  if (error) return { language: parsed.language, data: null, error };
  return { language: parsed.language, data: parsed.data, error: parsed.error };
}

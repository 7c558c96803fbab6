/**
 * The persistent post index: each post's summary and word count, keyed by
 * the file's path + size + mtime + inode, in the per-user state folder
 * (`<stateDir>/index/<hash of the site root>.cache`, never in the site). The
 * app, browser mode and every CLI command share it, so listing an unchanged
 * site costs a stat per post. A file that fails its seal or its shape is
 * ignored whole (the site is simply read again), never half trusted.
 */
import path from 'node:path';
import type { PostSummary } from '../../../shared/model';
import { fillPostJson, type JsonPost } from '../workspace/post-json';
import type { IndexedFile } from '../workspace/summarize-file';
import { NON_ASCII, asciiJson, unasciiJson } from './ascii-json';
import { pruneOldest, readSealedText, sealedPath, writeSealedText, type SealedId } from './sealed-file';

/** Bump when the stored shape or what a summary means changes: older files are rebuilt. */
const FORMAT = 2;
/** Sites whose index is kept; older ones are dropped first. */
const MAX_SITES = 64;
/** Posts stored per site; beyond it the index is not written (the listing still works). */
const MAX_POSTS = 200_000;
/**
 * A file changed within this long before the index is written could change
 * again within the same mtime tick, unseen (git's "racily clean" problem):
 * such entries are not stored, and are read again next time.
 */
const RACY_MS = 2000;

/**
 * The payload: one line of JSON holding what telling a file unchanged and
 * ordering the list needs, then a JSON array of each post's postJson text,
 * in the same order (ASCII: anything else as `\\u` escapes). Reading it makes
 * no object per post but the entry: the array is parsed whole when a summary
 * is first asked for, and `recap index --json` prints the stored texts as
 * they are (10,000 posts: 45 ms of parsing and validating rows, and 20 ms of
 * serialising them again, saved on every run).
 */
interface Columns {
  paths: string[];
  /** size, mtimeMs, ino of each file in turn. */
  stats: number[];
  dates: Array<string | null>;
  words: Array<number | null>;
  errors: Array<string | null>;
  /** The length of each post's text in the array. */
  lengths: number[];
  /** The posts whose text has characters above U+007F (as escapes), by position. */
  escaped: number[];
}

/** Thrown when a stored post's text is not a summary: the caller lists again without the index. */
export class BadIndexEntry extends Error {}

/**
 * One index file as read: what telling a file unchanged needs, looked up by
 * path, with no object per post until one is asked for (an unchanged site
 * is printed without any), and the posts' texts, parsed together on first use.
 */
export class StoredIndex {
  private parsed: unknown[] | null = null;
  private readonly files: Array<StoredFile | undefined>;
  /** The entries not forgotten, by path: their position. */
  private readonly positions = new Map<string, number>();

  constructor(
    /** The payload; the array of texts runs from `start` to its end. */
    private readonly payload: string,
    private readonly start: number,
    private readonly columns: Columns,
    /** Where each text is in the payload. */
    private readonly offsets: Int32Array,
    private readonly isEscaped: Uint8Array,
  ) {
    this.files = new Array<StoredFile | undefined>(columns.paths.length);
    columns.paths.forEach((p, i) => this.positions.set(p, i));
  }

  /** How many entries the file held: positions run from 0 to this. */
  get size(): number {
    return this.columns.paths.length;
  }

  /** How many are still taken for their files. */
  get live(): number {
    return this.positions.size;
  }

  /** The position of the entry for `path`, or -1. */
  positionOf(path: string): number {
    return this.positions.get(path) ?? -1;
  }

  /** The paths of the entries not forgotten. */
  paths(): IterableIterator<string> {
    return this.positions.keys();
  }

  /** No longer takes the entry for its file (it was read again, or is gone). */
  forget(path: string): void {
    this.positions.delete(path);
  }

  /** Whether the entry at `position` still has the file's size, mtime and inode. */
  sameStat(position: number, info: { size: number; mtimeMs: number; ino: number }): boolean {
    const { stats } = this.columns;
    return info.size === stats[3 * position] && info.mtimeMs === stats[3 * position + 1] && info.ino === stats[3 * position + 2];
  }

  hasWords(position: number): boolean {
    return this.columns.words[position] !== null;
  }

  /** The entry at `position`. */
  file(position: number): StoredFile {
    let file = this.files[position];
    if (file === undefined) {
      const { paths, stats, dates, words, errors } = this.columns;
      const i = position;
      file = new StoredFile(paths[i]!, stats[3 * i]!, stats[3 * i + 1]!, stats[3 * i + 2]!, dates[i]!, words[i]!, errors[i]!, this, i, this.offsets[i]!, this.columns.lengths[i]!, this.isEscaped[i] === 1);
      this.files[position] = file;
    }
    return file;
  }

  /** Every entry, in the index's order. */
  all(): StoredFile[] {
    return Array.from({ length: this.size }, (_, i) => this.file(i));
  }

  /**
   * The JSON text of every entry's postJson, in order: the stored array as it
   * is, each text's shape checked where it lies; only the texts with escapes
   * are rewritten with the characters they stand for.
   */
  json(): string {
    const n = this.size;
    for (let i = 0; i < n; i++) {
      if (!this.isPostText(this.offsets[i]!, this.columns.lengths[i]!)) throw new BadIndexEntry(`bad index entry for ${this.columns.paths[i]}`);
    }
    if (this.columns.escaped.length === 0) return this.payload.slice(this.start);
    const pieces: string[] = [];
    let from = this.start;
    for (const i of [...this.columns.escaped].sort((a, b) => a - b)) {
      const file = this.file(i);
      pieces.push(this.payload.slice(from, file.at), unasciiJson(file.stored));
      from = file.at + file.length;
    }
    pieces.push(this.payload.slice(from));
    return pieces.join('');
  }

  text(at: number, length: number): string {
    return this.payload.slice(at, at + length);
  }

  /** Whether the text at `at` is a summary's postJson text (checked where it lies: no copy of it is made). */
  isPostText(at: number, length: number): boolean {
    POST_TEXT_AT.lastIndex = at;
    return POST_TEXT_AT.test(this.payload) && POST_TEXT_AT.lastIndex === at + length;
  }

  /** The `i`th post as parsed (one JSON.parse of them all is several times faster than one each). */
  post(i: number): unknown {
    if (this.parsed === null) {
      let posts: unknown;
      try {
        posts = JSON.parse(this.payload.slice(this.start));
      } catch {
        throw new BadIndexEntry('bad index: the posts do not parse');
      }
      if (!Array.isArray(posts) || posts.length !== this.size) throw new BadIndexEntry('bad index: posts missing');
      this.parsed = posts;
    }
    return this.parsed[i];
  }
}

/** An entry read from the index: its summary is parsed from the stored text on first use. */
export class StoredFile implements IndexedFile {
  private parsed: PostSummary | undefined;
  private printed: string | undefined;

  constructor(
    readonly path: string,
    readonly size: number,
    readonly mtimeMs: number,
    readonly ino: number,
    readonly date: string | null,
    readonly words: number | null,
    readonly error: string | null,
    readonly posts: StoredIndex,
    /** Where it was in the index: its place in the listing the index was saved from. */
    readonly position: number,
    /** Where its text is in the payload. */
    readonly at: number,
    readonly length: number,
    /** Whether the stored text has escapes. */
    readonly escaped: boolean,
  ) {}

  get summary(): PostSummary {
    if (this.parsed === undefined) {
      const post = this.posts.post(this.position);
      if (!isJsonPost(post) || post.path !== this.path || post.date !== this.date || post.words !== this.words) throw new BadIndexEntry(`bad index entry for ${this.path}`);
      const summary: PostSummary = post;
      if (this.error !== null) summary.error = this.error;
      this.parsed = summary;
    }
    return this.parsed;
  }

  /** postJson(summary) as stored: ASCII, anything else as `\\u` escapes. */
  get stored(): string {
    return this.posts.text(this.at, this.length);
  }

  /**
   * postJson(summary): the stored text, with the characters its escapes
   * stand for (as JSON.stringify writes them). Printed without parsing, so
   * its shape is checked here: a text that is not a summary's throws.
   */
  /** Throws BadIndexEntry unless the stored text is a summary's (printing does not parse it). */
  checkText(): void {
    if (this.parsed === undefined && !this.posts.isPostText(this.at, this.length)) throw new BadIndexEntry(`bad index entry for ${this.path}`);
  }

  get json(): string {
    if (this.printed === undefined) {
      this.checkText();
      const stored = this.stored;
      this.printed = this.escaped ? unasciiJson(stored) : stored;
    }
    return this.printed;
  }
}

/** A JSON string, and postJson's text (the check costs a quarter of parsing it). */
const STRING = String.raw`"[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*"`;
const STRINGS = String.raw`\[(?:${STRING}(?:,${STRING})*)?\]`;
const POST_TEXT_AT = new RegExp(
  String.raw`\{"path":${STRING},"title":${STRING},"date":(?:null|${STRING}),"draft":(?:true|false),"tags":${STRINGS},"categories":${STRINGS},"words":(?:null|0|[1-9]\d*)\}`,
  'y',
);

/** A listed file's date and word count, without parsing a stored summary. */
export function dateOf(file: IndexedFile): string | null {
  return file instanceof StoredFile ? file.date : file.summary.date;
}

export function wordsOf(file: IndexedFile): number | null {
  return file instanceof StoredFile ? file.words : file.summary.words;
}

export class IndexStore {
  private readonly file: string;
  private readonly id: SealedId;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    root: string,
  ) {
    this.file = sealedPath(dir, root);
    this.id = { kind: 'recap-index', format: FORMAT, key: root };
  }

  static inStateDir(stateDir: string, root: string): IndexStore {
    return new IndexStore(path.join(stateDir, 'index'), root);
  }

  /**
   * The stored index, in the order it was saved; null when there is no
   * usable one. Synchronous: it runs once, before the first listing.
   */
  load(): StoredIndex | null {
    const text = readSealedText(this.file, this.id);
    const index = text === null ? null : parseIndex(text);
    // A path twice: not an index Recap wrote.
    return index && index.live === index.size ? index : null;
  }

  /**
   * Replaces the stored index with `files`, kept in this order (one write at
   * a time; errors only cost the next run a re-read). `asArray`, when given,
   * is the JSON text of the array of their postJson, which each has in `json`.
   */
  save(files: readonly IndexedFile[], asArray?: string): Promise<void> {
    const cutoff = Date.now() - RACY_MS;
    const kept = files.filter((f) => f.mtimeMs < cutoff);
    if (kept.length > MAX_POSTS) return this.writing;
    const whole = kept.length === files.length ? asArray : undefined;
    this.writing = this.writing
      .then(() => writeSealedText(this.file, this.id, formatIndex(kept, whole)))
      .then(() => pruneOldest(this.dir, MAX_SITES))
      .catch(() => undefined);
    return this.writing;
  }

  /** Resolves when the last save is on disk. */
  flush(): Promise<void> {
    return this.writing;
  }
}

function formatIndex(files: IndexedFile[], asArray?: string): string {
  // Where every text is made now (a cold listing) or was printed, they come as one array text, written as it is.
  const whole = fillPostJson(files) ?? asArray ?? null;
  const fresh = whole === null ? null : withNonAscii(files, whole);
  const columns: Columns = { paths: [], stats: [], dates: [], words: [], errors: [], lengths: [], escaped: [] };
  const texts: string[] = [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    const escaped = f instanceof StoredFile ? f.escaped : fresh ? fresh.has(i) : NON_ASCII.test(f.json!);
    // Lengths are of the texts as written: in ASCII.
    const text = f instanceof StoredFile ? f.stored : escaped ? asciiJson(f.json!) : f.json!;
    if (escaped) columns.escaped.push(i);
    columns.paths.push(f.path);
    columns.stats.push(f.size, f.mtimeMs, f.ino);
    columns.dates.push(dateOf(f));
    columns.words.push(wordsOf(f));
    columns.errors.push(f instanceof StoredFile ? f.error : (f.summary.error ?? null));
    columns.lengths.push(text.length);
    if (whole === null) texts.push(text);
  }
  // writeSealedText writes the characters above U+007F as escapes, as the lengths count them.
  return `${JSON.stringify(columns)}\n${whole ?? `[${texts.join(',')}]`}`;
}

/** The positions of the files whose text (laid out in `whole`, their array) has characters above U+007F: one scan of them all. */
function withNonAscii(files: readonly IndexedFile[], whole: string): Set<number> {
  const found = new Set<number>();
  let post = 0;
  let end = 1 + files[0]!.json!.length; // where the first text ends in the array
  const scan = new RegExp(NON_ASCII.source, 'g');
  for (let match = scan.exec(whole); match; match = scan.exec(whole)) {
    while (match.index >= end) end += 1 + files[++post]!.json!.length;
    found.add(post);
    scan.lastIndex = end; // on to the next text
  }
  return found;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number';
const orNull =
  <T>(is: (v: unknown) => v is T) =>
  (v: unknown): v is T | null =>
    v === null || is(v);
const every = <T>(list: unknown, is: (v: unknown) => v is T): list is T[] => Array.isArray(list) && list.every(is);

/** A stored index, or null when any part of it is not of the expected shape: the file is not ours to trust. */
function parseIndex(payload: string): StoredIndex | null {
  const newline = payload.indexOf('\n');
  if (newline === -1) return null;
  let columns: Partial<Columns>;
  try {
    columns = JSON.parse(payload.slice(0, newline)) as Partial<Columns>;
  } catch {
    return null;
  }
  const { paths, stats, dates, words, errors, lengths, escaped } = columns;
  if (!every(paths, isString) || paths.length > MAX_POSTS || !every(stats, isNumber) || !every(dates, orNull(isString)) || !every(words, orNull(isNumber)) || !every(errors, orNull(isString))) return null;
  if (!every(lengths, isNumber) || !every(escaped, isNumber)) return null;
  const n = paths.length;
  if (stats.length !== 3 * n || dates.length !== n || words.length !== n || errors.length !== n || lengths.length !== n) return null;
  const isEscaped = new Uint8Array(n);
  for (const i of escaped) {
    if (!(Number.isInteger(i) && i >= 0 && i < n)) return null;
    isEscaped[i] = 1;
  }
  // `[text,text,…]`: each text where its length says, each a post's, the commas and brackets between them.
  const start = newline + 1;
  const offsets = new Int32Array(n);
  if (n === 0 && payload.slice(start) !== '[]') return null;
  if (payload.charCodeAt(start) !== 0x5b /* [ */) return null;
  let at = start + 1;
  for (let i = 0; i < n; i++) {
    const length = lengths[i]!;
    const end = at + length;
    if (!(Number.isInteger(length) && length > 0) || !payload.startsWith('{"path":', at) || payload.charCodeAt(end) !== (i === n - 1 ? 0x5d /* ] */ : 0x2c) /* , */) return null;
    offsets[i] = at;
    at = end + 1;
  }
  if (at !== payload.length && n > 0) return null;
  return new StoredIndex(payload, start, { paths, stats, dates, words, errors, lengths, escaped }, offsets, isEscaped);
}

const isStrings = (v: unknown): v is string[] => every(v, isString);

/** Whether `post` (parsed from a stored text) is a summary without `error`. */
function isJsonPost(post: unknown): post is JsonPost {
  if (typeof post !== 'object' || post === null) return false;
  const { path: p, title, date, draft, tags, categories, words } = post as Partial<JsonPost>;
  if (typeof p !== 'string' || typeof title !== 'string' || (date !== null && typeof date !== 'string') || typeof draft !== 'boolean') return false;
  return isStrings(tags) && isStrings(categories) && (words === null || typeof words === 'number');
}

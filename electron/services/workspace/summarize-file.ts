/**
 * Reads what the post list needs of one file. Without word counts only the
 * head is read (4 KB covers almost every front matter; more is read when it
 * does not close there). With them the file is read once, whole: words are
 * counted in its bytes and only the front matter and the start of the body
 * are decoded.
 *
 * Synchronous on purpose: measured on 10,000 posts, plain syscalls take a
 * third of the time of async round trips through libuv's thread pool. Callers
 * run it in short batches and yield between them (see workspace.ts).
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import type { PostSummary } from '../../../shared/model';
import { countWordsInBytes, wordBuffer } from './count-words';
import { summarizePost } from './summarize-post';

const HEAD_BYTES = 4096;
/** One buffer for every head: this code is synchronous, and 10,000 fresh 4 KB buffers kept the GC busy (60 ms). */
const head = Buffer.alloc(HEAD_BYTES);

export interface IndexedFile {
  path: string;
  mtimeMs: number;
  size: number;
  /** 0 where the platform has none. With size and mtime, what tells a file unchanged. */
  ino: number;
  summary: PostSummary;
  /** postJson(summary), once made: the index stores it, and `recap index --json` prints it as it is. */
  json?: string;
}

export function summarizeFileSync(root: string, relative: string, words: boolean): IndexedFile | null {
  let fd;
  try {
    fd = openSync(filePath(root, relative), 'r');
  } catch (error) {
    return missing(error);
  }
  try {
    const { mtimeMs, size, ino } = fstatSync(fd);
    // `json` is filled in later (post-json.ts): a slot made here spares 10,000 objects growing one.
    const file = { path: relative, mtimeMs, size, ino, json: undefined };
    if (words) return { ...file, summary: summarizeWhole(relative, readWhole(fd, size)) };
    const bytesRead = readSync(fd, head, 0, HEAD_BYTES, 0);
    const text = headWithFrontMatter(head.subarray(0, bytesRead), bytesRead === size) ?? toText(readFileSync(fd));
    return { ...file, summary: summarizePost(relative, text, { words: false }) };
  } finally {
    closeSync(fd);
  }
}

/** The file's bytes, in the word counter's buffer (one for every file, valid until the next call): counted where they lie. */
function readWhole(fd: number, size: number): Buffer {
  const whole = wordBuffer(size);
  let filled = 0;
  for (let n; filled < size && (n = readSync(fd, whole, filled, size - filled, filled)) > 0; ) filled += n;
  return whole.subarray(0, filled);
}

/**
 * The summary from the head, the word count from the bytes of the body. A
 * front matter the byte scan does not find the end of (JSON, unclosed) goes
 * the slow way: the whole text, as the list has always read it.
 */
function summarizeWhole(relative: string, bytes: Buffer): PostSummary {
  const end = frontMatterEnd(bytes);
  // No front matter: the title may be any heading of the body, so the whole text is read.
  if (end <= 0) return summarizePost(relative, toText(bytes), { words: true });
  const summary = summarizePost(relative, headWithFrontMatter(bytes, false)!, { words: false });
  summary.words = countWordsInBytes(bytes, end);
  return summary;
}

/** Body text kept after the front matter: enough for the first heading, the title of last resort. */
const BODY_BYTES = 1024;

/**
 * The head as text when it holds the whole front matter (its closing line
 * break included), else null. Only the front matter and the start of the body
 * are decoded: the fence is found in the bytes, which saves decoding and
 * scanning most of 4 KB for each of thousands of posts.
 */
function headWithFrontMatter(bytes: Buffer, whole: boolean): string | null {
  if (whole) return toText(bytes);
  const end = frontMatterEnd(bytes);
  if (end === -1) return null;
  // A cut multi-byte character at the very end decodes as U+FFFD, in body text the list does not use.
  return toText(bytes.subarray(0, Math.min(bytes.length, end + BODY_BYTES)));
}

const LF = 0x0a;

/**
 * Offset just past the closing fence line of a `---` or `+++` front matter in
 * `bytes`: 0 when the text has no front matter, -1 when it does not close
 * within `bytes` (or is of a kind left to the full parser, such as JSON).
 */
export function frontMatterEnd(bytes: Buffer): number {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const first = bytes[start];
  if (first === 0x7b /* { */) return -1;
  if ((first !== 0x2d && first !== 0x2b) || bytes[start + 1] !== first || bytes[start + 2] !== first) return 0;
  const firstBreak = bytes.indexOf(LF, start);
  if (firstBreak === -1) return -1;
  // The same rule as splitFrontMatter: the first line that is the fence (YAML: or `...`), trailing space allowed.
  const fences = first === 0x2d ? ['---', '...'] : ['+++'];
  let end = -1;
  for (const fence of fences) {
    // A later fence cannot close the block earlier than one already found: search only before it (whole files are long).
    const scope = end === -1 ? bytes : bytes.subarray(0, end);
    for (let at = scope.indexOf('\n' + fence, firstBreak); at !== -1; at = scope.indexOf('\n' + fence, at + 1)) {
      const lineEnd = bytes.indexOf(LF, at + 1);
      if (lineEnd === -1) break; // the line may go on past the head
      if (bytes.toString('latin1', at + 1, lineEnd).trimEnd() === fence) {
        if (end === -1 || lineEnd + 1 < end) end = lineEnd + 1;
        break;
      }
    }
  }
  return end;
}

/** `root` joined with a site-relative path (`/` separators): plain concatenation where `/` is the separator (path.join cost 15 ms per 10,000 files). */
export function filePath(root: string, relative: string): string {
  return path.sep === '/' && !root.endsWith('/') ? `${root}/${relative}` : path.join(root, relative);
}

function missing(error: unknown): null {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null; // deleted while listing
  throw error;
}

function toText(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.includes('\r\n') ? noBom.replace(/\r\n/g, '\n') : noBom;
}

/**
 * The check of one post's bytes, the same on a worker thread and in-process:
 * binary files and posts too large to parse are reported, not parsed; text
 * that is not UTF-8 is checked and reported. Which site files the rules
 * asked about is returned too, so a cached result can tell whether the
 * files it depended on still are (or still are not) there.
 */
import { checkPost, type Problem, type SiteFacts } from '../../../shared/check';
import type { SiteSchema } from '../../../shared/front-matter/schema';
import { decodePost, looksBinary } from '../documents/post-bytes';

/**
 * Past this size the Markdown parser is not run: remark needs seconds and
 * hundreds of MB per MB of links (a 9 MB post grew past 3.9 GB). Real posts
 * stay far below (the Rust blog's longest is 170 KB).
 */
export const MAX_CHECKED_BYTES = 1024 * 1024;

/** Everything besides a post that its problems depend on. */
export interface CheckFacts {
  /** The site's kind and folders: all of the check's SiteFacts but the file lookup, which `files` answers. */
  site: Omit<SiteFacts, 'fileExists'>;
  schema: SiteSchema | undefined;
  files: ReadonlySet<string>;
}

export interface CheckedPost {
  problems: Problem[];
  /** Every site file the rules asked about, with the answer. */
  lookups: Array<[path: string, exists: boolean]>;
}

export function checkBytes(bytes: Buffer, relative: string, facts: CheckFacts): CheckedPost {
  if (looksBinary(bytes)) return { problems: [fileProblem('This file is binary (it contains NUL bytes), not a Markdown post; it was not checked.')], lookups: [] };
  if (bytes.length > MAX_CHECKED_BYTES) return { problems: [tooLargeToCheck(bytes.length)], lookups: [] };
  const decoded = decodePost(bytes);
  const checked = checkText(decoded.text, relative, facts);
  if (!decoded.encoding.utf8) {
    checked.problems.unshift(fileProblem('This file is not valid UTF-8 (perhaps Latin-1 or Windows-1252); readers may see garbled characters. Convert it to UTF-8.'));
  }
  return checked;
}

/** The editor's text of a post (the live check). */
export function checkText(text: string, relative: string, { site, schema, files }: CheckFacts): CheckedPost {
  if (text.length > MAX_CHECKED_BYTES) return { problems: [tooLargeToCheck(Buffer.byteLength(text))], lookups: [] };
  const lookups: CheckedPost['lookups'] = [];
  const fileExists = (p: string) => {
    const exists = files.has(p);
    lookups.push([p, exists]);
    return exists;
  };
  return { problems: checkPost({ path: relative, text, schema, site: { ...site, fileExists } }), lookups };
}

/**
 * A problem with the file as a whole. DESIGN.md's rule ids have none for
 * encoding or size, so it is reported under `mojibake`, the rule about the
 * file's text itself.
 */
export function fileProblem(message: string): Problem {
  return { rule: 'mojibake', severity: 'error', line: 1, column: 1, message, offset: 0, length: 0 };
}

function tooLargeToCheck(bytes: number): Problem {
  return fileProblem(`This post is ${(bytes / 1024 / 1024).toFixed(1)} MB, too large to check (the check reads posts up to ${MAX_CHECKED_BYTES / 1024 / 1024} MB); split it into smaller posts.`);
}

/** What a post that ran out of its time or memory budget gets. */
export function tooComplexToCheck(): Problem {
  return fileProblem('This post is too complex to check: checking it took longer or more memory than Recap allows. Simplify its Markdown (long runs of * or _, thousands of links) or split it.');
}

/** The pre-publish check's data: problems with file positions, and the quick fixes that repair some. */
import type { SiteKind } from '../model';
import type { SiteSchema } from '../front-matter/schema';
import type { SiteFolders } from './local-files';

export const ruleIds = [
  'empty-link',
  'missing-image',
  'missing-alt',
  'insecure-url',
  'duplicate-script',
  'unsafe-html',
  'mojibake',
  'invalid-front-matter',
  'required-field',
  'unknown-value',
  'filename-date',
  'invalid-embed',
  'invalid-date',
  'share-title',
  'share-description',
  'share-image',
] as const;
export type RuleId = (typeof ruleIds)[number];

export type Severity = 'error' | 'warning' | 'info';

/** Replace text[start, end) with `text`; offsets are in the checked text. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface QuickFix {
  /** What applying it does, e.g. "Replace with 😎". */
  title: string;
  edits: TextEdit[];
}

/**
 * A fix only the author can finish (e.g. writing alt text): it puts the caret
 * where the words go, after small edits that make room. Never part of "Fix all".
 */
export interface CaretFix {
  /** What the button says, e.g. "Write alt text". */
  title: string;
  /** Made before placing the caret (e.g. adding `alt=""`); empty when the place exists. */
  edits: TextEdit[];
  /** The range to select, as offsets in the text after `edits`. */
  select: { start: number; end: number };
}

export interface Problem {
  rule: RuleId;
  severity: Severity;
  /** 1-based line in the file (front-matter lines count). */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
  message: string;
  /** 0-based offsets [offset, offset + length) of what the problem is about, for highlighting. */
  offset: number;
  length: number;
  fix?: QuickFix;
  caretFix?: CaretFix;
}

/** What the check needs to know about the site a post belongs to; the pure check touches no disk. */
export interface SiteFacts {
  kind: SiteKind;
  /**
   * Whether a file exists, by its path relative to the site root (`/` separators, no leading `/`).
   * Absent: images are not checked for existence.
   */
  fileExists?: (sitePath: string) => boolean;
  /** Where the generator serves files from (static folders and mounts, content); absent: each kind's defaults. */
  folders?: SiteFolders;
  /** What a shared link falls back to and how images measure; absent: the share-* rules do not run. */
  share?: ShareSiteFacts;
}

export interface CheckInput {
  /** The post's path relative to the site root, `/` separators (used for the filename date, drafts and relative images). */
  path: string;
  /** The whole file as the editor shows it (no BOM, `\n` line endings). */
  text: string;
  schema?: SiteSchema;
  site: SiteFacts;
}

/** The site's side of a share card, for the share-title, share-description and share-image rules. */
export interface ShareSiteFacts {
  /** The site's description (a post without one and without an excerpt shows it). */
  description: string | null;
  /** The site's default share image, if it sets one. */
  defaultImage: string | null;
  /** The card a post with an image gets: the site's twitter card setting, else summary_large_image. */
  card: 'summary' | 'summary_large_image';
  /**
   * Pixel sizes of the post's candidate share images by path relative to the
   * root (see shareImageCandidates), null for one that is not there. Plain
   * data, so the check can run on a worker thread.
   */
  images: Record<string, { width: number; height: number } | null>;
}

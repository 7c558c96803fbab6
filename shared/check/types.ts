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
}

export interface CheckInput {
  /** The post's path relative to the site root, `/` separators (used for the filename date, drafts and relative images). */
  path: string;
  /** The whole file as the editor shows it (no BOM, `\n` line endings). */
  text: string;
  schema?: SiteSchema;
  site: SiteFacts;
}

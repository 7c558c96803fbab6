/** The data that crosses between main process, browser-mode server, CLI and renderer. */

export const siteKinds = ['jekyll', 'hugo', 'zola', 'eleventy', 'astro', 'unknown'] as const;
export type SiteKind = (typeof siteKinds)[number];

export interface Site {
  /** Absolute path of the opened folder, as the user gave it. */
  root: string;
  /** Folder name, for titles and lists. */
  name: string;
  /** The site's title from its configuration (`_config.yml` title, Hugo/Zola `title`, package name), when it has one. */
  title?: string;
  /** The site's language from its configuration (`lang`, Hugo `languageCode`, Zola `default_language`): the spell checker's default. */
  language?: string;
  kind: SiteKind;
}

export interface PostSummary {
  /** Relative to the site root, `/` separators. */
  path: string;
  title: string;
  /** As written (`YYYY-MM-DD` or a full timestamp), else from the file name or permalink, else null. */
  date: string | null;
  draft: boolean;
  tags: string[];
  categories: string[];
  /** Words in the body; null where the list was read from file heads only (the app's post list). */
  words: number | null;
  /** Set when the front matter cannot be read; the post is still listed. */
  error?: string;
}

export interface PostList {
  site: Site;
  posts: PostSummary[];
  /** Set when only the first posts were asked for (listPosts `first`): how many posts the site has in all. */
  total?: number;
}

export type LineEnding = 'lf' | 'crlf' | 'mixed' | 'none';

export interface Encoding {
  /** A UTF-8 byte order mark starts the file; it is kept on save. */
  bom: boolean;
  /** The line endings on disk; the editor always sees `\n`, saves restore them. */
  lineEnding: LineEnding;
  /** False when the bytes are not valid UTF-8: shown read-only, never re-encoded. */
  utf8: boolean;
}

export type FrontMatterLanguage = 'yaml' | 'toml' | 'json';

/** A JSON-safe front-matter value (dates are kept as the text that was written). */
export type FrontMatterValue =
  | string
  | number
  | boolean
  | null
  | FrontMatterValue[]
  | { [key: string]: FrontMatterValue };

export interface FrontMatterInfo {
  language: FrontMatterLanguage | null;
  data: Record<string, FrontMatterValue> | null;
  /** Why the block could not be read, with its 1-based line in the file. */
  error: { message: string; line?: number } | null;
}

export type ReadOnlyReason = 'permissions' | 'encoding';

export interface PostDocument {
  path: string;
  /** The file's text as the editor shows it: no BOM, `\n` line endings. */
  text: string;
  /** SHA-256 of the bytes on disk when read; a save must name it. */
  hash: string;
  encoding: Encoding;
  readOnly: boolean;
  /**
   * Why the post is read-only: its file's permissions (the author may choose
   * to replace it anyway, keeping mode and owner) or its encoding (never
   * edited, so it is never re-encoded). Null when it is writable.
   */
  readOnlyReason: ReadOnlyReason | null;
  /** Plain sentences for the author (e.g. "not UTF-8"). */
  warnings: string[];
  frontMatter: FrontMatterInfo;
}

export interface SaveResult {
  hash: string;
  /** ISO timestamp of the save. */
  savedAt: string;
}

export interface Session {
  mode: 'electron' | 'browser';
  site: Site | null;
  /** Recently opened folders, newest first. */
  recent: string[];
  /** Electron can show a native folder chooser; browser mode serves one folder. */
  canChooseFolder: boolean;
  /** Browser mode started without a folder: its start screen may open a typed path (with folder completion). */
  canTypeFolder?: boolean;
  /** "Try the sample site" is available (a copy of the project's sample blog in the state folder). */
  canOpenSample?: boolean;
}

/** Sub-folders of a typed path, for completion on the start screen: names only, never files. */
export interface FolderListing {
  /** The folder whose sub-folders these are (absolute). */
  folder: string;
  folders: string[];
}

/** Unsaved editor text found in the recovery journal when a site opens. */
export interface RecoveredDraft {
  path: string;
  /** The editor's full text (front matter + body, `\n` line endings) when it was journaled. */
  text: string;
  /** Hash of the file the edits were based on. */
  baseHash: string;
  /** ISO timestamp of the last journal write. */
  savedAt: string;
  /** The post as it is on disk now; null when the file no longer exists. */
  disk: PostDocument | null;
}

/** Files of the opened site changed on disk (another editor, git checkout, a save). */
export interface PostsChange {
  /** Site-relative paths, `/` separators: added, changed or removed files and folders. */
  paths: string[];
  /** Too many changes to list (`paths` is cut short): treat every post as changed. */
  overflow: boolean;
}

/** Commands the application menu sends to the window. */
export const menuCommands = ['open-folder', 'new-post', 'save', 'toggle-preview', 'find-post', 'focus-mode', 'open-post', 'command-palette'] as const;
export type MenuCommand = (typeof menuCommands)[number];

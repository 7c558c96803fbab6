/** What the Page view shows: a rendered page the frame loads from Recap, or why the Text view is used instead. */
export interface PageAnchor {
  /** 1-based line of the heading in the post's body (the editor's text, front matter excluded). */
  line: number;
  /** The heading's id in the rendered page (for the frame's `#fragment`). */
  id: string;
}

/** A render whose content region can replace the shown frame's, when the frame shows the same shell. */
export interface PagePatch {
  /** Names everything around the post's body (layouts, styles, front matter's effects): equal shells, same page around it. */
  shell: string;
  /** The content region's new markup, already through the page's safety pass. */
  html: string;
}

export type PagePreview =
  | {
      status: 'page';
      /** Load `page/<pageId>` (relative to the app's own URL) in the sandboxed frame. */
      pageId: string;
      /** True when the site's own layouts rendered it (Jekyll); false for generators whose layouts Recap does not run. */
      layoutsRendered: boolean;
      /** One line about what is not shown, e.g. that Hugo layouts are not rendered. */
      note: string | null;
      anchors: PageAnchor[];
      /** Set when the frame can be updated in place instead of loading `pageId` (its document then runs Recap's patcher). */
      patch: PagePatch | null;
      /** How long rendering took in the main process, Sass included. */
      ms: number;
    }
  | { status: 'unavailable'; reason: string };

/** Where the frame's documents and the site's assets are served, relative to the app's own URL. */
export const PAGE_ROUTE = 'page/';
/** Sent with a MessagePort to a page frame on its first load; the patcher then takes content regions on that port. */
export const PAGE_PORT_MESSAGE = 'recap-page-port';
export const PAGE_ASSET_ROUTE = 'page-assets/';
/** Recap's own stylesheet for facades and placeholders; a hidden segment can never be a site file. */
export const PAGE_ADDITIONS_PATH = '/.recap/page.css';

/** What a window shows, as fields: the renderer sends these, and the title is formatted once, here. */
export interface WindowState {
  /** The open post's own name (its title), or null when none is open. */
  title: string | null;
  /** The site's name (its configured title, else the folder). */
  site: string | null;
  dirty: boolean;
  /** The language the post is written in, for the spell checker (never part of the title). */
  language?: string | null;
}

/** "• My talk — Example Events Blog — Recap": the document first, so the taskbar stays useful with many windows. */
export function formatWindowTitle({ title, site, dirty }: WindowState): string {
  const post = title?.trim() ?? '';
  const siteName = site?.trim() ?? '';
  const parts = [post, siteName, 'Recap'].filter((part) => part !== '');
  return `${dirty && post !== '' ? '• ' : ''}${parts.join(' — ')}`;
}

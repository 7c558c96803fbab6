/** Per-site preview choices, kept in the per-user state folder (never in the site). */
export interface PreviewSettings {
  /** Load remote images and live embeds (sandboxed frames from the allowlist). Off by default: previews stay offline. */
  externalContent: boolean;
}

export const DEFAULT_PREVIEW_SETTINGS: PreviewSettings = { externalContent: false };

/**
 * The site's preview settings ("Load external content"), with one owner:
 * the workspace creates this store and every reader (the preview, the
 * Collected panel's details) follows it through useSyncExternalStore.
 * Until the stored choice arrives everything stays offline: a slow answer
 * must never let a request out.
 */
import type { RecapBridge } from '../../shared/bridge';
import { DEFAULT_PREVIEW_SETTINGS, type PreviewSettings } from '../../shared/preview-settings';
import { describeError } from '../app/error-message';

export interface PreviewSettingsSnapshot {
  settings: PreviewSettings;
  /** Why the last choice could not be remembered, in one sentence. */
  error: string | null;
}

export class PreviewSettingsStore {
  private snapshot: PreviewSettingsSnapshot = { settings: DEFAULT_PREVIEW_SETTINGS, error: null };
  private readonly listeners = new Set<() => void>();
  private loaded = false;
  /** The author switched before the stored choice arrived: that answer is stale. */
  private chosen = false;

  constructor(private readonly api: RecapBridge) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.load();
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): PreviewSettingsSnapshot => this.snapshot;

  readonly setExternalContent = (on: boolean): void => {
    this.chosen = true;
    this.set({ settings: { ...this.snapshot.settings, externalContent: on }, error: null });
    this.api.setPreviewSettings({ externalContent: on }).then(
      (stored) => this.set({ settings: stored }),
      // Not remembered: say so, and fall back to offline rather than leave a choice that will not stick.
      (failure: unknown) => this.set({ settings: { ...this.snapshot.settings, externalContent: false }, error: describeError(failure).message }),
    );
  };

  /** Asked once, when the first reader subscribes. */
  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    this.api.getPreviewSettings({}).then(
      (stored) => {
        if (!this.chosen) this.set({ settings: stored });
      },
      () => {
        /* stays offline */
      },
    );
  }

  private set(change: Partial<PreviewSettingsSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}

import { createContext, useContext, useSyncExternalStore } from 'react';
import type { PreviewSettingsSnapshot, PreviewSettingsStore } from './preview-settings-store';

/** The workspace's one PreviewSettingsStore. */
export const PreviewSettingsContext = createContext<PreviewSettingsStore | null>(null);

export function usePreviewSettingsStore(): PreviewSettingsStore {
  const store = useContext(PreviewSettingsContext);
  if (!store) throw new Error('usePreviewSettings must be used inside <PreviewSettingsContext value={store}>.');
  return store;
}

/** The site's preview settings as they are now, and the switch. */
export function usePreviewSettings(): PreviewSettingsSnapshot & { setExternalContent: (on: boolean) => void } {
  const store = usePreviewSettingsStore();
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { ...snapshot, setExternalContent: store.setExternalContent };
}

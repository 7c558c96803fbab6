import { useCallback, useEffect, useState } from 'react';
import type { RecapBridge } from '../../shared/bridge';
import { DEFAULT_PREVIEW_SETTINGS, type PreviewSettings } from '../../shared/preview-settings';

/** Fired on window with the new PreviewSettings as detail: the Collected panel follows the switch through it. */
export const PREVIEW_SETTINGS_EVENT = 'recap-preview-settings';

/**
 * The site's preview settings. Until the stored choice arrives the preview
 * is offline: a slow answer must never let a request out.
 */
export function usePreviewSettings(api: RecapBridge): {
  settings: PreviewSettings;
  setExternalContent: (on: boolean) => void;
  error: string | null;
} {
  const [settings, setSettings] = useState<PreviewSettings>(DEFAULT_PREVIEW_SETTINGS);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.getPreviewSettings({}).then(
      (stored) => {
        if (live) setSettings(stored);
      },
      () => {
        /* stays offline */
      },
    );
    return () => {
      live = false;
    };
  }, [api]);

  const setExternalContent = useCallback(
    (on: boolean) => {
      setSettings((previous) => ({ ...previous, externalContent: on }));
      setError(null);
      api.setPreviewSettings({ externalContent: on }).then(
        (stored) => {
          setSettings(stored);
          window.dispatchEvent(new CustomEvent<PreviewSettings>(PREVIEW_SETTINGS_EVENT, { detail: stored }));
        },
        (failure: unknown) => {
          // Not remembered: say so, and fall back to offline rather than leave a choice that will not stick.
          setSettings((previous) => ({ ...previous, externalContent: false }));
          setError(failure instanceof Error ? failure.message : String(failure));
        },
      );
    },
    [api],
  );

  return { settings, setExternalContent, error };
}

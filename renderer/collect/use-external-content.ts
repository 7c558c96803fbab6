import { useEffect, useState } from 'react';
import type { RecapBridge } from '../../shared/bridge';
import type { PreviewSettings } from '../../shared/preview-settings';
import { PREVIEW_SETTINGS_EVENT } from '../preview/use-preview-settings';

/**
 * Whether the site's "Load external content" is on, following the preview's
 * switch. Off until the stored choice arrives, like the preview itself.
 */
export function useExternalContent(api: RecapBridge): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    let live = true;
    api.getPreviewSettings({}).then(
      (stored) => {
        if (live) setOn(stored.externalContent);
      },
      () => {
        /* stays off */
      },
    );
    const onChange = (event: Event) => {
      if (event instanceof CustomEvent) setOn((event as CustomEvent<PreviewSettings>).detail.externalContent);
    };
    window.addEventListener(PREVIEW_SETTINGS_EVENT, onChange);
    return () => {
      live = false;
      window.removeEventListener(PREVIEW_SETTINGS_EVENT, onChange);
    };
  }, [api]);
  return on;
}

import { usePreviewSettings } from '../preview/use-preview-settings';

/**
 * Whether the site's "Load external content" is on: the preview's own
 * switch, read from the same store. Off until the stored choice arrives.
 */
export function useExternalContent(): boolean {
  return usePreviewSettings().settings.externalContent;
}

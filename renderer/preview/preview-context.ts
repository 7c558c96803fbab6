import { createContext, useContext } from 'react';
import type { SiteKind } from '../../shared/model';

/** What the preview's own components (images, embeds) need to know beyond the post's HTML. */
export interface PreviewEnvironment {
  /** The author allowed remote images and live embeds for this site. */
  externalContent: boolean;
  /** The post's path in the site (`/` separators), for relative images. */
  postPath: string;
  siteKind: SiteKind;
}

export const PreviewEnvironmentContext = createContext<PreviewEnvironment>({ externalContent: false, postPath: '', siteKind: 'unknown' });

export function usePreviewEnvironment(): PreviewEnvironment {
  return useContext(PreviewEnvironmentContext);
}

/**
 * What the preview's own controls may ask of the editor. The preview never
 * writes the text itself: it names the change and the editor makes it.
 */
export interface PreviewActions {
  /** Turns the embeds of the tweet at this URL into a static quote; absent where the post cannot be edited. */
  archiveTweet?: (url: string) => void;
}

export const PreviewActionsContext = createContext<PreviewActions>({});

export function usePreviewActions(): PreviewActions {
  return useContext(PreviewActionsContext);
}

/**
 * Side panels that features add beside the built-in ones (Problems, Outline,
 * Collected). To add one, append a function here that returns a SidePanel
 * (or null when it does not apply to this post); it is given the open post's
 * context. The panel gets a toggle in the header, a command in the palette
 * ("Photos"), its shortcut, and the side slot while shown.
 */
import type { SidePanel } from '../layout/SideSlot';
import type { PostContext } from './post-context';

export type FeaturePanel = (post: PostContext) => SidePanel | null;

export const FEATURE_PANELS: readonly FeaturePanel[] = [];

/** share-image: a shared link's image is missing, not in the site, or too small (or not 1.91:1) for a large card. */
import { shareRule } from './share-facts';

export const checkShareImage = shareRule('share-image', 'image');

/** share-title: a shared link's title is missing or longer than about 70 characters. */
import { shareRule } from './share-facts';

export const checkShareTitle = shareRule('share-title', 'title');

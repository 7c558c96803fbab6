/** share-description: a shared link's description is missing or longer than about 200 characters. */
import { shareRule } from './share-facts';

export const checkShareDescription = shareRule('share-description', 'description');

/** invalid-embed: embeds that cannot load (a YouTube id that is not 11 characters, a tweet link without a status id). */
import { problemAt, type PostContext } from '../post-context';
import type { Problem } from '../types';

const PROVIDER_NAMES: Record<string, string> = {
  twitter: 'tweet', youtube: 'YouTube video', vimeo: 'Vimeo video', slideshare: 'SlideShare', speakerdeck: 'Speaker Deck', gist: 'gist', codepen: 'CodePen', iframe: 'embedded frame',
};

export function checkEmbeds(context: PostContext): Problem[] {
  return context.embeds
    .filter((embed) => !embed.valid)
    .map((embed) => {
      const at = embed.target ?? embed.start;
      const length = embed.target ? Math.max(1, (embed.url ?? embed.id ?? '').length) : embed.end.offset - embed.start.offset;
      return problemAt(context, 'invalid-embed', at.offset, length, `This ${PROVIDER_NAMES[embed.provider] ?? embed.provider} embed will not load: ${embed.problem ?? 'it is malformed.'}`);
    });
}

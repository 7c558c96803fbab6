/**
 * Where a tweet's photos are asked for, and nowhere else. oEmbed carries no
 * photo URLs, so "Archive tweets" asks Twitter's syndication API (the one its
 * own embeds and vercel/react-tweet read: `tweet-result?id=…&token=…`), and
 * fetches only photos on pbs.twimg.com named in its answer. Like the oEmbed
 * endpoints, `RECAP_OEMBED_BASE` points both at one local stand-in
 * (`<base>/syndication/tweet-result`, `<base>/pbs/media/…`), which is how the
 * tests stay off the network; no other host is ever asked.
 */

export interface TweetEndpoints {
  /** The syndication API's tweet-result URL. */
  syndication: string;
  /** Replaces `https://pbs.twimg.com` in photo URLs. */
  photos: string;
}

export const DEFAULT_TWEET_ENDPOINTS: TweetEndpoints = {
  syndication: 'https://cdn.syndication.twimg.com/tweet-result',
  photos: 'https://pbs.twimg.com',
};

export function resolveTweetEndpoints(options: { base?: string } = {}, env: NodeJS.ProcessEnv = process.env): TweetEndpoints {
  const base = (options.base ?? env.RECAP_OEMBED_BASE)?.replace(/\/+$/, '');
  return base ? { syndication: `${base}/syndication/tweet-result`, photos: `${base}/pbs` } : DEFAULT_TWEET_ENDPOINTS;
}

/** The token the syndication API asks for, derived from the id alone (as Twitter's embed script computes it). */
export function syndicationToken(statusId: string): string {
  return ((Number(statusId) / 1e15) * Math.PI).toString(36).replace(/(0+|\.)/g, '');
}

export function tweetResultRequest(statusId: string, endpoints: TweetEndpoints): string {
  return `${endpoints.syndication}?id=${encodeURIComponent(statusId)}&lang=en&token=${encodeURIComponent(syndicationToken(statusId))}`;
}

/** A tweet photo's file, at the largest size Twitter serves by name; null for anything but a photo on pbs.twimg.com. */
export function photoRequest(mediaUrl: string, endpoints: TweetEndpoints): { url: string; extension: string } | null {
  const match = /^https:\/\/pbs\.twimg\.com\/media\/([A-Za-z0-9_-]{1,64})(?:\.(jpg|jpeg|png|webp))?(?:\?[^\s#]*)?$/i.exec(mediaUrl);
  if (!match) return null;
  const query = /[?&]format=(jpg|jpeg|png|webp)\b/i.exec(mediaUrl)?.[1];
  const extension = (match[2] ?? query ?? 'jpg').toLowerCase().replace('jpeg', 'jpg');
  return { url: `${endpoints.photos}/media/${match[1]}?format=${extension}&name=large`, extension };
}

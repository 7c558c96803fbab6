import { useState, type ReactNode } from 'react';
import type { Tweet } from '../../../shared/embeds';
import { safeEmbedLink } from '../../../shared/links';
import { usePreviewActions, usePreviewEnvironment } from '../preview-context';
import { embedPageUrl } from './describe-embed';
import type { PreviewEmbed } from './embed-data';
import { frameFor } from './EmbedFacade';
import { LiveFrame } from './LiveFrame';
import { LoadControl } from './LoadControl';

/**
 * A tweet as readers will roughly see it, built from the blockquote alone:
 * author, handle, text with its links, date and a link to the tweet. The
 * widgets.js beside it never runs; the live widget loads only on request.
 */
export function TweetCard({ embed }: { embed: PreviewEmbed }) {
  const { externalContent } = usePreviewEnvironment();
  const { archiveTweet } = usePreviewActions();
  const [live, setLive] = useState(false);
  const tweet = embed.tweet;
  const url = embedPageUrl(embed);
  const frame = frameFor(embed);
  const author = tweet?.author || (tweet?.handle ? `@${tweet.handle}` : 'unknown author');
  const label = tweet?.handle ? `Tweet by ${author} (@${tweet.handle})` : `Tweet by ${author}`;

  return (
    <figure className="embed tweet-card" aria-label={label}>
      {live && externalContent && frame ? (
        <LiveFrame frame={frame} title={label} tall />
      ) : (
        <>
          <figcaption className="tweet-author">
            <span className="tweet-name">{author}</span>
            {tweet?.handle && <span className="tweet-handle">@{tweet.handle}</span>}
          </figcaption>
          {tweet?.text ? (
            <p className="tweet-text" lang={tweet.lang ?? undefined}>
              {linkify(tweet)}
            </p>
          ) : (
            <p className="tweet-text empty">{embed.id ? `Tweet ${embed.id}` : 'The tweet’s text is not in the post.'}</p>
          )}
        </>
      )}
      <p className="tweet-meta">
        {url ? <a href={url}>{tweet?.date || 'View on Twitter'}</a> : <span>{embed.problem ?? 'No link to the tweet.'}</span>}
        {frame && !live && (
          <LoadControl label={`Load live tweet by ${author}`} text="Load live tweet" externalContent={externalContent} blocked={null} onLoad={() => setLive(true)} />
        )}
        {/* Our control, not the post's: a tweet already archived is a plain quote and shows no card. */}
        {archiveTweet && embed.syntax === 'html' && tweet?.url && (
          <button type="button" className="button small tweet-archive" aria-label={`Archive tweet by ${author}`} onClick={() => archiveTweet(tweet.url)}>
            Archive tweet
          </button>
        )}
      </p>
    </figure>
  );
}

/** The tweet's text with its links where they were: each link's text is found in order. */
function linkify(tweet: Tweet): ReactNode[] {
  const parts: ReactNode[] = [];
  let rest = tweet.text;
  tweet.links.forEach((link, index) => {
    const at = link.text ? rest.indexOf(link.text) : -1;
    if (at === -1) return;
    if (at > 0) parts.push(rest.slice(0, at));
    // The same allowlist as every link: a `data:` or `javascript:` href stays text, never reaches the DOM.
    const href = safeEmbedLink(link.href);
    parts.push(
      href ? (
        <a key={index} href={href}>
          {link.text}
        </a>
      ) : (
        link.text
      ),
    );
    rest = rest.slice(at + link.text.length);
  });
  if (rest) parts.push(rest);
  return parts;
}

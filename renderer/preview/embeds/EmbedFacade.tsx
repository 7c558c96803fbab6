import { useState } from 'react';
import { liveFrameFor, liveFrameForUrl, type LiveFrame as Frame } from '../../../shared/embeds';
import { usePreviewEnvironment } from '../preview-context';
import { embedPageUrl, embedTitle, siteName } from './describe-embed';
import type { PreviewEmbed } from './embed-data';
import { LiveFrame } from './LiveFrame';
import { LoadControl } from './LoadControl';

/** The frame this embed may load, rebuilt from its id, or from an allowlisted iframe URL. */
export function frameFor(embed: PreviewEmbed): Frame | null {
  if (embed.provider === 'iframe') return embed.url ? liveFrameForUrl(embed.url) : null;
  return liveFrameFor(embed);
}

/**
 * A video, slides, gist, pen or any other frame, as a quiet card naming what
 * and where. Nothing is requested until the author allows external content
 * and clicks; then a sandboxed frame takes the card's place.
 */
export function EmbedFacade({ embed }: { embed: PreviewEmbed }) {
  const { externalContent } = usePreviewEnvironment();
  const [loaded, setLoaded] = useState(false);
  const title = embedTitle(embed);
  const frame = frameFor(embed);
  const page = embedPageUrl(embed);
  const video = embed.provider === 'youtube' || embed.provider === 'vimeo';
  const blocked = !embed.valid
    ? (embed.problem ?? 'This embed cannot be loaded.')
    : frame === null
      ? `Recap does not load frames from ${embed.host || 'this address'}.`
      : null;

  if (loaded && externalContent && frame) {
    return (
      <figure className="embed live" aria-label={title}>
        <LiveFrame frame={frame} title={title} tall={embed.provider === 'gist' || embed.provider === 'slideshare'} />
      </figure>
    );
  }
  return (
    <figure className={`embed facade ${embed.provider}`} aria-label={title}>
      <figcaption>
        <span className="embed-kind">{title}</span>
        <span className="embed-host">{embed.host || siteName(embed)}</span>
      </figcaption>
      <div className="embed-actions">
        <LoadControl
          label={`${video ? 'Play' : 'Load'} ${title}`}
          text={video ? '▶ Play' : 'Load'}
          externalContent={externalContent}
          blocked={blocked}
          onLoad={() => setLoaded(true)}
        />
        {page && <a href={page}>Open on {siteName(embed)}</a>}
      </div>
    </figure>
  );
}

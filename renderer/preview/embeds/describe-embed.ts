/** Names and links for an embed's facade: what it is, and where it lives on the web. */
import type { PreviewEmbed } from './embed-data';
import { safeEmbedLink } from '../../../shared/links';

const KIND: Record<PreviewEmbed['provider'], string> = {
  twitter: 'Tweet',
  youtube: 'YouTube video',
  vimeo: 'Vimeo video',
  slideshare: 'SlideShare presentation',
  speakerdeck: 'Speaker Deck presentation',
  gist: 'GitHub gist',
  codepen: 'CodePen',
  iframe: 'Embedded page',
};

const SITE: Record<PreviewEmbed['provider'], string> = {
  twitter: 'Twitter',
  youtube: 'YouTube',
  vimeo: 'Vimeo',
  slideshare: 'SlideShare',
  speakerdeck: 'Speaker Deck',
  gist: 'GitHub',
  codepen: 'CodePen',
  iframe: '',
};

/** "YouTube video NckMekZXRt8", "Embedded page from example.com". */
export function embedTitle(embed: PreviewEmbed): string {
  if (embed.provider === 'iframe') return `Embedded page from ${embed.host || 'an unknown host'}`;
  return embed.id ? `${KIND[embed.provider]} ${embed.id}` : KIND[embed.provider];
}

export function siteName(embed: PreviewEmbed): string {
  return SITE[embed.provider] || embed.host || 'the web';
}

/**
 * The embed's page on the web (https), for "Open on …" — opened in the
 * system browser; never a `data:`/`javascript:` URL nor one to this machine
 * or the local network (safeEmbedLink).
 */
export function embedPageUrl(embed: PreviewEmbed): string | null {
  const url = writtenOrProviderUrl(embed);
  return url === null ? null : safeEmbedLink(url);
}

function writtenOrProviderUrl(embed: PreviewEmbed): string | null {
  const { provider, id } = embed;
  const written = embed.url && /^(?:https?:)?\/\//i.test(embed.url) ? embed.url.trim().replace(/^(?:https?:)?\/\//i, 'https://') : null;
  switch (provider) {
    case 'youtube':
      return id ? `https://www.youtube.com/watch?v=${encodeURIComponent(id)}` : written;
    case 'vimeo':
      return id ? `https://vimeo.com/${encodeURIComponent(id)}` : written;
    case 'twitter':
      return embed.tweet?.url || (id ? `https://twitter.com/i/status/${encodeURIComponent(id)}` : written);
    case 'gist':
      return id ? `https://gist.github.com/${id}` : written;
    case 'codepen': {
      const [user, hash] = (id ?? '').split('/');
      return user && hash ? `https://codepen.io/${user}/pen/${hash}` : written;
    }
    case 'speakerdeck':
      return id?.includes('/') ? `https://speakerdeck.com/${id}` : written;
    default:
      return written;
  }
}

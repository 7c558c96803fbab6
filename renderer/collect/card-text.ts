/** How a collected card reads: its kind, what the link tells, and what the provider said. */
import type { CardKind, CollectedCard } from '../../shared/collect';

export const KIND_NAMES: Record<CardKind, string> = {
  tweet: 'Tweet',
  youtube: 'YouTube video',
  vimeo: 'Vimeo video',
  slideshare: 'SlideShare deck',
  speakerdeck: 'Speaker Deck deck',
  gist: 'Gist',
  codepen: 'CodePen',
  github: 'GitHub repository',
  link: 'Link',
};

/** Decorative: the kind is also written out. */
export const KIND_ICONS: Record<CardKind, string> = {
  tweet: '❝',
  youtube: '▶',
  vimeo: '▶',
  slideshare: '▤',
  speakerdeck: '▤',
  gist: '{}',
  codepen: '{}',
  github: '⎇',
  link: '↗',
};

/** What the URL alone says: "@alexellisuk · 1197617355043434497", "dQw4w9WgXcQ", "openfaas/faas", or the address. */
export function offlineFacts(card: CollectedCard): string {
  const { facts } = card;
  if (card.kind === 'tweet' && (facts.handle || facts.statusId)) return [facts.handle ? `@${facts.handle}` : null, facts.statusId].filter(Boolean).join(' · ');
  if (facts.videoId) return `video ${facts.videoId}`;
  if (facts.owner) return facts.name ? `${facts.owner}/${facts.name}` : facts.owner;
  try {
    const url = new URL(card.url);
    return url.hostname.replace(/^www\./, '') + (url.pathname === '/' ? '' : url.pathname);
  } catch {
    return card.url;
  }
}

/** The card's name for assistive technology: kind, then the best thing known about it. */
export function cardLabel(card: CollectedCard): string {
  // A tweet's title is its words (the main process reads them from the blockquote).
  const title = card.details?.title;
  return `${KIND_NAMES[card.kind]}: ${offlineFacts(card)}${title ? ` — ${title}` : ''}`;
}

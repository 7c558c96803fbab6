/**
 * Where collected cards go in a post, and which are in it already.
 * "Insert all" on an event write-up files each card into the skeleton's own
 * section (tweets into Highlights, videos and decks into Talks), at that
 * section's end; a post without such a section gets them at the caret.
 * Never a new heading.
 */
import { findEmbeds } from '../embeds/find-embeds';
import type { CardBlock } from './insert-markup';
import type { CardKind, CollectedCard } from './types';

export type CardSection = 'highlights' | 'talks';

/** Headings that name each section, in the skeleton's words and the usual variants. */
const SECTION_HEADINGS: Record<CardSection, RegExp> = {
  highlights: /\b(highlights?|hallway|tweets?|social)\b/i,
  talks: /\b(talks?|sessions?|keynotes?|videos?|slides|recordings?)\b/i,
};

export function sectionOf(kind: CardKind): CardSection {
  return kind === 'youtube' || kind === 'vimeo' || kind === 'slideshare' || kind === 'speakerdeck' ? 'talks' : 'highlights';
}

interface Heading {
  level: number;
  text: string;
  /** Offset of the heading line's start. */
  start: number;
}

/** ATX headings outside fenced code. */
function headings(body: string): Heading[] {
  const found: Heading[] = [];
  let fence: string | null = null;
  let at = 0;
  for (const line of body.split('\n')) {
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (fence === null) fence = fenceMatch[1]![0]!;
      else if (fenceMatch[1]![0] === fence) fence = null;
    } else if (fence === null) {
      const match = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(line);
      if (match) found.push({ level: match[1]!.length, text: match[2]!, start: at });
    }
    at += line.length + 1;
  }
  return found;
}

/** The offset where a section's content ends (before the next heading of its level or higher, trailing blank lines excluded), or null when the post has no such section. */
export function sectionEnd(body: string, section: CardSection): number | null {
  const all = headings(body);
  const index = all.findIndex((h) => SECTION_HEADINGS[section].test(h.text));
  if (index < 0) return null;
  const heading = all[index]!;
  const next = all.slice(index + 1).find((h) => h.level <= heading.level);
  let end = next ? next.start : body.length;
  while (end > heading.start && /\s/.test(body[end - 1]!)) end--;
  return end;
}

export interface Placement {
  /** Body offset. */
  at: number;
  text: string;
}

/**
 * Where each block goes: the end of its section when the post has one,
 * else the caret. Blocks for one place keep their order; widgets.js stays
 * after the last tweet since tweets all go to one place.
 */
export function placeBlocks(body: string, blocks: readonly (CardBlock & { kind: CardKind })[], caret: number): Placement[] {
  const byPlace = new Map<number, string[]>();
  for (const block of blocks) {
    const at = sectionEnd(body, sectionOf(block.kind)) ?? caret;
    byPlace.set(at, [...(byPlace.get(at) ?? []), block.text]);
  }
  return [...byPlace.entries()].map(([at, texts]) => ({ at, text: texts.join('\n\n') })).sort((a, b) => a.at - b.at);
}

/** Ids of the cards whose embed or link the post already holds. */
export function insertedCards(cards: readonly CollectedCard[], postText: string): Set<string> {
  const embedded = new Set<string>();
  for (const embed of findEmbeds(postText)) if (embed.id) embedded.add(`${embed.provider}:${embed.id.toLowerCase()}`);
  const inserted = new Set<string>();
  for (const card of cards) {
    if (cardKeys(card).some((key) => embedded.has(key)) || postText.includes(card.url)) inserted.add(card.id);
  }
  return inserted;
}

function cardKeys(card: CollectedCard): string[] {
  const { facts, details } = card;
  switch (card.kind) {
    case 'tweet':
      return facts.statusId ? [`twitter:${facts.statusId}`] : [];
    case 'youtube':
    case 'vimeo':
      return facts.videoId ? [`${card.kind}:${facts.videoId.toLowerCase()}`] : [];
    case 'slideshare':
    case 'speakerdeck': {
      const keys = facts.owner && facts.name ? [`${card.kind}:${facts.owner}/${facts.name}`.toLowerCase()] : [];
      const player = details?.embedUrl?.split('/').pop();
      return player ? [...keys, `${card.kind}:${player.toLowerCase()}`] : keys;
    }
    default:
      return [];
  }
}

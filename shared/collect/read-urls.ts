/**
 * Turns pasted text into collected cards: one or many links separated by
 * whitespace, each recognised offline (tweet handle and id, video id,
 * repository) by the same rules the embeds use.
 */
import { parseWebUrl } from '../embeds/parse-url';
import { recognizeEmbedUrl } from '../embeds/providers';
import type { CardFacts, CardKind } from './types';

export interface ReadLink {
  url: string;
  kind: CardKind;
  facts: CardFacts;
  /** Same for spellings of one thing (x.com and twitter.com, youtu.be and watch?v=): cards are deduplicated by it. */
  key: string;
}

export const MAX_URL_LENGTH = 2048;

/** Hosts of GitHub pages that are not repositories. */
const GITHUB_NOT_OWNERS = new Set(['orgs', 'settings', 'marketplace', 'topics', 'explore', 'features', 'sponsors', 'login', 'about', 'pricing', 'search', 'notifications']);

/**
 * Splits pasted text into links (first spelling of each kept, in order) and
 * the text that is not links, as it was pasted: the runs between links
 * on one line (a sentence stays one sentence, not a list of its words).
 */
export function readPastedLinks(text: string): { links: ReadLink[]; ignored: string[] } {
  const links: ReadLink[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  let runStart = -1;
  let runEnd = -1;
  const endRun = () => {
    if (runStart >= 0) ignored.push(text.slice(runStart, runEnd).replace(/\s+/g, ' ').trim());
    runStart = -1;
  };
  for (const match of text.matchAll(/\S+/g)) {
    const candidate = trimWord(match[0]);
    const link = candidate ? readLink(candidate) : null;
    if (!link) {
      // A new line starts a new piece of text.
      if (runStart >= 0 && text.slice(runEnd, match.index).includes('\n')) endRun();
      if (runStart < 0) runStart = match.index;
      runEnd = match.index + match[0].length;
      continue;
    }
    endRun();
    if (seen.has(link.key)) continue;
    seen.add(link.key);
    links.push(link);
  }
  endRun();
  return { links, ignored: ignored.filter(Boolean) };
}

/** One link, or null when it is not an http(s) URL. */
export function readLink(raw: string): ReadLink | null {
  const text = raw.trim();
  if (text.length > MAX_URL_LENGTH || !/^https?:\/\//i.test(text)) return null;
  const parts = parseWebUrl(text);
  if (!parts || !parts.host.includes('.')) return null;
  const url = text.replace(/^http:\/\//i, isUpgradable(parts.host) ? 'https://' : 'http://').replace(/#.*$/, '');
  const found = recognizeEmbedUrl(url);
  const segments = parts.path.split('/').filter(Boolean);

  if (found?.valid && found.id !== null) {
    switch (found.provider) {
      case 'twitter':
        return { url: stripQuery(url), kind: 'tweet', facts: { handle: segments[0] ?? '', statusId: found.id }, key: `tweet:${found.id}` };
      case 'youtube':
        return { url: `https://www.youtube.com/watch?v=${found.id}`, kind: 'youtube', facts: { videoId: found.id }, key: `youtube:${found.id}` };
      case 'vimeo':
        return { url: stripQuery(url), kind: 'vimeo', facts: { videoId: found.id }, key: `vimeo:${found.id}` };
      case 'slideshare':
      case 'speakerdeck': {
        const [owner, name] = found.id.split('/');
        const facts: CardFacts = name ? { owner: owner!, name } : {};
        return { url: stripQuery(url), kind: found.provider, facts, key: `${found.provider}:${found.id.toLowerCase()}` };
      }
      case 'gist':
      case 'codepen':
        return { url: stripQuery(url), kind: found.provider, facts: {}, key: `${found.provider}:${found.id}` };
      default:
        break;
    }
  }
  if ((parts.host === 'github.com' || parts.host === 'www.github.com') && segments.length >= 2 && !GITHUB_NOT_OWNERS.has(segments[0]!.toLowerCase())) {
    const owner = segments[0]!;
    const name = segments[1]!.replace(/\.git$/, '');
    if (/^[A-Za-z0-9-]+$/.test(owner) && /^[A-Za-z0-9._-]+$/.test(name) && segments.length === 2) {
      return { url: `https://github.com/${owner}/${name}`, kind: 'github', facts: { owner, name }, key: `github:${owner.toLowerCase()}/${name.toLowerCase()}` };
    }
  }
  return { url, kind: 'link', facts: {}, key: `link:${url.replace(/\/+$/, '')}` };
}

/** Pasted words often carry punctuation or brackets: `<https://…>,`, `(https://…)`; a URL's own `(…)` stays. */
function trimWord(word: string): string {
  let text = word.replace(/^[<("'[]+/, '');
  for (;;) {
    const last = text[text.length - 1];
    const unbalanced = (open: string, close: string) => text.split(close).length > text.split(open).length;
    if (last && '>"\',.;:!?'.includes(last)) text = text.slice(0, -1);
    else if ((last === ')' && unbalanced('(', ')')) || (last === ']' && unbalanced('[', ']'))) text = text.slice(0, -1);
    else return text;
  }
}

function stripQuery(url: string): string {
  return url.replace(/\?.*$/, '');
}

function isUpgradable(host: string): boolean {
  return /(^|\.)(twitter\.com|x\.com|youtube\.com|youtu\.be|vimeo\.com|slideshare\.net|speakerdeck\.com|github\.com|codepen\.io)$/.test(host);
}

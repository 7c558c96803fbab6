/**
 * Embeds written as generator shortcodes: Hugo `{{< youtube id >}}`,
 * Zola `{{ youtube(id="…") }}`, Jekyll/Liquid `{% youtube id %}`, and a
 * Jekyll include named for its provider: `{% include youtube.html id="…" %}`.
 */
import { recognizeEmbedUrl, tweet, youtube, type RecognizedUrl } from './providers';
import type { EmbedSyntax } from './types';

export interface ShortcodeMatch {
  syntax: EmbedSyntax;
  start: number;
  end: number;
  /** Where the id or URL argument starts. */
  target: number;
  url: string | null;
  recognized: RecognizedUrl;
  /** For an include: its file (`youtube.html`) and the parameter that carries the id or URL. */
  include?: { file: string; param: string | null };
}

const NAMES = 'youtube|vimeo|tweet|twitter|gist|speakerdeck';
/** `{% include youtube.html id="…" %}`, `{% include video/vimeo.html … %}`: the include's file name says which provider. */
const INCLUDE = /\{%-?\s*include\s+([\w./-]+)([^%]*?)-?%\}/g;
const INCLUDE_PROVIDER = /(youtube|vimeo|tweet|twitter|gist|speakerdeck|slideshare)/i;
const HUGO = new RegExp(`\\{\\{[<%]\\s*(${NAMES})\\b([^}]*?)\\s*[>%]\\}\\}`, 'g');
const ZOLA = new RegExp(`\\{\\{\\s*(${NAMES})\\(([^)]*)\\)\\s*\\}\\}`, 'g');
const LIQUID = new RegExp(`\\{%-?\\s*(${NAMES})\\b([^%]*?)-?%\\}`, 'g');
const ARGUMENT = /([A-Za-z_]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))|"([^"]*)"|'([^']*)'|(\S+)/g;

interface Argument {
  key: string | null;
  value: string;
  /** Offset of the value inside the argument text. */
  at: number;
}

function parseArguments(text: string): Argument[] {
  const args: Argument[] = [];
  for (const m of text.matchAll(ARGUMENT)) {
    const value = m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? m[7] ?? '';
    args.push({ key: m[1] ?? null, value, at: m.index + Math.max(0, m[0].indexOf(value)) });
  }
  return args;
}

function pick(args: Argument[], keys: string[], position: number): Argument | undefined {
  return args.find((a) => a.key !== null && keys.includes(a.key)) ?? args.filter((a) => a.key === null)[position];
}

/** What the shortcode's arguments name. Unknown spellings give null rather than a guess. */
function recognize(name: string, args: Argument[], syntax: EmbedSyntax): { arg: Argument; url: string | null; recognized: RecognizedUrl } | null {
  const urlArg = pick(args, ['url', 'src'], 0);
  const asUrl = urlArg && /^(https?:)?\/\//.test(urlArg.value) ? recognizeEmbedUrl(urlArg.value) : null;
  if (urlArg && asUrl) return { arg: urlArg, url: urlArg.value, recognized: asUrl };
  switch (name) {
    case 'youtube': {
      const arg = pick(args, ['id'], 0);
      return arg ? { arg, url: null, recognized: youtube(arg.value) } : null;
    }
    case 'vimeo': {
      const arg = pick(args, ['id'], 0);
      if (!arg) return null;
      const valid = /^\d+$/.test(arg.value);
      return { arg, url: null, recognized: valid ? { provider: 'vimeo', id: arg.value, host: 'player.vimeo.com', valid } : { provider: 'vimeo', id: arg.value, host: 'player.vimeo.com', valid, problem: `"${arg.value}" is not a Vimeo video id (a number).` } };
    }
    case 'tweet':
    case 'twitter': {
      const positional = args.filter((a) => a.key === null);
      const arg = pick(args, ['id'], -1) ?? positional.find((a) => /^\d+$/.test(a.value)) ?? positional[0];
      // A link to a profile or a list (`{% twitter https://twitter.com/jekyllrb %}`) embeds a timeline, not a tweet.
      if (arg && /^(https?:)?\/\//.test(arg.value) && !/\/status(es)?\//.test(arg.value)) return null;
      return arg ? { arg, url: null, recognized: tweet(arg.value) } : null;
    }
    case 'gist': {
      const positional = args.filter((a) => a.key === null);
      const user = pick(args, ['user', 'username'], 0);
      // Each generator's own order: jekyll-gist `{% gist [user/]id [file] %}`, Hugo `{{< gist user id [file] >}}`.
      const id = pick(args, ['id'], syntax === 'hugo' && positional.length > 1 ? 1 : 0);
      if (!id) return null;
      const gistId = id.value.includes('/') ? id.value : user && user !== id ? `${user.value}/${id.value}` : id.value;
      const valid = /^([\w-]+\/)?[0-9a-f]{5,}$/i.test(gistId);
      return { arg: id, url: null, recognized: valid ? { provider: 'gist', id: gistId, host: 'gist.github.com', valid } : { provider: 'gist', id: gistId, host: 'gist.github.com', valid, problem: `"${gistId}" is not a gist id.` } };
    }
    case 'slideshare': {
      const arg = pick(args, ['id', 'key'], 0);
      return arg ? { arg, url: null, recognized: { provider: 'slideshare', id: arg.value, host: 'www.slideshare.net', valid: /^[A-Za-z0-9_-]+$/.test(arg.value) } } : null;
    }
    case 'speakerdeck': {
      const arg = pick(args, ['id'], 0);
      return arg ? { arg, url: null, recognized: { provider: 'speakerdeck', id: arg.value, host: 'speakerdeck.com', valid: arg.value.length > 0 } } : null;
    }
    default:
      return null;
  }
}

export function findShortcodes(text: string): ShortcodeMatch[] {
  const found: ShortcodeMatch[] = [];
  const patterns: [RegExp, EmbedSyntax][] = [[HUGO, 'hugo'], [ZOLA, 'zola'], [LIQUID, 'liquid']];
  for (const [pattern, syntax] of patterns) {
    for (const m of text.matchAll(pattern)) {
      const argsText = m[2] ?? '';
      const argsAt = m.index + m[0].indexOf(argsText, m[1]!.length);
      const result = recognize(m[1]!, parseArguments(argsText), syntax);
      if (!result) continue;
      found.push({ syntax, start: m.index, end: m.index + m[0].length, target: argsAt + result.arg.at, url: result.url, recognized: result.recognized });
    }
  }
  for (const m of text.matchAll(INCLUDE)) {
    const file = m[1]!;
    const name = INCLUDE_PROVIDER.exec(file.split('/').pop() ?? '')?.[1]?.toLowerCase();
    if (!name) continue;
    const argsText = m[2] ?? '';
    const argsAt = m.index + m[0].indexOf(argsText, m[0].indexOf(file) + file.length);
    const args = parseArguments(argsText);
    const result = recognize(name, args, 'include');
    if (!result) continue;
    found.push({ syntax: 'include', start: m.index, end: m.index + m[0].length, target: argsAt + result.arg.at, url: result.url, recognized: result.recognized, include: { file, param: result.arg.key } });
  }
  return found;
}

/**
 * Third-party scripts that are the documented way to embed a provider's
 * content (tweets, gists, Speaker Deck, CodePen…). They belong on the page,
 * so they are not unsafe HTML; loading one twice is duplicate-script.
 */
import { parseWebUrl } from '../../embeds/parse-url';

const EMBED_SCRIPTS: { host: RegExp; path: RegExp }[] = [
  { host: /^platform\.twitter\.com$/, path: /^\/widgets\.js$/ },
  { host: /^gist\.github\.com$/, path: /^\/[\w-]+(\/[0-9a-f]+)?\.js$|^\/[\w-]+\/[0-9a-f]+\.js$/i },
  { host: /^speakerdeck\.com$/, path: /^\/assets\/embed\.js$/ },
  { host: /^(static|cpwebassets|public)\.codepen\.io$|^codepen\.io$/, path: /^\/assets\/embed\/ei\.js$/ },
  { host: /^(www\.)?instagram\.com$/, path: /^\/embed\.js$/ },
  { host: /^embedr\.flickr\.com$/, path: /^\/assets\/client-code\.js$/ },
  { host: /^asciinema\.org$/, path: /^\/a\/[\w-]+\.js$/ },
];

export function isEmbedScript(src: string): boolean {
  const url = parseWebUrl(src);
  return url !== null && EMBED_SCRIPTS.some((s) => s.host.test(url.host) && s.path.test(url.path));
}

/** Embeds in a post: find them, read tweets, learn the site's style, write new ones. */
export type { Embed, EmbedProvider, EmbedSyntax, Tweet } from './types';
export { embedProviders } from './types';
export { findEmbeds, type FindEmbedsOptions } from './find-embeds';
export { parseTweetBlockquote, isTweetBlockquote } from './tweet';
export { recognizeEmbedUrl, isHttpsHost, YOUTUBE_ID, type RecognizedUrl } from './providers';
export { detectEmbedStyle, embedMarkup, type EmbedStyle, type EmbedMarkupOptions } from './embed-style';
export { learnSiteStyle, explainSiteStyle, styleForProvider, describeChoice, type SiteEmbedStyle, type EmbedTemplate, type KindStyle, type StyleChoice, type PostEmbeds } from './site-style';
export { EMBED_FRAME_HOSTS, liveFrameFor, liveFrameForUrl, isFrameHost, type LiveFrame } from './live-frames';

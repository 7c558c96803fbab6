import type { ComponentProps } from 'react';
import { EmbedFacade } from './EmbedFacade';
import { EMBED_ATTRIBUTE, readPreviewEmbed } from './embed-data';
import { TweetCard } from './TweetCard';

type DivProps = ComponentProps<'div'> & { node?: unknown };

/**
 * Stands in for `<div>` in the preview: the pipeline's embed placeholders
 * become cards and facades, every other div renders as itself. Post HTML
 * cannot forge a placeholder: the sanitiser removes data attributes first.
 */
export function DivOrEmbed({ node: _node, ...props }: DivProps) {
  const embed = readPreviewEmbed((props as Record<string, unknown>)[EMBED_ATTRIBUTE]);
  if (!embed) return <div {...props} />;
  if (embed.provider === 'twitter' && embed.tweet) return <TweetCard embed={embed} />;
  return <EmbedFacade embed={embed} />;
}

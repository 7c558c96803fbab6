/** What an embed component receives: the embed as shared/embeds found it, without source positions. */
import type { Embed } from '../../../shared/embeds';

export type PreviewEmbed = Omit<Embed, 'start' | 'end' | 'target'>;

/** The attribute (React spelling) that carries a PreviewEmbed as JSON on the pipeline's placeholder `<div>`. */
export const EMBED_ATTRIBUTE = 'data-recap-embed';

export function toPreviewEmbed(embed: Embed): PreviewEmbed {
  const { start: _start, end: _end, target: _target, ...rest } = embed;
  return rest;
}

export function readPreviewEmbed(json: unknown): PreviewEmbed | null {
  if (typeof json !== 'string') return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && 'provider' in value ? (value as PreviewEmbed) : null;
  } catch {
    return null;
  }
}

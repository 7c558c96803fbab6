import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import { memo } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { DivOrEmbed } from './embeds/Embed';
import type { PreviewBlock } from './preview-renderer';
import { PreviewImage } from './PreviewImage';

// Post HTML renders as plain elements, except images and embed placeholders, which are ours to decide.
const components: Partial<Components> = { img: PreviewImage, div: DivOrEmbed };

/**
 * One block of the post. Memoised on its id and lines: typing in one
 * paragraph re-renders that paragraph only. Images and embeds still follow
 * the external-content switch through context.
 */
const BlockView = memo(
  function BlockView({ block }: { block: PreviewBlock }) {
    return (
      <div className="preview-block" data-line={block.line} data-end-line={block.endLine}>
        {toJsxRuntime(block.tree, { Fragment, jsx, jsxs, components })}
      </div>
    );
  },
  (a, b) => a.block.id === b.block.id && a.block.line === b.block.line && a.block.endLine === b.block.endLine,
);

export const PreviewBlocks = memo(function PreviewBlocks({ blocks }: { blocks: readonly PreviewBlock[] }) {
  const seen = new Map<string, number>();
  return (
    <>
      {blocks.map((block) => {
        // The same text twice (two `---` rules) shares an id; the occurrence keeps React keys unique.
        const n = seen.get(block.id) ?? 0;
        seen.set(block.id, n + 1);
        return <BlockView key={n === 0 ? block.id : `${block.id}#${n}`} block={block} />;
      })}
    </>
  );
});

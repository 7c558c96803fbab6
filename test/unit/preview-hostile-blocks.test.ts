/** Issue 18.6: one hostile block never blanks or hides the rest of the preview. */
import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { BlockRenderer } from '../../renderer/preview/pipeline/block-renderer';
import { splitBlocks } from '../../renderer/preview/pipeline/split-blocks';

function textOf(tree: Root | Element): string {
  return tree.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('');
}

describe('hostile blocks in the preview', () => {
  it('a 3,000-deep <div> nest is shown as text; the blocks around it still render', () => {
    const body = `Before.\n\n${'<div>'.repeat(3000)}deep${'</div>'.repeat(3000)}\n\nAfter.\n`;
    const blocks = new BlockRenderer().render(body);
    expect(blocks).toHaveLength(3);
    expect(textOf(blocks[0]!.tree!)).toBe('Before.');
    expect(textOf(blocks[1]!.tree!)).toMatch(/^This block is too deeply nested to preview; it is shown as written\.<div><div>/);
    expect(textOf(blocks[2]!.tree!)).toBe('After.');
  });

  it('an unclosed <math><mtext><table> does not hide the following blocks', () => {
    const body = ['<math><mtext><table><tr><td>x', '', ...Array.from({ length: 50 }, (_, i) => `Paragraph ${i}.\n`)].join('\n');
    const blocks = splitBlocks(body);
    expect(blocks.length).toBeGreaterThan(50);
    const rendered = new BlockRenderer().render(body);
    expect(textOf(rendered.at(-1)!.tree!)).toBe('Paragraph 49.');
  });

  it('a container that closes later still spans its blank lines', () => {
    expect(splitBlocks('<details>\n<summary>More</summary>\n\nInside.\n\n</details>\n\nAfter.')).toHaveLength(2);
  });
});

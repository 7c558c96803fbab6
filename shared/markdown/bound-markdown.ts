/**
 * Markdown with the inputs that make the parser quadratic taken out: a run
 * of more than MAX_RUN `*` or `_` (micromark matches emphasis delimiters
 * pairwise: 20,000 `*`, a word and 20,000 `*` took 46–81 s) becomes as many
 * `x`. Same length, so every offset still points at the file; such runs are
 * never links, images or HTML, which is all the check and the embed finder
 * read from the tree.
 */
const MAX_RUN = 64;
const LONG_RUN = new RegExp(`\\*{${MAX_RUN + 1},}|_{${MAX_RUN + 1},}`, 'g');

export function boundMarkdown(markdown: string): string {
  if (!markdown.includes('*'.repeat(MAX_RUN + 1)) && !markdown.includes('_'.repeat(MAX_RUN + 1))) return markdown;
  return markdown.replace(LONG_RUN, (run) => 'x'.repeat(run.length));
}

/**
 * Reads a post's front matter on the Node side: the rules and messages of
 * shared/front-matter/post-document.ts, with values read through gray-matter.
 * Every gray-matter engine that evaluates code (its defaults include an
 * eval-based JavaScript one) is replaced by a refusal: `---js` is never run.
 */
import matter from 'gray-matter';
import { FrontMatterSyntaxError, parseJson, parseToml, parseYaml } from '../../../shared/front-matter/parse-values';
import { parsePost, type ContentParser, type ParsedPost } from '../../../shared/front-matter/post-document';

const refuse = (name: string) => ({
  parse(): never {
    throw new FrontMatterSyntaxError(`Front matter written in ${name} is not supported: it would run code. Use YAML (---), TOML (+++) or JSON.`);
  },
});

const safeEngines = {
  yaml: { parse: parseYaml },
  yml: { parse: parseYaml },
  toml: { parse: parseToml },
  json: { parse: parseJson },
  js: refuse('JavaScript'),
  javascript: refuse('JavaScript'),
  coffee: refuse('CoffeeScript'),
  coffeescript: refuse('CoffeeScript'),
  cson: refuse('CSON'),
};

const throughGrayMatter: ContentParser = (language, content, block) => {
  if (language === 'json') return parseJson(content); // Hugo's `{…}` front matter has no fences for gray-matter to find
  try {
    const fence = block.raw.startsWith('+++') ? '+++' : '---';
    return matter(block.raw, { language, delimiters: fence, engines: safeEngines }).data as ReturnType<ContentParser>;
  } catch (error) {
    // gray-matter hands the engine the text after the opening fence, line break included: one line more than the content.
    if (error instanceof FrontMatterSyntaxError && error.line !== undefined) throw new FrontMatterSyntaxError(error.message, error.line - 1);
    throw error;
  }
};

export function readFrontMatter(text: string): ParsedPost {
  return parsePost(text, throughGrayMatter);
}

/**
 * Reads a post's front matter through gray-matter, with every engine that
 * evaluates code replaced by a refusal: `---js` front matter is never run.
 */
import matter from 'gray-matter';
import { splitFrontMatter, type FrontMatterBlock } from '../../../shared/document/front-matter-block';
import { FrontMatterSyntaxError, parseJson, parseToml, parseYaml } from '../../../shared/front-matter/parse-values';
import type { FrontMatterInfo } from '../../../shared/model';

const refuse = (name: string) => ({
  parse(): never {
    throw new FrontMatterSyntaxError(`Front matter written in ${name} is not supported: it would run code. Use YAML (---), TOML (+++) or JSON.`);
  },
});

/** gray-matter's defaults include an eval-based JavaScript engine; these replace all code engines. */
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

const CODE_LANGUAGE_NAMES: Record<string, string> = { js: 'JavaScript', javascript: 'JavaScript', coffee: 'CoffeeScript', coffeescript: 'CoffeeScript', cson: 'CSON' };

export interface ReadFrontMatter extends FrontMatterInfo {
  block: FrontMatterBlock | null;
  body: string;
}

export function readFrontMatter(text: string): ReadFrontMatter {
  const { block, body } = splitFrontMatter(text);
  if (!block) return { language: null, data: {}, error: null, block, body };
  const language = block.language === 'unsupported' ? null : block.language;

  if (!block.closed) {
    const fence = block.language === 'json' ? '}' : block.raw.startsWith('+++') ? '+++' : '---';
    return { language, data: null, error: { message: `The front matter is not closed: add a line with ${fence} after it.`, line: 1 }, block, body };
  }
  if (block.language === 'unsupported') {
    const name = block.declared;
    const codeLanguage = CODE_LANGUAGE_NAMES[name];
    const message = codeLanguage
      ? `Front matter written in ${codeLanguage} is not supported: it would run code. Use YAML (---), TOML (+++) or JSON.`
      : `Front matter language "${name}" is not supported. Use YAML (---), TOML (+++) or JSON.`;
    return { language: null, data: null, error: { message, line: 1 }, block, body };
  }

  try {
    const data =
      block.language === 'json'
        ? parseJson(block.content)
        : matter(block.raw, {
            language: block.language,
            delimiters: block.language === 'toml' && block.raw.startsWith('+++') ? '+++' : '---',
            engines: safeEngines,
          }).data;
    return { language, data: data as FrontMatterInfo['data'], error: null, block, body };
  } catch (error) {
    if (error instanceof FrontMatterSyntaxError) {
      // gray-matter hands the engine everything after the opening fence, so engine line N is file line N;
      // JSON front matter is parsed from the file's first line. Either way no offset is needed.
      const line = error.line;
      return { language, data: null, error: line === undefined ? { message: error.message } : { message: error.message, line }, block, body };
    }
    throw error;
  }
}

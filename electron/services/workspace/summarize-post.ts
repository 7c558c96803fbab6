/** The post-list facts of one post: title, date, draft, tags, categories, words. */
import { splitFrontMatter } from '../../../shared/document/front-matter-block';
import { fileNameDate, withoutNameDate } from '../../../shared/document/file-name-date';
import { parseYaml } from '../../../shared/front-matter/parse-values';
import { decodeEntities } from '../../../shared/html/entities';
import { isDraft } from '../../../shared/front-matter/post-document';
import { pickTopLevelYaml } from '../../../shared/front-matter/summary-fields';
import type { FrontMatterInfo, FrontMatterValue, PostSummary } from '../../../shared/model';
import { readFrontMatter } from '../front-matter/read-front-matter';
import { parseSimpleYaml } from './simple-yaml';

const DATE_IN_PERMALINK = /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})(?:\/|$)/;

/**
 * `text` may be just the head of the file when `words` is false, as long as it
 * holds the whole front matter.
 */
export function summarizePost(relative: string, text: string, { words = true }: { words?: boolean } = {}): PostSummary {
  const { data, error, body } = summaryFields(text);
  const fields = data ?? {};
  const segments = relative.split('/');
  const fileName = segments[segments.length - 1] ?? relative;
  // A page bundle (`my-post/index.md`) is named by its folder.
  const stem = /^index\.\w+$/i.test(fileName) && segments.length > 1 ? (segments[segments.length - 2] ?? fileName) : fileName.replace(/\.\w+$/, '');

  const summary: PostSummary = {
    path: relative,
    // Layouts print the title as HTML, so `&#58;` is read as `:`; the list shows what readers see.
    title: decodeEntities(stringField(fields.title) ?? firstHeading(body) ?? humanize(withoutNameDate(stem))),
    date: dateOf(fields, stem),
    draft: isDraft(relative, fields),
    tags: list(fields.tags ?? taxonomy(fields, 'tags')),
    categories: list(fields.categories ?? fields.category ?? taxonomy(fields, 'categories')),
    words: words ? countWords(body) : null,
  };
  if (error) summary.error = error.line ? `${error.message} (line ${error.line})` : error.message;
  return summary;
}

/** The fields the list needs: only the summary keys for plain YAML, the whole block otherwise. */
function summaryFields(text: string): Pick<FrontMatterInfo, 'data' | 'error'> & { body: string } {
  const { block, body } = splitFrontMatter(text);
  if (block?.language === 'yaml' && block.closed) {
    const picked = pickTopLevelYaml(block.content);
    if (picked !== null) {
      try {
        // The usual one-line values are read without js-yaml (the same values: see simple-yaml.ts).
        return { data: parseSimpleYaml(picked) ?? parseYaml(picked), error: null, body };
      } catch {
        /* the full parse below explains it */
      }
    }
  }
  return readFrontMatter(text);
}

function stringField(value: FrontMatterValue | undefined): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

function dateOf(fields: Record<string, FrontMatterValue>, stem: string): string | null {
  const written = stringField(fields.date);
  if (written) return written;
  const fromName = fileNameDate(stem);
  if (fromName) return fromName;
  // Zola sites such as the Rust blog put the date in the permalink (`path = "2014/11/20/cargo"`).
  const permalink = stringField(fields.path) ?? stringField(fields.permalink);
  const match = permalink ? DATE_IN_PERMALINK.exec(permalink) : null;
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

function taxonomy(fields: Record<string, FrontMatterValue>, name: string): FrontMatterValue | undefined {
  const taxonomies = fields.taxonomies;
  return taxonomies && typeof taxonomies === 'object' && !Array.isArray(taxonomies) ? taxonomies[name] : undefined;
}

function list(value: FrontMatterValue | undefined): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => (typeof item === 'string' || typeof item === 'number' ? [String(item)] : []));
  // Jekyll splits a tags string on spaces; a comma-separated list is common too.
  if (typeof value === 'string') return value.split(value.includes(',') ? ',' : /\s+/).map((s) => s.trim()).filter(Boolean);
  return [];
}

function firstHeading(body: string): string | null {
  const match = /^#{1,2}[ \t]+(.+?)[ \t#]*$/m.exec(body);
  return match?.[1] ?? null;
}

function humanize(stem: string): string {
  const words = stem.replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : stem;
}

/** Words = runs of characters other than ASCII white space; a char-code loop is several times faster than a regex split. */
export function countWords(body: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words;
}

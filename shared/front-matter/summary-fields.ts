/**
 * The post list needs a handful of fields. For plain YAML front matter (the
 * usual case) those top-level keys are cut out and parsed alone, which is
 * several times cheaper than parsing a long description or nested data.
 * Anything unusual returns null, and the caller parses the whole block.
 */

export const SUMMARY_KEYS: ReadonlySet<string> = new Set(['title', 'date', 'draft', 'published', 'tags', 'categories', 'category', 'taxonomies', 'path', 'permalink']);

const SIMPLE_KEY = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)/;
/** Anchors, aliases and tags make a key depend on text elsewhere. */
const NODE_PROPERTY = /(?:^|[\s[{,:])[&*!][^\s]/;

export function pickTopLevelYaml(content: string, keys: ReadonlySet<string> = SUMMARY_KEYS): string | null {
  const picked: string[] = [];
  let keep = false;
  let sawKey = false;
  let start = 0;
  while (start <= content.length) {
    let end = content.indexOf('\n', start);
    if (end === -1) end = content.length;
    const line = content.slice(start, end);
    start = end + 1;
    if (line.trim() === '' || line.charCodeAt(0) === 35 /* # */) {
      if (keep) picked.push(line);
      continue;
    }
    const first = line.charCodeAt(0);
    // A block indented as a whole (` title: …` on every line) is valid YAML: the full parse reads it.
    if (!sawKey && (first === 32 || first === 9)) return null;
    sawKey = true;
    // Indented lines and column-0 list items (`- a` under `tags:`) continue the key above.
    if (first === 32 || first === 9 || first === 45 /* - */) {
      if (first === 45 && !/^-(?:[ \t]|$)/.test(line)) return null; // `---` inside, or a `-x` scalar
      if (keep) picked.push(line);
      continue;
    }
    const key = SIMPLE_KEY.exec(line)?.[1];
    if (key === undefined) return null;
    keep = keys.has(key);
    if (keep) picked.push(line);
  }
  const text = picked.join('\n');
  return NODE_PROPERTY.test(text) ? null : text;
}

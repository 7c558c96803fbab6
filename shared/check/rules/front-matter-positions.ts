/**
 * Where a top-level front-matter key is written, found in the raw block
 * (YAML `key:`, TOML `key =` before the first table, JSON `"key":`), so
 * problems about a field point at its line and value.
 */
import type { PostContext } from '../post-context';

export function frontMatterKeyOffset(context: PostContext, key: string): number | null {
  const fm = context.frontMatter;
  if (!fm) return null;
  const content = fm.block.content;
  const name = escapeRegExp(key);
  let pattern: RegExp;
  let searchable = content;
  if (fm.block.language === 'toml') {
    pattern = new RegExp(`^[ \\t]*(?:${name}|"${name}"|'${name}')[ \\t]*=`, 'm');
    const table = /^[ \t]*\[/m.exec(content);
    if (table) searchable = content.slice(0, table.index); // keys after a [table] header belong to it
  } else if (fm.block.language === 'json') {
    pattern = new RegExp(`"${name}"\\s*:`);
  } else {
    pattern = new RegExp(`^(?:${name}|"${name}"|'${name}')[ \\t]*:`, 'm');
  }
  const match = pattern.exec(searchable);
  return match ? fm.contentStart + match.index + (match[0].length - match[0].trimStart().length) : null;
}

/** Where `value` is written on its key's line (or the next lines, for lists), else the key itself. */
export function frontMatterValueOffset(context: PostContext, key: string, value: string): number | null {
  const keyAt = frontMatterKeyOffset(context, key);
  if (keyAt === null) return null;
  const blockEnd = context.bodyStart;
  const found = context.text.slice(keyAt, blockEnd).indexOf(value);
  return found === -1 ? keyAt : keyAt + found;
}

/** The text written after `key:` on its line (dates as written, before any parser reinterprets them). */
export function frontMatterRawValue(context: PostContext, key: string): { text: string; offset: number } | null {
  const keyAt = frontMatterKeyOffset(context, key);
  if (keyAt === null) return null;
  const lineEnd = context.text.indexOf('\n', keyAt);
  const line = context.text.slice(keyAt, lineEnd === -1 ? context.text.length : lineEnd);
  const separator = /^(?:"[^"]*"|'[^']*'|[^:=]*?)\s*[:=][ \t]*/.exec(line);
  if (!separator) return null;
  const start = separator[0].length;
  return { text: line.slice(start).trim(), offset: keyAt + start };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

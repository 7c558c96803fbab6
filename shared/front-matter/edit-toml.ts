/**
 * Format-preserving edits of TOML front matter by line patching: the value
 * text of one key is replaced, a new key gets one new line in its table, a
 * deleted key loses its lines. smol-toml checks every result.
 */
import type { FrontMatterValue } from '../model';
import { getAt, type FrontMatterData } from './field-path';
import { applySplices, lineEndAfter, type Splice } from './text-splice';
import { scanToml, type TomlEntry, type TomlHeader, type TomlLayout } from './toml-layout';
import { formatTomlKey, formatTomlValue } from './toml-format';

const samePath = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((part, i) => part === b[i]);
const startsWith = (path: readonly string[], prefix: readonly string[]) => prefix.length <= path.length && prefix.every((part, i) => part === path[i]);

function findEntry(layout: TomlLayout, path: readonly string[]): TomlEntry | undefined {
  return layout.entries.find((entry) => !entry.inArrayTable && samePath(entry.path, path));
}

function entryEnd(content: string, entry: TomlEntry): number {
  return lineEndAfter(content, entry.valueEnd);
}

export function setTomlValue(content: string, data: FrontMatterData, path: readonly string[], value: FrontMatterValue, order: readonly string[] = []): string {
  const layout = scanToml(content);
  const key = path[path.length - 1]!;
  const entry = findEntry(layout, path);
  if (entry) {
    const previous = content.slice(entry.valueStart, entry.valueEnd);
    return applySplices(content, [{ start: entry.valueStart, end: entry.valueEnd, text: formatTomlValue(value, { previous, key }) }]);
  }
  // Inside an inline value (`extra = { a = 1 }`): that value is rewritten whole.
  for (let i = path.length - 1; i >= 1; i--) {
    const holder = findEntry(layout, path.slice(0, i));
    if (holder) {
      const whole = getAt(data, path.slice(0, i));
      const updated = setIn(whole, path.slice(i), value);
      const previous = content.slice(holder.valueStart, holder.valueEnd);
      return applySplices(content, [{ start: holder.valueStart, end: holder.valueEnd, text: formatTomlValue(updated, { previous }) }]);
    }
  }
  // In a `[table]` whose header is written out: a line after the table's last key.
  for (let i = path.length - 1; i >= 1; i--) {
    const header = layout.headers.find((h) => !h.array && samePath(h.path, path.slice(0, i)));
    if (header) return insertLine(content, lineAfterTable(content, layout, header), `${formatKeyPath(path.slice(i))} = ${formatTomlValue(value, { key })}`);
  }
  if (path.length > 1) {
    // A new table goes at the end, where a header cannot capture other keys.
    const line = `[${formatKeyPath(path.slice(0, -1))}]\n${formatTomlKey(key)} = ${formatTomlValue(value, { key })}`;
    return insertLine(content, content.length, line);
  }
  return insertLine(content, topLevelPosition(content, layout, key, order), `${formatTomlKey(key)} = ${formatTomlValue(value, { key })}`);
}

export function deleteTomlValue(content: string, data: FrontMatterData, path: readonly string[]): string {
  const layout = scanToml(content);
  const entry = findEntry(layout, path);
  if (entry) return applySplices(content, [{ start: entry.lineStart, end: entryEnd(content, entry), text: '' }]);
  const tables = layout.headers.filter((h) => startsWith(h.path, path));
  if (tables.length > 0) {
    // A table written as `[x]` (and its sub-tables, and dotted keys below it) goes with all its lines.
    const splices: Splice[] = [];
    for (const header of tables) splices.push({ start: header.lineStart, end: sectionEnd(content, layout, header), text: '' });
    for (const e of layout.entries) {
      if (!e.inArrayTable && startsWith(e.path, path) && !tables.some((h) => e.lineStart >= h.lineStart && e.lineStart < sectionEnd(content, layout, h))) {
        splices.push({ start: e.lineStart, end: entryEnd(content, e), text: '' });
      }
    }
    return applySplices(content, splices);
  }
  for (let i = path.length - 1; i >= 1; i--) {
    const holder = findEntry(layout, path.slice(0, i));
    if (holder) {
      const updated = setIn(getAt(data, path.slice(0, i)), path.slice(i), undefined);
      const previous = content.slice(holder.valueStart, holder.valueEnd);
      return applySplices(content, [{ start: holder.valueStart, end: holder.valueEnd, text: formatTomlValue(updated, { previous }) }]);
    }
  }
  const dotted = layout.entries.filter((e) => !e.inArrayTable && startsWith(e.path, path));
  return applySplices(content, dotted.map((e) => ({ start: e.lineStart, end: entryEnd(content, e), text: '' })));
}

function setIn(holder: FrontMatterValue | undefined, path: readonly string[], value: FrontMatterValue | undefined): FrontMatterValue {
  const base = typeof holder === 'object' && holder !== null && !Array.isArray(holder) ? { ...holder } : {};
  const [head, ...rest] = path;
  if (head === undefined) return value ?? null;
  if (rest.length === 0) {
    if (value === undefined) delete base[head];
    else base[head] = value;
    return base;
  }
  base[head] = setIn(base[head], rest, value);
  return base;
}

function formatKeyPath(path: readonly string[]): string {
  return path.map(formatTomlKey).join('.');
}

function insertLine(content: string, at: number, line: string): string {
  const lead = at > 0 && content[at - 1] !== '\n' ? '\n' : '';
  return applySplices(content, [{ start: at, end: at, text: `${lead}${line}\n` }]);
}

/** Where a header's section ends: the next header that is not below it in the same line order. */
function sectionEnd(content: string, layout: TomlLayout, header: TomlHeader): number {
  const next = layout.headers.find((h) => h.lineStart > header.lineStart);
  return next ? next.lineStart : content.length;
}

function lineAfterTable(content: string, layout: TomlLayout, header: TomlHeader): number {
  const end = sectionEnd(content, layout, header);
  const inside = layout.entries.filter((e) => e.lineStart > header.lineStart && e.lineStart < end);
  const last = inside[inside.length - 1];
  return last ? entryEnd(content, last) : header.lineEnd;
}

/** Top-level keys must come before the first table header. */
function topLevelPosition(content: string, layout: TomlLayout, key: string, order: readonly string[]): number {
  const firstHeader = layout.headers[0]?.lineStart ?? Number.POSITIVE_INFINITY;
  const topLevel = layout.entries.filter((e) => e.lineStart < firstHeader);
  const index = order.indexOf(key);
  if (index !== -1) {
    for (let i = index - 1; i >= 0; i--) {
      const before = topLevel.find((e) => e.path.length === 1 && e.path[0] === order[i]);
      if (before) return entryEnd(content, before);
    }
    for (let i = index + 1; i < order.length; i++) {
      const after = topLevel.find((e) => e.path.length === 1 && e.path[0] === order[i]);
      if (after) return after.lineStart;
    }
  }
  const last = topLevel[topLevel.length - 1];
  if (last) return entryEnd(content, last);
  return Number.isFinite(firstHeader) ? firstHeader : content.length;
}

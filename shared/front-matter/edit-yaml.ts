/**
 * Format-preserving edits of YAML front matter. The `yaml` parser gives the
 * source range of every node; an edit replaces only the characters of the
 * value it changes (or whole lines for added and removed fields/items), so
 * comments, quoting, anchors, blank lines and key order stay as written.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { FrontMatterValue } from '../model';
import { isRecord, nestValue, valuesEqual } from './field-path';
import { FrontMatterEditError } from './edit-error';
import { applySplices, indentAt, lineEndAfter, lineStartAt, type Splice } from './text-splice';
import { formatFlowValue, formatYamlKey, formatYamlScalar, formatYamlValue, replacementStyle, sharedItemStyle, type YamlScalarStyle } from './yaml-format';

type AnyPair = Pair<unknown, unknown>;

function parseEditable(content: string) {
  let doc = parseDocument(content, { uniqueKeys: true, strict: true, logLevel: 'silent' });
  // A quoted value continued at column 0 (ruby-lang's news posts) is refused by `yaml` but read by
  // Jekyll, js-yaml and so by `get`: parse a same-length copy whose continuation line breaks are spaces
  // (a single break folds to a space anyway), so every range still points into the real text.
  let ranges = content;
  for (let tries = 0; tries < 50 && doc.errors.some(isColumnZeroContinuation); tries++) {
    const at = unclosedQuoteBreak(ranges, doc.errors.find(isColumnZeroContinuation)!.pos[0]);
    if (at === -1) break;
    ranges = ranges.slice(0, at) + ' ' + ranges.slice(at + 1);
    doc = parseDocument(ranges, { uniqueKeys: true, strict: true, logLevel: 'silent' });
  }
  if (doc.errors.length > 0) throw new FrontMatterEditError('The YAML front matter is invalid; fix it in the source first.', undefined, 'invalid');
  return doc;
}

function isColumnZeroContinuation(error: { code: string; message: string }): boolean {
  return error.code === 'MISSING_CHAR' && /quote/i.test(error.message);
}

/** The line break where an unclosed quoted value reported at `pos` runs on into a line at column 0. */
function unclosedQuoteBreak(content: string, pos: number): number {
  const at = content.indexOf('\n', Math.max(0, pos - 1));
  return at !== -1 && at + 1 < content.length && /[^\s#]/.test(content[at + 1]!) ? at : -1;
}

function keyOf(pair: AnyPair): string | null {
  return isScalar(pair.key) ? String(pair.key.value) : null;
}

function findPair(map: YAMLMap, key: string): AnyPair | undefined {
  return (map.items as AnyPair[]).find((pair) => keyOf(pair) === key);
}

function rangeOf(node: unknown): [number, number] | null {
  const range = (node as Node | null)?.range;
  return range ? [range[0], range[1]] : null;
}

/** End of a node's text, without the line break that block nodes include. */
function valueEnd(content: string, node: unknown, fallback: number): number {
  const range = rangeOf(node);
  if (!range) return fallback;
  let end = range[1];
  while (end > range[0] && content[end - 1] === '\n') end--;
  return end;
}

/** Offset just after the `:` of a pair. */
function colonEnd(content: string, pair: AnyPair): number {
  const keyRange = rangeOf(pair.key);
  if (!keyRange) throw new FrontMatterEditError('Recap cannot edit this YAML key form; use the source view.');
  const colon = content.indexOf(':', keyRange[1]);
  if (colon === -1) throw new FrontMatterEditError('Recap cannot edit this YAML key form; use the source view.');
  return colon + 1;
}

/** Where a pair's text ends: after the line break of its last line. */
function pairEnd(content: string, pair: AnyPair): number {
  const afterColon = colonEnd(content, pair);
  return lineEndAfter(content, Math.max(afterColon, valueEnd(content, pair.value, afterColon)));
}

/** How the document indents block sequence items below their key (`  - a` or `- a`). */
function sequenceIndent(content: string): string {
  const match = /^([ \t]*)[^\s#-][^\n]*:[ \t]*(?:#[^\n]*)?\n([ \t]*)- /m.exec(content);
  if (!match) return '  ';
  return match[2]!.length > match[1]!.length ? match[2]!.slice(match[1]!.length) : '';
}

export function setYamlValue(content: string, path: readonly string[], value: FrontMatterValue, order: readonly string[] = [], keepStyle = false): string {
  const doc = parseEditable(content);
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    if (node === null && i === 0) return appendTopLevel(content, key, nestValue(path.slice(1), value));
    if (!isMap(node)) throw new FrontMatterEditError(`Recap cannot edit "${path.slice(0, i).join('.') || 'the front matter'}" here: it is not a set of fields.`);
    const pair = findPair(node, key);
    if (!pair) return insertPair(content, node, key, nestValue(path.slice(i + 1), value), i === 0 ? order : [], i === 0);
    if (i === path.length - 1) return replaceValue(content, pair, value, keepStyle);
    node = pair.value;
  }
  return content;
}

export function deleteYamlValue(content: string, path: readonly string[]): string {
  const doc = parseEditable(content);
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    if (!isMap(node)) return content;
    const pair = findPair(node, path[i]!);
    if (!pair) return content;
    if (i === path.length - 1) {
      if (node.flow) return replaceWhole(content, node, withoutKey(node, path[i]!));
      const keyRange = rangeOf(pair.key)!;
      return applySplices(content, [{ start: lineStartAt(content, keyRange[0]), end: pairEnd(content, pair), text: '' }]);
    }
    node = pair.value;
  }
  return content;
}

function withoutKey(map: YAMLMap, key: string): FrontMatterValue {
  const value = map.toJSON() as Record<string, FrontMatterValue>;
  delete value[key];
  return value;
}

/** Rewrites a flow collection in place (one line): `[a, b]`, `{a: 1}`. */
function replaceWhole(content: string, node: Node, value: FrontMatterValue): string {
  const range = rangeOf(node)!;
  return applySplices(content, [{ start: range[0], end: valueEnd(content, node, range[1]), text: formatFlowValue(value) }]);
}

function replaceValue(content: string, pair: AnyPair, value: FrontMatterValue, keepStyle: boolean): string {
  const node = pair.value;
  const current = node && (isScalar(node) || isMap(node) || isSeq(node) || isAlias(node)) ? (node.toJSON() as FrontMatterValue) : null;
  if (valuesEqual(current, value)) return content;
  const anchor = (node as { anchor?: string } | null)?.anchor;
  if (anchor) {
    // Aliases (*name) would silently change too: that is the author's call, in the source.
    throw new FrontMatterEditError(`"${keyOf(pair) ?? ''}" is shared with other fields through the YAML anchor &${anchor}; edit it in the front matter source.`);
  }
  const keyIndent = indentAt(content, rangeOf(pair.key)![0]);

  if (Array.isArray(value) && isSeq(node)) {
    const edited = editSequence(content, node, value);
    if (edited !== null) return edited;
  }
  const scalarValue = !Array.isArray(value) && !isRecord(value);
  if (scalarValue && (isScalar(node) || isAlias(node) || node === null)) {
    const range = rangeOf(node);
    const style = isScalar(node) ? (keepStyle ? (node.type as YamlScalarStyle | undefined) : replacementStyle(node.type, current, value)) : undefined;
    const start = colonEnd(content, pair);
    const empty = !range || range[0] === range[1];
    const blockIndent = style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED' ? blockScalarIndent(content, range![0], keyIndent) : keyIndent + '  ';
    const text = formatYamlScalar(value, { style: empty ? undefined : style, blockIndent });
    if (text === '') return applySplices(content, [{ start, end: valueEnd(content, node, start), text: '' }]);
    if (empty) return applySplices(content, [{ start, end: valueEnd(content, node, start), text: ' ' + text }]);
    return applySplices(content, [{ start: range[0], end: valueEnd(content, node, range[1]), text }]);
  }
  if (node !== null && (isSeq(node) || isMap(node)) && node.flow && !containsMultiline(value)) return replaceWhole(content, node, value);
  // A change of shape (scalar ⇄ list ⇄ map): the value after the colon is rewritten, the key line kept.
  const start = colonEnd(content, pair);
  const text = Array.isArray(value) || isRecord(value) ? formatYamlValue(value, keyIndent, sequenceIndent(content)) : formatYamlValue(value, keyIndent, '  ');
  return applySplices(content, [{ start, end: valueEnd(content, node, start), text }]);
}

function containsMultiline(value: FrontMatterValue): boolean {
  if (typeof value === 'string') return value.includes('\n');
  if (Array.isArray(value)) return value.some(containsMultiline);
  if (isRecord(value)) return Object.values(value).some(containsMultiline);
  return false;
}

/** The indentation a block scalar's lines use now, so a rewritten block lines up the same way. */
function blockScalarIndent(content: string, start: number, keyIndent: string): string {
  const firstLine = lineEndAfter(content, start);
  const match = /^[ \t]+(?=\S)/.exec(content.slice(firstLine));
  return match && match[0].length > keyIndent.length ? match[0] : keyIndent + '  ';
}

/**
 * List edits touch only the list: unchanged items keep their lines, a changed
 * item changes its line, removed items lose theirs, new items get new lines.
 */
function editSequence(content: string, seq: YAMLSeq, next: FrontMatterValue[]): string | null {
  const items = seq.items as unknown[];
  if (seq.flow) return containsMultiline(next) ? null : (editFlowSequence(content, seq, next) ?? replaceWhole(content, seq, next));
  if (next.length === 0 || items.length === 0) return null;
  const scalarItems = items.every((item) => isScalar(item) && rangeOf(item) !== null && !String(item.type).startsWith('BLOCK'));
  if (!scalarItems || next.some((item) => item === null || Array.isArray(item) || isRecord(item) || containsMultiline(item))) return null;

  const old = items as Array<{ toJSON(): unknown; range: [number, number, number]; type?: string }>;
  const same = (i: number, j: number) => valuesEqual(old[i]!.toJSON() as FrontMatterValue, next[j]);
  let prefix = 0;
  while (prefix < old.length && prefix < next.length && same(prefix, prefix)) prefix++;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < next.length - prefix && same(old.length - 1 - suffix, next.length - 1 - suffix)) suffix++;
  const oldMiddle = old.length - prefix - suffix;
  const newMiddle = next.length - prefix - suffix;

  const first = old[0]!.range[0];
  const itemPrefix = content.slice(lineStartAt(content, first), first);
  if (!/^[ \t]*-[ \t]+$/.test(itemPrefix)) return null; // items sharing a line with something else: rewrite the list instead
  const format = (value: FrontMatterValue, style?: string) =>
    formatYamlScalar(value as string | number | boolean, { style: style as YamlScalarStyle | undefined, blockIndent: '' });

  const splices: Splice[] = [];
  const common = Math.min(oldMiddle, newMiddle);
  for (let k = 0; k < common; k++) {
    const item = old[prefix + k]!;
    splices.push({ start: item.range[0], end: item.range[1], text: format(next[prefix + k]!, replacementStyle(item.type, item.toJSON(), next[prefix + k])) });
  }
  for (let k = common; k < oldMiddle; k++) {
    const item = old[prefix + k]!;
    splices.push({ start: lineStartAt(content, item.range[0]), end: lineEndAfter(content, item.range[1]), text: '' });
  }
  if (newMiddle > oldMiddle) {
    const style = sharedItemStyle(old.map((item) => ({ type: item.type, value: item.toJSON() })), false);
    const lines = next.slice(prefix + oldMiddle, prefix + newMiddle).map((value) => `${itemPrefix}${format(value, style)}\n`).join('');
    const before = prefix + oldMiddle - 1;
    const at = before >= 0 ? lineEndAfter(content, old[before]!.range[1]) : lineStartAt(content, old[0]!.range[0]);
    splices.push({ start: at, end: at, text: at === content.length && !content.endsWith('\n') ? '\n' + lines.slice(0, -1) : lines });
  }
  return applySplices(content, splices);
}

/**
 * A one-line flow list of scalars (`[a, "b", 'c']`): items that stay keep
 * their text, quoting included; new items take the quoting every item shares.
 */
function editFlowSequence(content: string, seq: YAMLSeq, next: FrontMatterValue[]): string | null {
  const old = seq.items as Array<{ toJSON(): unknown; range?: [number, number, number] | null; type?: string }>;
  if (old.length === 0 || !old.every((item) => isScalar(item) && item.range)) return null;
  if (next.some((item) => Array.isArray(item) || isRecord(item))) return null;
  const start = old[0]!.range![0];
  const end = old[old.length - 1]!.range![1];
  if (/[\n#]/.test(content.slice(start, end))) return null;
  const separator = old.length > 1 ? content.slice(old[0]!.range![1], old[1]!.range![0]) : ', ';
  if (!/^[ \t]*,[ \t]*$/.test(separator)) return null;
  const style = sharedItemStyle(old.map((item) => ({ type: item.type, value: item.toJSON() })), true);
  const unused = old.map((item) => ({ text: content.slice(item.range![0], item.range![1]), value: item.toJSON() as FrontMatterValue, used: false }));
  const texts = next.map((value) => {
    const same = unused.find((item) => !item.used && valuesEqual(item.value, value));
    if (same) {
      same.used = true;
      return same.text;
    }
    return value === null ? 'null' : formatYamlScalar(value as string | number | boolean, { style, blockIndent: '', flow: true });
  });
  if (texts.length === 0) return null;
  return applySplices(content, [{ start, end, text: texts.join(separator) }]);
}

function appendTopLevel(content: string, key: string, value: FrontMatterValue): string {
  // Front matter indented as a whole (` title: …`, v8.dev's blog) takes the new field at the same indent.
  const indent = /^([ \t]*)[^\s#]/m.exec(content)?.[1] ?? '';
  const line = `${indent}${formatYamlKey(key)}:${formatYamlValue(value, indent, sequenceIndent(content))}\n`;
  const lead = content === '' || content.endsWith('\n') ? '' : '\n';
  return content + lead + line;
}

/** A new field: after its predecessor in the template's order if there is one, else at the end of its map. */
function insertPair(content: string, map: YAMLMap, key: string, value: FrontMatterValue, order: readonly string[], topLevel: boolean): string {
  if (map.flow) {
    const current = map.toJSON() as Record<string, FrontMatterValue>;
    return replaceWhole(content, map, { ...current, [key]: value });
  }
  const pairs = map.items as AnyPair[];
  if (pairs.length === 0) return appendTopLevel(content, key, value);
  const firstKey = rangeOf(pairs[0]!.key);
  if (!firstKey) throw new FrontMatterEditError('Recap cannot edit this YAML key form; use the source view.');
  const indent = indentAt(content, firstKey[0]);
  const line = `${indent}${formatYamlKey(key)}:${formatYamlValue(value, indent, sequenceIndent(content))}\n`;

  const at = orderedPosition(content, pairs, key, order);
  if (at !== null) return applySplices(content, [{ start: at, end: at, text: line }]);
  // A top-level field goes at the very end of the block, after any trailing comments.
  if (topLevel) return appendTopLevel(content, key, value);
  const last = pairs[pairs.length - 1]!;
  const end = pairEnd(content, last);
  return applySplices(content, [{ start: end, end, text: end === content.length && !content.endsWith('\n') ? '\n' + line.slice(0, -1) : line }]);
}

function orderedPosition(content: string, pairs: AnyPair[], key: string, order: readonly string[]): number | null {
  const index = order.indexOf(key);
  if (index === -1) return null;
  for (let i = index - 1; i >= 0; i--) {
    const before = pairs.find((pair) => keyOf(pair) === order[i]);
    if (before) return pairEnd(content, before);
  }
  for (let i = index + 1; i < order.length; i++) {
    const after = pairs.find((pair) => keyOf(pair) === order[i]);
    if (after) return lineStartAt(content, rangeOf(after.key)![0]);
  }
  return null;
}

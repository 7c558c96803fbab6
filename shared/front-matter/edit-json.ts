/**
 * Format-preserving edits of JSON front matter (Hugo's `{ … }` block). JSON
 * is YAML's flow syntax, so the `yaml` parser gives every member's source
 * range; a changed value is replaced in place, a new member is added after
 * the last one with the same indentation.
 */
import { isMap, isScalar, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { FrontMatterValue } from '../model';
import { FrontMatterEditError } from './edit-error';
import { nestValue } from './field-path';
import { applySplices, indentAt, lineEndAfter, lineStartAt } from './text-splice';

type AnyPair = Pair<unknown, unknown>;

function range(node: unknown): [number, number] {
  const r = (node as Node | null)?.range;
  if (!r) throw new FrontMatterEditError('Recap cannot edit this JSON front matter safely; use the source view.');
  return [r[0], r[1]];
}

function parseMap(content: string): YAMLMap {
  const doc = parseDocument(content, { uniqueKeys: true });
  if (doc.errors.length > 0 || !isMap(doc.contents)) throw new FrontMatterEditError('The JSON front matter is invalid; fix it in the source first.', undefined, 'invalid');
  return doc.contents;
}

function findPair(map: YAMLMap, key: string): AnyPair | undefined {
  return (map.items as AnyPair[]).find((pair) => isScalar(pair.key) && String(pair.key.value) === key);
}

/** JSON text for a value placed at `indent`; multi-line when the value it replaces was. */
function formatJson(value: FrontMatterValue, indent: string, multiline: boolean): string {
  if (!multiline || value === null || typeof value !== 'object') return oneLineJson(value);
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n' + indent);
}

function oneLineJson(value: FrontMatterValue): string {
  if (Array.isArray(value)) return `[${value.map(oneLineJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.keys(value).map((k) => `${JSON.stringify(k)}: ${oneLineJson(value[k]!)}`).join(', ')}}`;
  return JSON.stringify(value);
}

export function setJsonValue(content: string, path: readonly string[], value: FrontMatterValue): string {
  let map = parseMap(content);
  for (let i = 0; i < path.length; i++) {
    const pair = findPair(map, path[i]!);
    if (!pair) return insertMember(content, map, path[i]!, nestValue(path.slice(i + 1), value));
    if (i === path.length - 1) {
      const [start, end] = range(pair.value);
      const written = content.slice(start, end);
      return applySplices(content, [{ start, end, text: formatJson(value, indentAt(content, range(pair.key)[0]), written.includes('\n')) }]);
    }
    if (!isMap(pair.value)) throw new FrontMatterEditError(`Recap cannot edit "${path.slice(0, i + 1).join('.')}" here: it is not a set of fields.`);
    map = pair.value;
  }
  return content;
}

function insertMember(content: string, map: YAMLMap, key: string, value: FrontMatterValue): string {
  const pairs = map.items as AnyPair[];
  const [mapStart, mapEnd] = range(map);
  if (pairs.length === 0) {
    const indent = indentAt(content, mapStart) + '  ';
    return applySplices(content, [{ start: mapStart, end: mapEnd, text: `{\n${indent}${JSON.stringify(key)}: ${formatJson(value, indent, true)}\n${indentAt(content, mapStart)}}` }]);
  }
  const first = range(pairs[0]!.key)[0];
  const last = pairs[pairs.length - 1]!;
  const lastEnd = range(last.value)[1];
  const ownLines = lineStartAt(content, first) !== lineStartAt(content, mapStart);
  const indent = indentAt(content, first);
  const separator = ownLines ? `,\n${indent}` : ', ';
  return applySplices(content, [{ start: lastEnd, end: lastEnd, text: `${separator}${JSON.stringify(key)}: ${formatJson(value, indent, ownLines)}` }]);
}

export function deleteJsonValue(content: string, path: readonly string[]): string {
  let map = parseMap(content);
  for (let i = 0; i < path.length; i++) {
    const pairs = map.items as AnyPair[];
    const index = pairs.findIndex((pair) => isScalar(pair.key) && String(pair.key.value) === path[i]);
    if (index === -1) return content;
    const pair = pairs[index]!;
    if (i < path.length - 1) {
      if (!isMap(pair.value)) return content;
      map = pair.value;
      continue;
    }
    const keyStart = range(pair.key)[0];
    const valueEnd = range(pair.value)[1];
    const next = pairs[index + 1];
    if (next) {
      const nextStart = range(next.key)[0];
      const sameLine = lineStartAt(content, keyStart) === lineStartAt(content, nextStart);
      return applySplices(content, [{ start: sameLine ? keyStart : lineStartAt(content, keyStart), end: sameLine ? nextStart : lineStartAt(content, nextStart), text: '' }]);
    }
    const previous = pairs[index - 1];
    if (previous) return applySplices(content, [{ start: range(previous.value)[1], end: valueEnd, text: '' }]);
    const ownLine = lineStartAt(content, keyStart) !== lineStartAt(content, range(map)[0]);
    return applySplices(content, [{ start: ownLine ? lineStartAt(content, keyStart) : keyStart, end: ownLine ? lineEndAfter(content, valueEnd) : valueEnd, text: '' }]);
  }
  return content;
}

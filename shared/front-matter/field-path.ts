/**
 * Addressing and comparing front-matter values by key path (`['extra', 'team']`).
 * Pure data operations shared by the editor, the schema and the CLI.
 */
import type { FrontMatterValue } from '../model';

export type FrontMatterData = Record<string, FrontMatterValue>;
/** A top-level key, or a path into nested tables/maps. */
export type FieldPath = string | readonly string[];

export function toPath(key: FieldPath): string[] {
  return typeof key === 'string' ? [key] : [...key];
}

export function isRecord(value: unknown): value is FrontMatterData {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function valuesEqual(a: FrontMatterValue | undefined, b: FrontMatterValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => valuesEqual(item, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && valuesEqual(a[k], b[k]));
  }
  return false;
}

export function getAt(data: FrontMatterData | null | undefined, path: readonly string[]): FrontMatterValue | undefined {
  let node: FrontMatterValue | undefined = data ?? undefined;
  for (const key of path) {
    if (!isRecord(node) || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** A copy of `data` with the value at `path` replaced (undefined deletes it); missing parents are created. */
export function withValueAt(data: FrontMatterData, path: readonly string[], value: FrontMatterValue | undefined): FrontMatterData {
  const [head, ...rest] = path;
  if (head === undefined) return data;
  const copy: FrontMatterData = { ...data };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const child = copy[head];
  if (value === undefined && !isRecord(child)) return copy;
  copy[head] = withValueAt(isRecord(child) ? child : {}, rest, value);
  return copy;
}

/** Builds `{a: {b: value}}` for the path `['a', 'b']` below an existing parent. */
export function nestValue(path: readonly string[], value: FrontMatterValue): FrontMatterValue {
  return path.reduceRight<FrontMatterValue>((inner, key) => ({ [key]: inner }), value);
}

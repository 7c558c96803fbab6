/**
 * A cache file that is either whole and Recap's own, or ignored. The first
 * line is a header naming what the file holds, its format version, the key it
 * belongs to, and the length and SHA-256 of the payload after it; a torn,
 * truncated, edited or foreign file fails one of those checks and reads as
 * missing, so the caller rebuilds it. Writes go through the atomic save (temp
 * file + rename), so two processes writing at once leave one whole version.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../documents/atomic-write';
import { asciiJson } from './ascii-json';

interface Header {
  kind: string;
  format: number;
  key: string;
  bytes: number;
  sha256: string;
  /** The payload is pure ASCII (non-ASCII characters written as JSON escapes): read as Latin-1, no UTF-8 decoding. */
  ascii?: boolean;
}

export interface SealedId {
  /** What the file holds, e.g. `recap-index`. */
  kind: string;
  /** Bumped whenever the payload's shape changes: an older file is then rebuilt. */
  format: number;
  /** What the file is for (a site root): a file for another key is ignored. */
  key: string;
}

/** Payloads larger than this are neither written nor read (the caches stay bounded). */
export const MAX_SEALED_BYTES = 64 * 1024 * 1024;

/** The payload, or null when the file is missing, unreadable, torn, foreign or of another format. */
export function readSealed(file: string, id: SealedId): unknown {
  const text = readSealedText(file, id);
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The payload as text (for payloads that are not one JSON value), or null as for readSealed. */
export function readSealedText(file: string, id: SealedId): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  const newline = bytes.indexOf(0x0a);
  if (newline <= 0 || newline > 4096) return null;
  try {
    const header = JSON.parse(bytes.toString('utf8', 0, newline)) as Partial<Header>;
    if (header.kind !== id.kind || header.format !== id.format || header.key !== id.key) return null;
    const payload = bytes.subarray(newline + 1);
    if (header.bytes !== payload.length || payload.length > MAX_SEALED_BYTES) return null;
    if (createHash('sha256').update(payload).digest('hex') !== header.sha256) return null;
    // Decoding 2 MB of UTF-8 (10,000 posts' titles) cost 10 ms; ASCII is copied as it is.
    return payload.toString(header.ascii === true ? 'latin1' : 'utf8');
  } catch {
    return null;
  }
}

/** Writes `payload` as JSON under the header; false (nothing written) when it is over the size bound. */
export async function writeSealed(file: string, id: SealedId, payload: unknown): Promise<boolean> {
  return writeSealedText(file, id, JSON.stringify(payload));
}

/**
 * Writes `text` under the header. Characters above U+007F are written as
 * `\\u` escapes, so the text must be JSON, or lines of JSON, where that
 * escape means the same character.
 */
export async function writeSealedText(file: string, id: SealedId, text: string): Promise<boolean> {
  const body = Buffer.from(asciiJson(text), 'latin1');
  if (body.length > MAX_SEALED_BYTES) return false;
  const header: Header = { kind: id.kind, format: id.format, key: id.key, bytes: body.length, sha256: createHash('sha256').update(body).digest('hex'), ascii: true };
  await writeFileAtomic(file, Buffer.concat([Buffer.from(JSON.stringify(header) + '\n', 'utf8'), body]), { createDirs: true, mode: 0o600 });
  return true;
}

/**
 * Keeps at most `keep` cache files in `dir` (the most recently written), so
 * a state folder that has seen many sites does not grow without bound.
 */
export async function pruneOldest(dir: string, keep: number): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.cache'));
  } catch {
    return;
  }
  if (names.length <= keep) return;
  const dated = await Promise.all(names.map(async (name) => ({ name, at: await stat(path.join(dir, name)).then((s) => s.mtimeMs, () => 0) })));
  dated.sort((a, b) => b.at - a.at);
  await Promise.all(dated.slice(keep).map(({ name }) => unlink(path.join(dir, name)).catch(() => undefined)));
}

/** `<dir>/<sha256 of key>.cache`: one file per site, whatever characters its path has. */
export function sealedPath(dir: string, key: string): string {
  return path.join(dir, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.cache`);
}

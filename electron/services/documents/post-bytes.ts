/** Turning a post's bytes into editor text and back, without losing a byte. */
import { createHash } from 'node:crypto';
import { detectLineEnding, normalizeLineEndings, restoreLineEndings } from '../../../shared/document/line-endings';
import type { Encoding } from '../../../shared/model';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface DecodedPost {
  /** Text as on disk, without the BOM (line endings untouched). */
  raw: string;
  /** What the editor shows: `\n` line endings. */
  text: string;
  encoding: Encoding;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A NUL byte in the first 8 KB is how git and grep tell binary files too. */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

export function decodePost(bytes: Buffer): DecodedPost {
  const bom = bytes.subarray(0, 3).equals(BOM);
  const content = bom ? bytes.subarray(3) : bytes;
  let raw: string;
  let isUtf8 = true;
  try {
    raw = utf8.decode(content);
  } catch {
    // Shown (read-only) as Latin-1 so the author can see it; never saved back this way.
    raw = content.toString('latin1');
    isUtf8 = false;
  }
  return { raw, text: normalizeLineEndings(raw), encoding: { bom, lineEnding: detectLineEnding(raw), utf8: isUtf8 } };
}

/** Bytes for `edited`, mapped onto the original so untouched lines keep their endings; the BOM is kept. */
export function encodePost(original: DecodedPost, edited: string): Buffer {
  const text = restoreLineEndings(original.raw, edited);
  const body = Buffer.from(text, 'utf8');
  return original.encoding.bom ? Buffer.concat([BOM, body]) : body;
}

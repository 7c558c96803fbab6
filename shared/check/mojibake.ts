/**
 * Mojibake: UTF-8 bytes that were decoded as Windows-1252 and saved again,
 * so `😎` became `ðŸ˜Ž` and `’` became `â€™`. A run is recognised when the
 * characters map back to bytes that form valid UTF-8, and repaired by
 * decoding those bytes.
 */

/** Windows-1252's 0x80–0x9F row; the five undefined bytes pass through as C1 controls (as browsers do). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const BYTE_OF = new Map<string, number>();
for (let i = 0; i < 32; i++) BYTE_OF.set(CP1252_HIGH[i]!, 0x80 + i);
for (let b = 0xa0; b <= 0xff; b++) BYTE_OF.set(String.fromCharCode(b), b);

export interface MojibakeRun {
  start: number;
  end: number;
  /** The text it should have been. */
  repaired: string;
}

/** Candidate lead characters: those whose byte starts a multi-byte UTF-8 sequence. */
const LEAD = /[\u00c2-\u00f4]/g;

export function findMojibake(text: string): MojibakeRun[] {
  const runs: MojibakeRun[] = [];
  LEAD.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = LEAD.exec(text))) {
    const sequence = decodeAt(text, match.index);
    if (!sequence || isTypography(text, match.index, sequence.length)) continue;
    const last = runs[runs.length - 1];
    if (last && last.end === match.index) {
      last.end = match.index + sequence.length;
      last.repaired += sequence.char;
    } else {
      runs.push({ start: match.index, end: match.index + sequence.length, repaired: sequence.char });
    }
    LEAD.lastIndex = match.index + sequence.length;
  }
  return runs;
}

/**
 * French typography puts a no-break space before `»`, `!`, `?`: `café\u00a0»`
 * reads, byte by byte, like a garbled U+083B. A word's accented last letter
 * followed by a no-break space and punctuation is correct text.
 */
function isTypography(text: string, at: number, length: number): boolean {
  if (length !== 3 || text[at + 1] !== '\u00a0') return false;
  return /[\p{L}]/u.test(text[at - 1] ?? '') || !/[\u00a0-\u00ff]/.test(text[at + 3] ?? '');
}

/** One garbled character at `at`: how many characters it spans and what it decodes to. */
function decodeAt(text: string, at: number): { length: number; char: string } | null {
  const lead = BYTE_OF.get(text[at]!);
  if (lead === undefined || lead < 0xc2 || lead > 0xf4) return null;
  const count = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
  let code = lead & (lead >= 0xf0 ? 0x07 : lead >= 0xe0 ? 0x0f : 0x1f);
  for (let k = 1; k <= count; k++) {
    const byte = BYTE_OF.get(text[at + k] ?? '');
    if (byte === undefined || byte < 0x80 || byte > 0xbf) return null;
    code = (code << 6) | (byte & 0x3f);
  }
  // Overlong forms, surrogates and out-of-range values are not UTF-8: leave them alone.
  const minimum = count === 1 ? 0x80 : count === 2 ? 0x800 : 0x10000;
  if (code < minimum || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
  return { length: count + 1, char: String.fromCodePoint(code) };
}

/**
 * Words = runs of bytes other than ASCII white space, counted in the file's
 * bytes: no decoding, no regex. UTF-8 never uses bytes below 0x80 inside a
 * multi-byte character, so this gives exactly the count of the decoded text.
 */
const SPACE = new Uint8Array(256);
for (const c of [9, 10, 11, 12, 13, 32]) SPACE[c] = 1;

export function countWordsInBytes(bytes: Uint8Array, start = 0): number {
  let words = 0;
  let before = 1; // a word starts where a non-space follows a space (or the start)
  for (let i = start; i < bytes.length; i++) {
    const space = SPACE[bytes[i]!]!;
    words += before & (space ^ 1);
    before = space;
  }
  return words;
}

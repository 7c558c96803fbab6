/**
 * JSON text in ASCII and back. Cache payloads are written in ASCII so they
 * are read without UTF-8 decoding (see sealed-file.ts); the index prints the
 * texts it stored, so it turns them back into what JSON.stringify makes.
 */

/** Every character above U+007F written as a `\u` escape: the same value, in ASCII. */
export function asciiJson(json: string): string {
  return NON_ASCII.test(json) ? json.replace(NON_ASCII_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/** A character that is not ASCII (the index also tells which stored texts have one). */
export const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_ALL = /[\u0080-\uffff]/g;

/**
 * The inverse of asciiJson for text JSON.stringify made: the escapes of
 * characters above U+007F become the characters again, while JSON.stringify's
 * own escapes stay (control characters, and lone surrogates, which it
 * escapes; a pair is one character). Each match is one escape, so `\\u00e9`
 * (a backslash, then "u00e9") is never taken for one.
 */
export function unasciiJson(ascii: string): string {
  return ascii.replace(ESCAPE, (match: string, hex: string | undefined, low: string | undefined) => {
    if (hex === undefined) return match;
    const code = parseInt(hex, 16);
    if (code >= 0xd800 && code <= 0xdbff) return low === undefined ? match : String.fromCharCode(code, parseInt(low, 16));
    const rest = low === undefined ? '' : match.slice(6); // a lone low surrogate after this one: JSON.stringify's, kept
    if (code < 0x80 || (code >= 0xdc00 && code <= 0xdfff)) return match;
    return String.fromCharCode(code) + rest;
  });
}

/** One escape: `\uXXXX` (with the low half of a pair after it, when there is one), or any other `\` and the character after it. */
const ESCAPE = /\\(?:u([0-9a-f]{4})(?:\\u(d[c-f][0-9a-f]{2}))?|[^u])/g;

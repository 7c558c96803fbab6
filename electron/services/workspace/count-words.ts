/**
 * Words = runs of bytes other than ASCII white space, counted in the file's
 * bytes: no decoding, no regex. UTF-8 never uses bytes below 0x80 inside a
 * multi-byte character, so this gives exactly the count of the decoded text
 * (countWords in summarize-post.ts, the reference the tests hold these to).
 *
 * Counting was the largest part of a cold `recap index` (150 MB for 10,000
 * real posts: 350 ms as a byte loop). It runs 16 bytes at a time in a tiny
 * WebAssembly SIMD routine (about 20× the byte loop), over bytes read
 * straight into its memory (wordBuffer), else four bytes at a time in
 * JavaScript (SWAR: bit tricks on 32-bit words, about 2×) where WebAssembly
 * SIMD is not available.
 */
const SPACE = new Uint8Array(256);
for (const c of [9, 10, 11, 12, 13, 32]) SPACE[c] = 1;
/** The word trick below reads the lowest-addressed byte as the lowest 8 bits. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** What is used of WebAssembly (the Node typings of this project do not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}

interface Simd {
  memory: WasmMemory;
  /** Words starting in memory[from, to), `to - from` a multiple of 16; `before` is 1 when the byte before `from` is space (or none). */
  count(from: number, to: number, before: number): number;
}

/**
 * (func (param $p i32) (param $end i32) (param $before i32) (result i32)):
 * per 16 bytes, a mask of the space bytes (== 32, or 9–13 as `b - 9 <u 5`),
 * then popcount(((mask << 1) | before) & ~mask), before = mask >> 15.
 */
// prettier-ignore
const MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // \0asm, version 1
  0x01, 0x08, 0x01, 0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x01, 0x7f, // type: (i32 i32 i32) -> i32
  0x03, 0x02, 0x01, 0x00, // one function of that type
  0x05, 0x03, 0x01, 0x00, 0x01, // one memory, one page to start with
  0x07, 0x12, 0x02, 0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00, 0x05, 0x63, 0x6f, 0x75, 0x6e, 0x74, 0x00, 0x00, // exports "memory", "count"
  0x0a, 0x61, 0x01, 0x5f, // code: one body of 95 bytes
  0x02, 0x02, 0x7f, 0x01, 0x7b, // locals: $words $mask i32, $v v128
  0x02, 0x40, 0x03, 0x40, // block, loop
  0x20, 0x00, 0x20, 0x01, 0x4f, 0x0d, 0x01, // br_if out when $p >= $end
  0x20, 0x00, 0xfd, 0x00, 0x00, 0x00, 0x21, 0x05, // $v = v128.load $p
  0x20, 0x05, 0x41, 0x20, 0xfd, 0x0f, 0xfd, 0x23, // $v == splat(32)
  0x20, 0x05, 0x41, 0x09, 0xfd, 0x0f, 0xfd, 0x71, 0x41, 0x05, 0xfd, 0x0f, 0xfd, 0x26, // ($v - splat(9)) <u splat(5)
  0xfd, 0x50, 0xfd, 0x64, 0x21, 0x04, // $mask = bitmask(or)
  0x20, 0x04, 0x41, 0x01, 0x74, 0x20, 0x02, 0x72, // (mask << 1) | before
  0x20, 0x04, 0x41, 0xff, 0xff, 0x03, 0x73, 0x71, // & (mask ^ 0xffff)
  0x69, 0x20, 0x03, 0x6a, 0x21, 0x03, // $words += popcnt
  0x20, 0x04, 0x41, 0x0f, 0x76, 0x21, 0x02, // $before = mask >> 15
  0x20, 0x00, 0x41, 0x10, 0x6a, 0x21, 0x00, // $p += 16
  0x0c, 0x00, 0x0b, 0x0b, // br loop, end, end
  0x20, 0x03, 0x0b, // $words
]);

function loadSimd(): Simd | null {
  const wasm = (globalThis as { WebAssembly?: Wasm }).WebAssembly;
  if (!wasm) return null;
  try {
    const { exports } = new wasm.Instance(new wasm.Module(MODULE));
    return { memory: exports.memory as WasmMemory, count: exports.count as Simd['count'] };
  } catch {
    return null; // no WebAssembly SIMD here: the JavaScript loop counts
  }
}

let simd: Simd | null | undefined;
let view: Buffer | null = null;

/**
 * A buffer of at least `size` bytes to read a file into, so its words are
 * counted where they lie (no copy); valid until the next call. Plain memory
 * where WebAssembly is not available.
 */
export function wordBuffer(size: number): Buffer {
  simd ??= loadSimd();
  if (view && view.length >= size) return view;
  if (!simd) return (view = Buffer.alloc(Math.max(size, 2 * (view?.length ?? 32 * 1024))));
  const have = simd.memory.buffer.byteLength;
  if (have < size) simd.memory.grow(Math.ceil((Math.max(size, 2 * have) - have) / 65536));
  view = Buffer.from(simd.memory.buffer); // growing detached the old view
  return view;
}

/** Words in `bytes` from `start` on. */
export function countWordsInBytes(bytes: Uint8Array, start = 0): number {
  if (start >= bytes.length) return 0;
  simd ??= loadSimd();
  if (!simd) return countWordsSwar(bytes, start);
  const memory = simd.memory.buffer;
  let words = 0;
  let before = 1;
  if (bytes.buffer === memory) {
    // In place: 16-byte steps over the middle, the byte loop for the rest.
    const from = bytes.byteOffset + start;
    const to = from + ((bytes.length - start) & ~15);
    if (to > from) {
      words = simd.count(from, to, 1);
      before = SPACE[bytes[to - bytes.byteOffset - 1]!]!;
    }
    return words + countBytes(bytes, to - bytes.byteOffset, bytes.length, before);
  }
  // Elsewhere: copied through the memory in chunks.
  const chunk = Buffer.from(memory, 0, Math.min(memory.byteLength, 64 * 1024) & ~15);
  let i = start;
  for (; bytes.length - i >= 16; ) {
    const n = Math.min(chunk.length, (bytes.length - i) & ~15);
    chunk.set(bytes.subarray(i, i + n));
    words += simd.count(0, n, before);
    i += n;
    before = SPACE[bytes[i - 1]!]!;
  }
  return words + countBytes(bytes, i, bytes.length, before);
}

function countBytes(bytes: Uint8Array, from: number, to: number, before: number): number {
  let words = 0;
  for (let i = from; i < to; i++) {
    const space = SPACE[bytes[i]!]!;
    words += before & (space ^ 1);
    before = space;
  }
  return words;
}

/** The JavaScript way, four bytes at a time. Exported for the tests. */
export function countWordsSwar(bytes: Uint8Array, start = 0): number {
  const end = bytes.length;
  let words = 0;
  let before = 1; // a word starts where a non-space follows a space (or the start)
  let i = start;
  // Byte by byte up to a 4-byte boundary of the underlying memory (typed arrays of 32 bits must be aligned)…
  const aligned = Math.min(end, i + ((4 - ((bytes.byteOffset + i) & 3)) & 3));
  for (; i < aligned; i++) {
    const space = SPACE[bytes[i]!]!;
    words += before & (space ^ 1);
    before = space;
  }
  // …then a word of four bytes at a time…
  const quads = LITTLE_ENDIAN ? (end - i) >> 2 : 0;
  if (quads > 0) {
    const words32 = new Int32Array(bytes.buffer, bytes.byteOffset + i, quads);
    for (let q = 0; q < quads; q++) {
      const w = words32[q]!;
      const low = w & 0x7f7f7f7f;
      // Per byte, the top bit says: the byte is 32 (x is 0 there)…
      const x = w ^ 0x20202020;
      const notSpace32 = (((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x) & 0x80808080;
      // …or it is 9–13: below 14 (0x8d - b keeps its top bit for b ≤ 13, never borrows) and at least 9, and not ≥ 0x80.
      const tab = (0x8d8d8d8d - low) & (low + 0x77777777) & ~w;
      const space = ((~notSpace32 | tab) & 0x80808080) >>> 7; // 1 in the low bit of each space byte
      // A word starts at a non-space byte whose previous byte (the next lower one, or the last of the previous word) is space.
      const starts = ((space << 8) | before) & ~space & 0x01010101;
      words += Math.imul(starts, 0x01010101) >>> 24; // adds up the four bytes
      before = space >>> 24;
    }
    i += quads << 2;
  }
  return words + countBytes(bytes, i, end, before);
}

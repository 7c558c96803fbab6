/**
 * File-name slugs from titles. Unicode-aware: accents are dropped
 * ("Café" → "cafe") but letters of other scripts are kept ("東京" stays).
 */
const MAX_SLUG_LENGTH = 80;

export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = [...slug].slice(0, MAX_SLUG_LENGTH).join('').replace(/-+$/, '');
  return cut === '' ? 'untitled' : cut.normalize('NFC');
}

/** `slug`, then `slug-2`, `slug-3`…: the candidates for a file that must not overwrite another. */
export function* slugCandidates(slug: string): Generator<string> {
  yield slug;
  for (let n = 2; ; n++) yield `${slug}-${n}`;
}

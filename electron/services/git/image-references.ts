/**
 * The local images a post references, as written: Markdown images (inline and
 * reference style), HTML <img src>/srcset, and image-like front-matter fields
 * (`image:`, `cover:`, `header.teaser`…). Remote URLs are left out.
 */
import type { FrontMatterValue } from '../../../shared/model';

const INLINE_IMAGE = /!\[(?:[^\]\\]|\\.)*\]\(\s*(<[^>\n]*>|[^\s)]+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const REFERENCE_IMAGE = /!\[((?:[^\]\\]|\\.)*)\]\[((?:[^\]\\]|\\.)*)\]/g;
const DEFINITION = /^ {0,3}\[((?:[^\]\\]|\\.)+)\]:\s*(<[^>\n]*>|\S+)/gm;
const IMG_TAG = /<(?:img|source)\b[^>]*>/gi;
const ATTRIBUTE = /\b(src|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const IMAGE_KEY = /image|cover|thumbnail|teaser|banner|hero|photo|picture|og_img/i;
const IMAGE_EXTENSION = /\.(?:png|jpe?g|gif|webp|avif|svg|bmp|ico|tiff?)$/i;

/** References in order of first appearance, without duplicates. */
export function findImageReferences(body: string, frontMatter: Record<string, FrontMatterValue> | null): string[] {
  const found: string[] = [];
  const add = (raw: string) => {
    const cleaned = raw.trim().replace(/^<|>$/g, '');
    if (cleaned && !found.includes(cleaned)) found.push(cleaned);
  };
  if (frontMatter) collectFrontMatter(frontMatter, false, add);
  for (const match of body.matchAll(INLINE_IMAGE)) add(match[1]!);

  const definitions = new Map<string, string>();
  for (const match of body.matchAll(DEFINITION)) definitions.set(normalizeLabel(match[1]!), match[2]!);
  for (const match of body.matchAll(REFERENCE_IMAGE)) {
    const label = normalizeLabel(match[2] || match[1]!);
    const target = definitions.get(label);
    if (target) add(target);
  }

  for (const tag of body.matchAll(IMG_TAG)) {
    for (const attribute of tag[0].matchAll(ATTRIBUTE)) {
      const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
      if (attribute[1]!.toLowerCase() === 'srcset') {
        // "a.jpg 1x, b.jpg 2x": each candidate's URL is its first word.
        for (const candidate of value.split(',')) add(candidate.trim().split(/\s+/)[0] ?? '');
      } else add(value);
    }
  }
  return found.filter(isLocal);
}

function collectFrontMatter(value: FrontMatterValue, underImageKey: boolean, add: (raw: string) => void): void {
  if (typeof value === 'string') {
    if (underImageKey && IMAGE_EXTENSION.test(stripQuery(value))) add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectFrontMatter(item, underImageKey, add);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) collectFrontMatter(item, underImageKey || IMAGE_KEY.test(key), add);
  }
}

function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

function isLocal(reference: string): boolean {
  // Any scheme (http:, data:, mailto:…) or protocol-relative URL is not a file in the site.
  return !/^[a-z][a-z0-9+.-]*:/i.test(reference) && !reference.startsWith('//') && !reference.startsWith('#');
}

export function stripQuery(reference: string): string {
  return reference.replace(/[?#].*$/, '');
}

/**
 * The file path a reference names, or null when it cannot be a plain file:
 * Liquid/Hugo prefixes such as `{{ site.baseurl }}` are dropped, escapes decoded.
 */
export function referencePath(reference: string): string | null {
  let value = stripQuery(reference).replace(/^\{\{[^}]*\}\}/, '');
  if (value.includes('{{') || value.includes('{%')) return null;
  try {
    value = decodeURI(value);
  } catch {
    // keep it as written
  }
  return value || null;
}

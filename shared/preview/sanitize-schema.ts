/**
 * What post HTML may keep in the preview: GitHub's schema, fitted to what
 * write-ups use (tables, details/summary, figure/figcaption, kbd, sup/sub,
 * images with width/height/loading), and tightened: no forms, no style
 * attributes (CSS can fetch with url()), no srcset or <source> (images load
 * only through the preview's own <img>), no tab stops or access keys.
 * The Page view (electron/services/page) applies the same schema to a
 * post body before it enters the site's layouts.
 * Frames never pass: iframes, embed scripts and tweets are replaced by
 * components before this runs, and whatever is left is stripped whole.
 */
import { defaultSchema } from 'rehype-sanitize';
import type { Options as Schema } from 'rehype-sanitize';

type Attributes = NonNullable<Schema['attributes']>;

const ADDED_TAGS = ['figure', 'figcaption', 'mark', 'abbr', 'cite', 'dfn', 'small', 'u', 'time', 'center', 'caption', 'colgroup', 'col', 'address', 'aside', 'article', 'header', 'footer', 'nav', 'main', 'hgroup', 'wbr', 'bdi', 'bdo', 'data'];
const REMOVED_TAGS = new Set(['picture', 'source', 'input']);
/** Removed with everything inside: their content is code, foreign markup or a document of its own, never text to show. */
const STRIPPED = ['script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'textarea', 'select', 'title', 'xmp', 'noembed', 'noframes', 'plaintext', 'link', 'meta', 'base', 'form', 'button', 'audio', 'video', 'canvas', 'dialog', 'portal'];
const REMOVED_GLOBAL_ATTRIBUTES = new Set(['action', 'method', 'encType', 'acceptCharset', 'accept', 'accessKey', 'tabIndex', 'useMap', 'isMap', 'prompt', 'checked', 'readOnly', 'multiple', 'maxLength', 'selected']);

/** The tag of the placeholder an embed leaves in the HTML; only the pipeline writes (and removes) it. */
export function embedPlaceholderTag(nonce: string): string {
  return `recap-embed-${nonce}`;
}

export function previewSchema(placeholderTag: string): Schema {
  const base = defaultSchema;
  const attributes: Attributes = { ...base.attributes };
  attributes['*'] = (base.attributes?.['*'] ?? []).filter((entry) => !REMOVED_GLOBAL_ATTRIBUTES.has(typeof entry === 'string' ? entry : entry[0]));
  attributes.img = ['src', 'alt', 'title', 'width', 'height', 'loading', 'ariaLabel', 'ariaDescribedBy', 'ariaLabelledBy'];
  attributes.a = [...(base.attributes?.a ?? []), 'title'];
  attributes.time = ['dateTime'];
  attributes.abbr = ['title'];
  attributes.col = ['span'];
  attributes[placeholderTag] = ['dataI'];
  delete attributes.source;

  return {
    ...base,
    tagNames: [...(base.tagNames ?? []).filter((tag) => !REMOVED_TAGS.has(tag)), ...ADDED_TAGS, placeholderTag],
    attributes,
    protocols: {
      ...base.protocols,
      href: ['http', 'https', 'mailto'],
      // data: images are narrowed to raster types after sanitising (see restrictDataImages).
      src: ['http', 'https', 'data'],
    },
    strip: STRIPPED,
    required: {},
  };
}

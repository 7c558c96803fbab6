/**
 * One severity per rule, so the CLI's exit code and the Problems badge agree.
 * Errors are what breaks the published page or puts readers at risk;
 * warnings degrade it; info is advice (nothing blocks on it).
 */
import type { RuleId, Severity } from './types';

export const ruleSeverity: Record<RuleId, Severity> = {
  'empty-link': 'error', // a link that goes nowhere
  'missing-image': 'error', // a broken image on the page
  'unsafe-html': 'error', // script or handlers run on readers' machines
  'invalid-front-matter': 'error', // the generator cannot build the post
  'required-field': 'warning', // inferred from the page's siblings; an error only where .recap.json declares the field required
  'unknown-value': 'error', // e.g. an author the site has no page for
  'invalid-embed': 'error', // a video or tweet that cannot load
  'invalid-date': 'error', // the generator refuses the post
  'missing-alt': 'warning', // readable, but not accessible
  'insecure-url': 'warning', // works, but mixed content or a needless http hop
  'duplicate-script': 'warning', // works, loads the same script again
  'mojibake': 'warning', // garbled characters, but the page builds
  'filename-date': 'warning', // the generator picks one date; which one is surprising
  'share-title': 'warning', // the link still works; its title is cut or bare
  'share-description': 'warning',
  'share-image': 'warning', // shown small, cropped or not at all
};

import { useMemo } from 'react';
import { splitFrontMatter } from '../../shared/document/front-matter-block';
import { parsePost } from '../../shared/front-matter/post-document';
import type { OpenPost } from './document-store';

interface FrontMatterSummaryProps {
  post: OpenPost;
  expanded: boolean;
  controls: string;
  onToggle: () => void;
}

const AUTHOR_KEYS = ['author', 'authors', 'author_staff_member', 'by'];
const GROUP_KEYS = ['categories', 'category', 'tags'];

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(', ') || null;
  return null;
}

function pick(data: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const found = text(data[key]);
    if (found) return found;
  }
  return null;
}

/**
 * The front matter in one line — title · date · author · categories — that
 * opens the form, so the fields never push the text down unless asked for.
 */
export function FrontMatterSummary({ post, expanded, controls, onToggle }: FrontMatterSummaryProps) {
  // Unedited: the main process already parsed it when the post was read; parse again only after an edit of it.
  // Keyed by the block alone, so typing in the body parses nothing.
  const data = useMemo(() => {
    const unedited = post.loaded.text.startsWith(post.frontMatter) && (splitFrontMatter(post.loaded.text).block?.raw ?? '') === post.frontMatter;
    const parsed = unedited && post.loaded.frontMatter.data ? post.loaded.frontMatter.data : parsePost(post.frontMatter).data;
    return (parsed ?? null) as Record<string, unknown> | null;
  }, [post.frontMatter, post.loaded]);

  const parts = data
    ? [pick(data, ['title']), pick(data, ['date']), pick(data, AUTHOR_KEYS), pick(data, GROUP_KEYS)].filter((part): part is string => part !== null)
    : [];
  const broken = data === null && post.frontMatter !== '';
  const summary = broken ? 'The front matter cannot be read — open it to fix' : parts.length > 0 ? parts.join(' · ') : post.frontMatter === '' ? 'No front matter' : 'Front matter';
  return (
    <div className="fm-summary">
      <button type="button" className="fm-summary-button" aria-expanded={expanded} aria-controls={controls} onClick={onToggle} data-broken={broken || undefined}>
        <span className="fm-summary-chevron" aria-hidden="true">
          {expanded ? '▾' : '▸'}
        </span>
        <span className="visually-hidden">Front matter: </span>
        <span className="fm-summary-text">{summary}</span>
      </button>
    </div>
  );
}

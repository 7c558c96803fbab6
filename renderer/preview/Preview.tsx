import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { memo, useMemo, type MouseEvent } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { safeExternalUrl } from '../../shared/links';
import { useApi } from '../app/api-context';
import { usePreviewTree } from './use-preview-tree';
import './preview.css';

/** The rendered post body. Sanitised in the worker; links never navigate the app. */
export const Preview = memo(function Preview({ markdown }: { markdown: string }) {
  const api = useApi();
  const { tree, error } = usePreviewTree(markdown);
  const content = useMemo(() => (tree ? toJsxRuntime(tree, { Fragment, jsx, jsxs }) : null), [tree]);

  const onClick = (event: MouseEvent<HTMLElement>) => {
    const anchor = event.target instanceof Element ? event.target.closest('a') : null;
    if (!anchor || !event.currentTarget.contains(anchor)) return;
    event.preventDefault();
    const href = anchor.getAttribute('href') ?? '';
    if (href.startsWith('#')) {
      scrollToFragment(event.currentTarget, href.slice(1));
      return;
    }
    const url = safeExternalUrl(href);
    if (!url) return;
    api.openLink({ url }).then(
      ({ opened }) => {
        // Browser mode cannot reach the system browser; a new tab is the next best thing.
        if (!opened) window.open(url, '_blank', 'noopener,noreferrer');
      },
      () => {},
    );
  };

  return (
    <section aria-label="Preview" className="preview" onClick={onClick} onAuxClick={(event) => event.preventDefault()}>
      {error && (
        <p role="alert" className="notice danger">
          The preview could not be rendered: {error}
        </p>
      )}
      <article className="preview-body">{content}</article>
    </section>
  );
});

function scrollToFragment(container: HTMLElement, fragment: string): void {
  let id: string;
  try {
    id = decodeURIComponent(fragment);
  } catch {
    id = fragment;
  }
  // The sanitiser prefixes ids with `user-content-` so posts cannot clobber the app's own ids.
  const target = [`user-content-${id}`, id]
    .map((candidate) => document.getElementById(candidate))
    .find((element) => element !== null && container.contains(element));
  target?.scrollIntoView?.({ block: 'start' });
}

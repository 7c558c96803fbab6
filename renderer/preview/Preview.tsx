import { memo, useMemo, useRef, type MouseEvent, type RefObject } from 'react';
import { safeExternalUrl } from '../../shared/links';
import type { SiteKind } from '../../shared/model';
import { useApi } from '../app/api-context';
import { ExternalContentSwitch } from './ExternalContentSwitch';
import { PreviewEnvironmentContext, type PreviewEnvironment } from './preview-context';
import { PreviewBlocks } from './PreviewBlocks';
import { usePreviewFollowsEditor } from './scroll-sync';
import { usePreviewBlocks } from './use-preview-blocks';
import { usePreviewSettings } from './use-preview-settings';
import './preview.css';

interface PreviewProps {
  markdown: string;
  /** The post's path in the site, for relative images. */
  postPath?: string;
  siteKind?: SiteKind;
  /** Holds the editor: the preview follows its scrolling by source line. */
  editorRoot?: RefObject<HTMLElement | null>;
}

/**
 * The rendered post body: safe (sanitised in the worker, no post script ever
 * runs), private (nothing leaves the machine until the author allows external
 * content for this site), and faithful (tweets as cards, embeds as facades).
 * Links never navigate the app.
 */
export const Preview = memo(function Preview({ markdown, postPath = '', siteKind = 'unknown', editorRoot }: PreviewProps) {
  const api = useApi();
  const { blocks, error } = usePreviewBlocks(markdown);
  const { settings, setExternalContent, error: settingsError } = usePreviewSettings(api);
  const scrollRef = useRef<HTMLDivElement>(null);
  usePreviewFollowsEditor(editorRoot, scrollRef);
  const environment = useMemo<PreviewEnvironment>(
    () => ({ externalContent: settings.externalContent, postPath, siteKind }),
    [settings.externalContent, postPath, siteKind],
  );

  const onClick = (event: MouseEvent<HTMLElement>) => {
    const anchor = event.target instanceof Element ? event.target.closest('a') : null;
    if (!anchor || !event.currentTarget.contains(anchor)) return;
    event.preventDefault();
    const href = anchor.getAttribute('href') ?? '';
    if (href.startsWith('#')) {
      scrollToFragment(event.currentTarget, href.slice(1));
      return;
    }
    // Protocol-relative links (`//www.slideshare.net/…`) are web links too.
    const url = safeExternalUrl(href.startsWith('//') ? `https:${href}` : href);
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
      <div className="preview-toolbar">
        <ExternalContentSwitch on={settings.externalContent} onChange={setExternalContent} />
        {settingsError && (
          <span role="alert" className="preview-toolbar-error">
            Not remembered: {settingsError}
          </span>
        )}
      </div>
      <div className="preview-scroll" ref={scrollRef}>
        {error && (
          <p role="alert" className="notice danger">
            The preview could not be rendered: {error}
          </p>
        )}
        <article className="preview-body">
          <PreviewEnvironmentContext value={environment}>{blocks && <PreviewBlocks blocks={blocks} />}</PreviewEnvironmentContext>
        </article>
      </div>
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

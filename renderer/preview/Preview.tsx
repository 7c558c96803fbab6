import { memo, useMemo, useRef, useState, type MouseEvent, type RefObject } from 'react';
import { safeExternalUrl } from '../../shared/links';
import type { SiteKind } from '../../shared/model';
import { useApi } from '../app/api-context';
import type { PagePreview } from '../../shared/page/page-preview';
import { ExternalContentSwitch } from './ExternalContentSwitch';
import { PagePanel } from './page/PagePanel';
import { PreviewTabs, previewPanelId, type PreviewTab } from './PreviewTabs';
import { ShareCardPanel } from './share/ShareCardPanel';
import { usePagePreview } from './use-page-preview';
import { PreviewEnvironmentContext, type PreviewEnvironment } from './preview-context';
import { PreviewBlocks } from './PreviewBlocks';
import { usePreviewFollowsEditor } from './scroll-sync';
import { usePreviewBlocks } from './use-preview-blocks';
import { usePreviewSettings } from './use-preview-settings';
import './preview.css';

interface PreviewProps {
  markdown: string;
  /** The post's front-matter block as written; with the body it is the whole post the Page view renders. */
  frontMatter?: string;
  /** The post's path in the site, for relative images. */
  postPath?: string;
  siteKind?: SiteKind;
  /** Holds the editor: the preview follows its scrolling by source line. */
  editorRoot?: RefObject<HTMLElement | null>;
}

/**
 * Region "Preview", shown as the published page ("Page": the site's own
 * layouts and stylesheet in a frame that runs nothing), as text ("Text":
 * the sanitised body, sanitised in the worker), or as a shared link
 * ("Share card"). Safe: no post or site script ever runs; private: nothing
 * leaves the machine until the author allows external content for this
 * site. Links never navigate the app.
 */
export const Preview = memo(function Preview({ markdown, frontMatter = '', postPath = '', siteKind = 'unknown', editorRoot }: PreviewProps) {
  const api = useApi();
  const { settings, setExternalContent, error: settingsError } = usePreviewSettings();
  const [chosen, setChosen] = useState<PreviewTab | null>(null);
  const text = frontMatter + markdown;
  // Text shows at once; Page takes over when the site's layouts rendered (the first page of a site compiles its Sass).
  const [known, setKnown] = useState<PagePreview | null>(null);
  const automatic: PreviewTab = known?.status === 'page' && known.layoutsRendered ? 'page' : 'text';
  const tab = chosen ?? automatic;
  const renderPages = postPath !== '' && (tab === 'page' || known === null);
  const page = usePagePreview(api, postPath, text, settings.externalContent, renderPages);
  if (page.preview !== null && page.preview !== known && known === null) setKnown(page.preview);

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

  const unavailable = page.preview?.status === 'unavailable' ? page.preview.reason : null;
  return (
    <section aria-label="Preview" className="preview" onClick={onClick} onAuxClick={(event) => event.preventDefault()}>
      <div className="preview-toolbar">
        <PreviewTabs selected={tab} onSelect={setChosen} />
        <ExternalContentSwitch on={settings.externalContent} onChange={setExternalContent} />
        {settingsError && (
          <span role="alert" className="preview-toolbar-error">
            Not remembered: {settingsError}
          </span>
        )}
      </div>
      <div role="tabpanel" id={previewPanelId(tab)} aria-labelledby={`preview-tab-${tab}`} className={`preview-panel preview-panel-${tab}`}>
        {tab === 'page' && <PagePanel preview={page.preview} error={page.error} editorRoot={editorRoot} />}
        {tab === 'text' && <TextPreview markdown={markdown} postPath={postPath} siteKind={siteKind} editorRoot={editorRoot} externalContent={settings.externalContent} note={siteKind === 'jekyll' || siteKind === 'eleventy' ? unavailable : null} />}
        {tab === 'share' && <ShareCardPanel api={api} path={postPath} text={text} externalContent={settings.externalContent} />}
      </div>
    </section>
  );
});

interface TextPreviewProps {
  markdown: string;
  postPath: string;
  siteKind: SiteKind;
  editorRoot?: RefObject<HTMLElement | null>;
  externalContent: boolean;
  /** Why the Page view is not shown, in one line. */
  note: string | null;
}

/** The Text tab: the body rendered block by block in the worker; mounted only while shown, so a hidden tab costs typing nothing. */
function TextPreview({ markdown, postPath, siteKind, editorRoot, externalContent, note }: TextPreviewProps) {
  const { blocks, error } = usePreviewBlocks(markdown);
  const scrollRef = useRef<HTMLDivElement>(null);
  usePreviewFollowsEditor(editorRoot, scrollRef);
  const environment = useMemo<PreviewEnvironment>(() => ({ externalContent, postPath, siteKind }), [externalContent, postPath, siteKind]);
  return (
    <div className="preview-scroll" ref={scrollRef}>
      {note && <p className="page-status">{note}</p>}
      {error && (
        <p role="alert" className="notice danger">
          The preview could not be rendered: {error}
        </p>
      )}
      <article className="preview-body">
        <PreviewEnvironmentContext value={environment}>{blocks && <PreviewBlocks blocks={blocks} />}</PreviewEnvironmentContext>
      </article>
    </div>
  );
}

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

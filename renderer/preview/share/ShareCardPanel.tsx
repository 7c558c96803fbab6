import type { ReactNode } from 'react';
import type { RecapBridge } from '../../../shared/bridge';
import { PAGE_ASSET_ROUTE } from '../../../shared/page/page-preview';
import type { ShareCardView } from '../../../shared/share/share-card';
import { shareIssues } from '../../../shared/share/share-checks';
import { useShareCard } from './use-share-card';

interface ShareCardPanelProps {
  api: RecapBridge;
  path: string;
  text: string;
  externalContent: boolean;
}

/** Region "Share card": how a link to the post looks on X, Facebook/LinkedIn, Mastodon and Slack, from the values `recap share` prints. */
export function ShareCardPanel({ api, path, text, externalContent }: ShareCardPanelProps) {
  const { view, error } = useShareCard(api, path, text);
  return (
    <section aria-label="Share card" className="share-panel">
      {error && (
        <p role="alert" className="notice danger">
          The share card could not be resolved: {error}
        </p>
      )}
      {!view && !error && <p className="share-loading">Resolving the share card…</p>}
      {view && <ShareCards view={view} externalContent={externalContent} />}
    </section>
  );
}

function imageSource(view: ShareCardView, externalContent: boolean): string | null {
  if (view.imagePath) return `${PAGE_ASSET_ROUTE}${view.imagePath.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/')}`;
  if (view.card.image && externalContent && /^https:\/\//i.test(view.card.image)) return view.card.image;
  return null;
}

function hostOf(url: string | null): string {
  if (!url) return 'no address (set url in the site’s configuration)';
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function ShareCards({ view, externalContent }: { view: ShareCardView; externalContent: boolean }) {
  const { card } = view;
  const src = imageSource(view, externalContent);
  const host = hostOf(card.url);
  const issues = shareIssues({
    title: card.title,
    description: card.description,
    image: card.image,
    card: card.card,
    // An image on another site is not fetched, so not measured; one of this site that is not there is a problem.
    imageSize: view.imagePath ? view.imageSize : card.image !== null && /^https?:/i.test(card.image) && hostOf(card.image) !== host ? 'remote' : null,
  });
  const image = (className: string) =>
    src ? (
      <img className={className} src={src} alt="" />
    ) : (
      <span className={`${className} share-image-missing`}>{card.image ? (view.imagePath === null && !externalContent ? 'External image not loaded' : 'Image not found') : 'No image'}</span>
    );
  const title = card.title ?? '(no title)';
  return (
    <div className="share-cards">
      {issues.length > 0 && (
        <ul className="share-issues" aria-label="Share problems">
          {issues.map((issue) => (
            <li key={issue.rule + issue.message}>
              <span className="share-issue-rule">{issue.rule}</span> {issue.message}
            </li>
          ))}
        </ul>
      )}
      <dl className="share-values">
        <dt>Title</dt>
        <dd>{card.title ?? '—'}</dd>
        <dt>Description</dt>
        <dd>{card.description ?? '—'}</dd>
        <dt>Image</dt>
        <dd>{card.image ?? '—'}{view.imageSize ? ` (${view.imageSize.width}×${view.imageSize.height})` : ''}</dd>
        <dt>URL</dt>
        <dd>{card.url ?? '—'}</dd>
      </dl>

      <figure className="share-card" aria-label="X">
        <figcaption>X ({card.card === 'summary_large_image' ? 'large image' : 'summary'})</figcaption>
        {card.card === 'summary_large_image' ? (
          <div className="share-x-large">
            {image('share-x-large-image')}
            <span className="share-x-title-overlay">{title}</span>
            <span className="share-host">From {host}</span>
          </div>
        ) : (
          <div className="share-x-summary">
            {image('share-x-thumb')}
            <div>
              <span className="share-host">{host}</span>
              <strong className="share-title">{title}</strong>
              <span className="share-description">{card.description}</span>
            </div>
          </div>
        )}
      </figure>

      <LinkCard label="Facebook and LinkedIn" caption="Facebook / LinkedIn" className="share-og" image={image('share-og-image')} host={<span className="share-host upper">{host}</span>} title={title} description={card.description} oneLine />
      <LinkCard label="Mastodon" caption="Mastodon" className="share-mastodon" image={image('share-og-image')} host={<span className="share-host">{card.siteName ?? host}</span>} title={title} description={card.description} />

      <figure className="share-card" aria-label="Slack">
        <figcaption>Slack</figcaption>
        <div className="share-slack">
          <strong className="share-site">{card.siteName ?? host}</strong>
          <span className="share-slack-title">{title}</span>
          <span className="share-description">{card.description}</span>
          {image('share-slack-image')}
        </div>
      </figure>
    </div>
  );
}

interface LinkCardProps {
  label: string;
  caption: string;
  className: string;
  image: ReactNode;
  host: ReactNode;
  title: string;
  description: string | null;
  oneLine?: boolean;
}

/** The image-on-top card Facebook, LinkedIn and Mastodon draw from Open Graph tags. */
function LinkCard({ label, caption, className, image, host, title, description, oneLine = false }: LinkCardProps) {
  return (
    <figure className="share-card" aria-label={label}>
      <figcaption>{caption}</figcaption>
      <div className={className}>
        {image}
        <div className="share-og-text">
          {host}
          <strong className="share-title">{title}</strong>
          <span className={oneLine ? 'share-description one-line' : 'share-description'}>{description}</span>
        </div>
      </div>
    </figure>
  );
}

/** The Page view's and the share card's API methods, bound to the opened site. */
import type { Handlers } from '../../../shared/api';
import type { ShareCardView } from '../../../shared/share/share-card';
import { resolveLexically } from '../documents/confine';
import { loadSharp } from '../media/process-photo';
import type { Workspace } from '../workspace/workspace';
import type { PageService } from './page-service';

export interface PageHandlerDeps {
  workspace: () => Workspace;
  service: PageService;
  externalContent: (root: string) => Promise<boolean>;
}

export function createPageHandlers(deps: PageHandlerDeps): Pick<Handlers, 'renderPage' | 'shareCard'> {
  return {
    async renderPage({ path, text }) {
      const { site } = deps.workspace();
      resolveLexically(site.root, path); // refuses paths outside the folder
      const { rendered: _rendered, ...preview } = await deps.service.render(site, path, text, await deps.externalContent(site.root));
      return preview;
    },

    async shareCard({ path, text }) {
      const { site } = deps.workspace();
      resolveLexically(site.root, path);
      const result = await deps.service.render(site, path, text, false);
      const rendered = result.rendered;
      if (!rendered) return { card: { title: null, description: null, image: null, url: null, siteName: null, card: 'summary' }, imagePath: null, imageSize: null, site: null };
      let imageSize: ShareCardView['imageSize'] = null;
      let imagePath = rendered.shareImagePath;
      if (imagePath !== null) {
        const asset = await deps.service.asset(site, imagePath.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/'));
        if (asset.ok && typeof asset.body !== 'string') {
          // sharp loads lazily, as for photos: the native library costs start-up time.
          const meta = await loadSharp().then((sharp) => sharp(asset.body).metadata()).catch(() => null);
          if (meta?.width && meta.height) imageSize = { width: meta.width, height: meta.height };
        } else {
          imagePath = null; // not a file of the site: the card says so
        }
      }
      return { card: rendered.share, imagePath, imageSize, site: rendered.twitterSite };
    },
  };
}

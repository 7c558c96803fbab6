/**
 * The `app://recap/` origin that serves the built renderer. A real origin
 * (not file://) gives the page a CSP header, same-origin rules and module
 * workers, and keeps it from reading anything on disk but out/renderer.
 */
import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Site } from '../../shared/model';
import { PAGE_ASSET_ROUTE, PAGE_ROUTE } from '../../shared/page/page-preview';
import { PAGE_HEADERS, pageAssetCache, pageContentSecurityPolicy, type PageService } from '../services/page/page-service';
import { resolveSiteImage, SITE_IMAGE_HEADERS } from '../services/preview/site-image';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, mimeTypeFor, resolveAppAsset, siteImagePath } from './policy';

/** Must run before the app is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // corsEnabled stays off: nothing else may read this origin cross-origin.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  // A rebuilt renderer must show up on reload; these are local files, so revalidating costs nothing.
  'cache-control': 'no-cache',
};

function refuse(status: 403 | 404 | 405): Response {
  const text = status === 404 ? 'Not found' : status === 405 ? 'Method not allowed' : 'Forbidden';
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * Serves `rendererDir` on app://recap/ for the default session. Call once the
 * app is ready. Confinement is lexical (resolveAppAsset): fs.realpath is not
 * reliable inside app.asar, and out/renderer is our own build output.
 * app://recap/site/<path> serves images of the open site (`siteRoot()`),
 * confined with symlinks resolved, for the preview; app://recap/page/<id>
 * and app://recap/page-assets/<path> the Page view's frame (`pages()`).
 */
export function serveRenderer(rendererDir: string, siteRoot: () => string | null = () => null, pages: () => { service: PageService; site: Site | null } | null = () => null): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const imagePath = siteImagePath(request.url);
    if (imagePath !== null) return serveSiteImage(siteRoot(), imagePath, request.method === 'HEAD');
    const pagePath = /^app:\/\/recap\/(page\/[^?#]*|page-assets\/[^?#]*)/i.exec(request.url)?.[1];
    if (pagePath !== undefined) return servePage(pages(), pagePath, request.method === 'HEAD', request.url);
    const file = resolveAppAsset(root, request.url);
    if (file === null) return refuse(403);
    try {
      if (!(await stat(file)).isFile()) return refuse(404);
      const body = request.method === 'HEAD' ? null : await readFile(file);
      return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': mimeTypeFor(file) } });
    } catch {
      return refuse(404);
    }
  });
}

async function serveSiteImage(siteRoot: string | null, encodedPath: string, head: boolean): Promise<Response> {
  if (siteRoot === null) return refuse(404);
  const image = await resolveSiteImage(siteRoot, encodedPath);
  if (!image.ok) return new Response('Not served', { status: image.status, headers: { ...SITE_IMAGE_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
  try {
    const body = head ? null : await readFile(image.file);
    return new Response(body, { status: 200, headers: { ...SITE_IMAGE_HEADERS, 'content-type': image.type } });
  } catch {
    return refuse(404);
  }
}

/** The Page view: a rendered page with its own policy (nothing runs), or one of the site's CSS, font and image files. */
async function servePage(pages: { service: PageService; site: Site | null } | null, relative: string, head: boolean, requestUrl: string): Promise<Response> {
  if (pages === null) return refuse(404);
  const origins = ['app://recap'];
  if (relative.startsWith(PAGE_ASSET_ROUTE)) {
    const asset = await pages.service.asset(pages.site, relative.slice(PAGE_ASSET_ROUTE.length));
    if (!asset.ok) return new Response('Not served', { status: asset.status, headers: { ...PAGE_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
    const headers: Record<string, string> = { ...PAGE_HEADERS, 'cache-control': pageAssetCache(requestUrl), etag: asset.etag, 'content-type': asset.type, 'content-security-policy': "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox" };
    if (asset.font) headers['access-control-allow-origin'] = '*'; // the frame's origin is opaque: fonts load in CORS mode
    return new Response(head ? null : asset.body, { status: 200, headers });
  }
  const page = pages.service.page(relative.slice(PAGE_ROUTE.length));
  if (!page) return refuse(404);
  return new Response(head ? null : page.html, {
    status: 200,
    headers: { ...PAGE_HEADERS, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': pageContentSecurityPolicy(origins, page), 'x-frame-options': 'SAMEORIGIN' },
  });
}

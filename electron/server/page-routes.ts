/**
 * Browser mode's Page view routes, under the token like everything else:
 *   GET /s/T/page/<id>             → a rendered page, with its own CSP (nothing runs; loads only from here)
 *   GET /s/T/page-assets/<path>    → the site's CSS (compiled Sass from memory), fonts and images
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Site } from '../../shared/model';
import { PAGE_ASSET_ROUTE, PAGE_ROUTE } from '../../shared/page/page-preview';
import { PAGE_HEADERS, pageAssetCache, pageContentSecurityPolicy, type PageService } from '../services/page/page-service';

const REASONS = { 400: 'Bad request', 403: 'Forbidden', 404: 'Not found' } as const;

export function isPageRoute(relative: string): boolean {
  return relative.startsWith(PAGE_ROUTE) || relative.startsWith(PAGE_ASSET_ROUTE);
}

export async function servePageRoute(req: IncomingMessage, res: ServerResponse, pages: PageService, site: Site | null, relative: string, port: number): Promise<void> {
  const head = req.method === 'HEAD';
  const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  const fail = (status: 400 | 403 | 404) => {
    res.writeHead(status, { ...PAGE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; sandbox" });
    res.end(REASONS[status]);
  };
  if (relative.startsWith(PAGE_ASSET_ROUTE)) {
    const asset = await pages.asset(site, relative.slice(PAGE_ASSET_ROUTE.length));
    if (!asset.ok) return fail(asset.status);
    const headers = { ...PAGE_HEADERS, 'Cache-Control': pageAssetCache(req.url ?? ''), ETag: asset.etag };
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': asset.type,
      // An SVG opened on its own must not run script in this origin.
      'Content-Security-Policy': "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox",
      // The frame has an opaque origin (sandboxed without allow-same-origin): fonts load in CORS mode from it.
      ...(asset.font ? { 'Access-Control-Allow-Origin': '*' } : {}),
    });
    res.end(head ? undefined : asset.body);
    return;
  }
  const page = pages.page(relative.slice(PAGE_ROUTE.length));
  if (!page) return fail(404);
  res.writeHead(200, {
    ...PAGE_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': pageContentSecurityPolicy(origins, page),
    'X-Frame-Options': 'SAMEORIGIN',
  });
  res.end(head ? undefined : page.html);
}

/**
 * The Page view's frame is sandboxed without allow-same-origin, so what it
 * loads arrives with `Origin: null`. Only reads of its own routes pass with
 * that origin, and still only under the token.
 */
export function fromPageFrame(req: IncomingMessage): boolean {
  if (req.headers.origin !== 'null' || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  return /^\/s\/[^/]+\/(?:page|page-assets)\//.test(pathname);
}

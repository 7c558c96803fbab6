/** Browser mode's guarded image route: `/s/<token>/site/<path>` → an image file of the opened site. */
import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { resolveSiteImage, SITE_IMAGE_HEADERS } from '../services/preview/site-image';

const REASONS = { 400: 'Bad request', 403: 'Forbidden', 404: 'Not found' } as const;

export async function serveSiteImage(res: ServerResponse, root: string, encodedPath: string, head: boolean): Promise<void> {
  const image = await resolveSiteImage(root, encodedPath);
  if (!image.ok) {
    res.writeHead(image.status, { ...SITE_IMAGE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cross-Origin-Resource-Policy': 'same-origin' });
    res.end(REASONS[image.status]);
    return;
  }
  res.writeHead(200, {
    ...SITE_IMAGE_HEADERS,
    'Content-Type': image.type,
    'Content-Length': String(image.size),
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  if (head) {
    res.end();
    return;
  }
  createReadStream(image.file).on('error', () => res.destroy()).pipe(res);
}

/** Serves the built renderer, confined to its folder, with the app's security headers. */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { contentSecurityPolicy as sharedContentSecurityPolicy } from '../../shared/csp';
import { contentTypeFor } from '../../shared/media/content-types';
import { isInside } from '../services/documents/confine';


/** The shared policy (shared/csp.ts) plus this server's WebSocket, by both loopback names. */
export function contentSecurityPolicy(port: number): string {
  return sharedContentSecurityPolicy({ connectSrc: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`], frameAncestorsNone: true });
}

export function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(port),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}

/**
 * Files up to this size are read whole and sent in one write. Streamed in 64 KB chunks, each chunk waits for
 * its turn behind whatever else the server does meanwhile (a big site's first listing): the page loads later.
 */
const WHOLE_FILE_BYTES = 4 * 1024 * 1024;

/** Sends `relative` from `dir`; answers 404 for anything missing or outside it. */
export async function serveStatic(res: ServerResponse, dir: string, relative: string, port: number): Promise<void> {
  const file = path.resolve(dir, relative === '' ? 'index.html' : decodeURIComponentSafe(relative));
  let size = -1;
  if (isInside(dir, file)) {
    try {
      const info = await stat(file);
      if (info.isFile()) size = info.size;
    } catch {
      /* answered below */
    }
  }
  let data: Buffer | null = null;
  if (size >= 0 && size <= WHOLE_FILE_BYTES) {
    try {
      data = await readFile(file);
      size = data.length;
    } catch {
      size = -1;
    }
  }
  if (size < 0) {
    res.writeHead(404, { ...securityHeaders(port), 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  const type = contentTypeFor(file);
  res.writeHead(200, {
    ...securityHeaders(port),
    'Content-Type': type,
    'Content-Length': String(size),
    // Hashed asset names may be cached; the page itself must not outlive its token.
    'Cache-Control': file.includes(`${path.sep}assets${path.sep}`) ? 'private, max-age=31536000, immutable' : 'no-store',
  });
  if (data) res.end(data);
  else createReadStream(file).pipe(res);
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '\0'; // never matches a file
  }
}

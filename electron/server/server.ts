/**
 * Browser mode: the renderer and the API on loopback, for machines without
 * the Electron binary and for end-to-end tests. Every request needs the
 * token; Host and Origin must be this server's own.
 *
 *   GET /?token=T        → 302 to /s/T/ (the token then lives in the path, so
 *                          relative asset and API URLs carry it, no cookie needed)
 *   GET /s/T/<file>      → the built renderer
 *   GET /s/T/site/<path> → an image of the opened site, for the preview
 *   WS  /s/T/api         → the API
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { MAX_POST_BYTES, type EventName, type Events } from '../../shared/api';
import { RecapError } from '../../shared/errors';
import { AppState, createHandlers } from '../services/app-handlers';
import { DraftJournal } from '../services/documents/draft-journal';
import { collectServiceInStateDir } from '../services/collect/collect-service';
import { PreviewSettingsStore } from '../services/settings/preview-settings-store';
import { RecentFolders } from '../services/settings/recent-folders';
import { DEFAULT_LIMITS, ServerBudget, sendEvent, serveApi, type SocketLimits } from './api-socket';
import { createToken, hostAllowed, isLoopbackAddress, originAllowed, tokenMatches } from './guard';
import { fromPageFrame, isPageRoute, servePageRoute } from './page-routes';
import { serveSiteImage } from './site-images';
import { securityHeaders, serveStatic } from './static-files';

export interface ServeOptions {
  /** The folder to serve; without it the page shows the start screen (recent folders, a typed path, the sample site). */
  root?: string;
  /** The sample blog "Try the sample site" copies into the state folder. */
  sampleSiteDir?: string;
  rendererDir: string;
  stateDir: string;
  port?: number;
  /** Defaults to 127.0.0.1. Anything else needs `allowRemote` (the CLI's --allow-remote). */
  host?: string;
  allowRemote?: boolean;
  token?: string;
  limits?: SocketLimits;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  /** The served folder; empty while the start screen waits for one. */
  root: string;
  broadcast<E extends EventName>(event: E, payload: Events[E]): void;
  close(): Promise<void>;
}

/** JSON escaping can double a post's size; leave room for the envelope. */
const MAX_MESSAGE_BYTES = MAX_POST_BYTES * 2 + 64 * 1024;

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const state = new AppState(RecentFolders.inStateDir(options.stateDir), {
    journal: DraftJournal.inStateDir(options.stateDir),
    stateDir: options.stateDir,
    previewSettings: PreviewSettingsStore.inStateDir(options.stateDir),
    collect: collectServiceInStateDir(options.stateDir),
    watch: true,
  });
  const root = options.root === undefined ? null : (await state.open(options.root)).site.root;
  const token = options.token ?? createToken();
  // Events reach every page this server serves (the sockets exist by the time anything emits).
  const emit = <E extends EventName>(event: E, payload: Events[E]) => {
    for (const client of sockets.clients) sendEvent(client, { event, payload });
  };
  const handlers = createHandlers(state, {
    mode: 'browser',
    allowedRoots: root === null ? [] : [root],
    emit,
    ...(root === null ? { typedFolders: true } : {}),
    ...(options.sampleSiteDir ? { sampleSite: { source: options.sampleSiteDir, stateDir: options.stateDir } } : {}),
  });
  const host = options.host ?? '127.0.0.1';
  const remote = !isLoopbackAddress(host);
  if (remote && !options.allowRemote) {
    throw new RecapError('refused', `Recap serves only this machine (127.0.0.1). Listening on ${host} would let others on the network reach your files; pass --allow-remote if you really mean it.`);
  }
  let port = options.port ?? 0;
  const prefix = `/s/${token}/`;

  const refuse = (res: ServerResponse, status: 401 | 403 | 405, message: string) => {
    res.writeHead(status, { ...securityHeaders(port), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(message + '\n');
  };

  const server = createServer((req, res) => {
    void handleRequest(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 403, 'Request refused.');
      else res.destroy();
    });
  });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, port, remote) || !(originAllowed(req.headers.origin, port, remote, req.headers.host) || fromPageFrame(req))) {
      return refuse(res, 403, 'Recap only answers pages it served itself (Host or Origin not allowed).');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/') {
      if (!tokenMatches(token, url.searchParams.get('token'))) return refuse(res, 401, 'Open the exact link `recap serve` printed: it carries the access token.');
      res.writeHead(302, { ...securityHeaders(port), Location: prefix, 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    const relative = pathUnderToken(url.pathname);
    if (relative === null) return refuse(res, 401, 'Open the exact link `recap serve` printed: it carries the access token.');
    if (relative.startsWith('site/')) {
      // The folder open now: one chosen on the start screen too.
      const siteRoot = state.workspace?.site.root;
      if (!siteRoot) return refuse(res, 403, 'No folder is open.');
      return serveSiteImage(res, siteRoot, relative.slice('site/'.length), req.method === 'HEAD');
    }
    if (isPageRoute(relative)) return servePageRoute(req, res, state.pages, state.workspace?.site ?? null, relative, port);
    await serveStatic(res, options.rendererDir, relative, port);
  }

  /** The part of a path after /s/<token>/, or null when the token is missing or wrong. */
  function pathUnderToken(pathname: string): string | null {
    const match = /^\/s\/([^/]+)\/(.*)$/.exec(pathname);
    if (!match || !tokenMatches(token, match[1])) return null;
    return match[2] ?? '';
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const limits = options.limits ?? DEFAULT_LIMITS;
  const budget = new ServerBudget(limits);
  // Other tools changed files of the site: every open page re-lists (and re-checks its open post).
  state.onPostsChanged((change) => {
    for (const client of sockets.clients) sendEvent(client, { event: 'postsChanged', payload: change });
  });
  server.on('upgrade', (req, socket, head) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    // A WebSocket must come from a page this server served: Origin is required, not just allowed.
    const ok =
      hostAllowed(req.headers.host, port, remote) &&
      req.headers.origin !== undefined &&
      originAllowed(req.headers.origin, port, remote, req.headers.host) &&
      pathUnderToken(pathname) === 'api';
    if (!ok) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    // A page needs one connection; a flood of them is refused, not served.
    if (sockets.clients.size >= (limits.maxConnections ?? Infinity)) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveApi(ws, handlers, limits, budget));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new RecapError('refused', `Port ${port} is already in use. Choose another with --port, or leave it out for a free one.`)
          : error.code === 'EACCES'
            ? new RecapError('refused', `Not allowed to listen on port ${port}. Choose a port above 1024.`)
            : error,
      );
    });
    server.listen(port, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/?token=${token}`,
    port,
    token,
    root: root ?? '',
    broadcast: emit,
    async close() {
      await state.close();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

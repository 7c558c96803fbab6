/**
 * The renderer's Content Security Policy, built in one place for both doors:
 * browser mode sends it as a header (electron/server/static-files.ts),
 * Electron with every app:// response (electron/shell/policy.ts).
 *
 * The preview's privacy switch is the gate; this is the ceiling. Scripts are
 * ours only; frames only from the embed allowlist (they are sandboxed without
 * allow-same-origin by the preview); remote images only over https, which the
 * preview requests only once the author turned on "Load external content".
 * Frames may also come from Recap itself: the Page view's sandboxed page.
 */
import { EMBED_FRAME_HOSTS } from './embeds/live-frames';

export interface CspOptions {
  /** Extra connect-src sources, e.g. the browser-mode WebSocket. */
  connectSrc?: readonly string[];
  /** Hosts embeds may be framed from; defaults to EMBED_FRAME_HOSTS. */
  frameHosts?: readonly string[];
  /** Refuse being framed (HTTP header only: ignored in a meta tag). */
  frameAncestorsNone?: boolean;
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const frameHosts = options.frameHosts ?? EMBED_FRAME_HOSTS;
  return [
    "default-src 'self'",
    "script-src 'self'",
    // The editor and the split pane set inline styles; post content never keeps a style attribute.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    ['connect-src', "'self'", ...(options.connectSrc ?? [])].join(' '),
    "worker-src 'self' blob:",
    "font-src 'self' data:",
    // 'self': the Page view's frame (sandboxed without scripts or same-origin) loads Recap's own page/<id>.
    `frame-src 'self'${frameHosts.map((host) => ` https://${host}`).join('')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    ...(options.frameAncestorsNone ? ["frame-ancestors 'none'"] : []),
  ].join('; ');
}

/** Parses a policy into directive → sources, for tests and audits. */
export function cspDirectives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...values] = part.split(/\s+/);
        return [name, values] as const;
      }),
  );
}

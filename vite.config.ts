import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from './shared/csp';

const require = createRequire(import.meta.url);

/**
 * The same policy as the doors' response headers (shared/csp.ts), also as a
 * meta tag: defence in depth should a page ever be served without the header,
 * and visible to audits that read the HTML. Browsers apply both, so it must
 * not be stricter than the header: it allows any ws: for browser mode's
 * socket, whose port is only known at run time.
 */
function cspMeta(): Plugin {
  return {
    name: 'recap-csp-meta',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ connectSrc: ['ws:'] }) }, injectTo: 'head' }],
  };
}

// The renderer is one static bundle served by Electron's app:// protocol and by browser mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta()],
  resolve: {
    alias: [
      // Its "browser" build decodes entities through document.createElement, which does not exist in
      // the preview's Web Worker (the worker died and the preview fell back to the main thread).
      // Vite resolves workers with the page's conditions, so pin the DOM-free build everywhere
      // (Node's own resolution, used here, picks the "default" export: index.js).
      { find: /^decode-named-character-reference$/, replacement: require.resolve('decode-named-character-reference') },
    ],
  },
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
});

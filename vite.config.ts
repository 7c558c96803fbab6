import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import { defineConfig } from 'vite';

const require = createRequire(import.meta.url);

// The renderer is one static bundle served by Electron's app:// protocol and by browser mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
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

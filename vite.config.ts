// Vite: file routes (the router plugin must come before react()), React, Tailwind.
// The SSR build (vite build --ssr src/entry-server.tsx) is used only by scripts/prerender.ts.
import tailwindcss from '@tailwindcss/vite';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { dataVersion } from './scripts/data-version.ts';
import { postalMimeVitePatches } from './scripts/vite-postal-mime.ts';

export default defineConfig({
  plugins: [
    postalMimeVitePatches(),
    tanstackRouter({ target: 'react', autoCodeSplitting: true, quoteStyle: 'single' }),
    react(),
    tailwindcss(),
    {
      // index.html carries the site's Content-Security-Policy (docs/security.md); the dev server injects
      // CSS as inline <style> elements for hot reload, which that policy blocks, so it is left out there.
      name: 'csp-dev-only-off',
      apply: 'serve',
      transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
    },
  ],
  // Data URLs carry the data's version (/data/x.json?v=...), so a cached page never reads another deploy's data.
  define: { __DATA_VERSION__: JSON.stringify(dataVersion('public/data')) },
  resolve: {
    alias: {
      // React 19 has useSyncExternalStore built in: the router's store gets the plain version, not the shim.
      'use-sync-external-store/shim/with-selector': 'use-sync-external-store/with-selector',
      // The phrase prefilter's build-time table stays out of the page's engine (src/lib/bounce/no-phrase-literals.ts).
      './phrase-literals.ts': fileURLToPath(new URL('./src/lib/bounce/no-phrase-literals.ts', import.meta.url)),
    },
  },
  build: {
    manifest: true,
    target: 'es2022',
    // Browsers without <link rel="modulepreload"> still load every chunk, only without the head start.
    modulePreload: { polyfill: false },
  },
  // The engine runs in a worker: it gets the same postal-mime as everything else.
  worker: { format: 'es', plugins: () => [postalMimeVitePatches()] },
  // postal-mime is served from its own files in development, so the patches apply there too.
  optimizeDeps: { exclude: ['postal-mime'] },
});

// Builds dist/sw.js after scripts/prerender.ts, so the precache holds the final prerendered HTML (a
// worker generated inside `vite build` would miss every page). Bundles src/service-worker.ts, then
// workbox-build injects the list of files a visitor needs: one HTML file per page (<path>.html, plus
// index.html and 404.html), the hashed assets, the favicon and the catalogue data under data/.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { injectManifest } from 'workbox-build';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const bundleDir = mkdtempSync(path.join(os.tmpdir(), 'bouncedoc-sw-'));

try {
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: bundleDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      copyPublicDir: false,
      lib: { entry: path.join(root, 'src', 'service-worker.ts'), formats: ['iife'], name: 'bouncedocServiceWorker', fileName: () => 'sw.js' },
    },
  });

  const { count, size, warnings } = await injectManifest({
    swSrc: path.join(bundleDir, 'sw.js'),
    swDest: path.join(dist, 'sw.js'),
    globDirectory: dist,
    globPatterns: ['**/*.html', 'assets/**/*.{js,css}', 'favicon.svg', 'data/**/*.json'],
    // Each page exists as <path>.html and <path>/index.html: precache the first; the worker maps the
    // other spellings onto it. The root index.html (the home page) stays.
    globIgnores: ['*/**/index.html'],
    // Hashed file names change with their content, so the name is the revision.
    dontCacheBustURLsMatching: /^assets\//,
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  });
  for (const warning of warnings) console.warn(`service worker: ${warning}`);
  if (count === 0) throw new Error('service worker: nothing to precache; run the prerender first');
  console.log(`service worker: dist/sw.js precaches ${count} files, ${(size / 1024 / 1024).toFixed(1)} MB`);
} finally {
  rmSync(bundleDir, { recursive: true, force: true });
}

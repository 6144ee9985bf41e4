// Builds dist/sw.js after scripts/prerender.ts. Bundles src/service-worker.ts with this deploy's
// manifest: its version (a hash of every file it serves), the data version, the small shell stored on the
// first visit (the home page, the 404 page, scripts, styles, and the data the paste box and search need)
// and the size of the whole site. Writes dist/offline.json (every file, for "Make available offline")
// and dist/version.json (what the worker asks to tell whether the server has moved to another deploy).
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { dataVersion } from './data-version.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

/** Data the paste box and the search need offline: the diagnosis catalogue, the reason guides and the search index. */
const SHELL_DATA = ['data/diagnosis.json', 'data/reason-guides.json', 'data/search.json'];
/**
 * Scripts left out of the first visit: the bulk page's chunk and reader worker (stored when /bulk is visited),
 * and the engine's main-thread copy, loaded only where Web Workers are missing, which no browser that runs
 * this service worker lacks ("assets/diagnose-*.js"; the worker is "assets/diagnose.worker-*.js").
 */
const NOT_IN_SHELL = /^assets\/(?:bulk-|bulk-reader\.worker-|diagnose-)[\w-]+\.js$/;
/** Files never stored: the worker itself, its listings, and what only crawlers and other programs read. */
const NOT_STORED = /^(?:sw\.js|version\.json|offline\.json|robots\.txt|sitemap\.xml|api\/)/;

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const relative = (file: string): string => path.relative(dist, file).split(path.sep).join('/');
const revisionOf = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12);

// Every page exists as <path>.html and <path>/index.html: store the first; the worker maps every spelling onto it.
const siteFiles = filesUnder(dist)
  .map(relative)
  .filter((file) => !NOT_STORED.test(file) && !(file.endsWith('/index.html') && file.includes('/')))
  .sort();
if (!siteFiles.includes('index.html')) throw new Error('service worker: dist/index.html is missing; run the build and the prerender first');

const shellFiles = siteFiles.filter((file) => file === 'index.html' || file === '404.html' || file === 'favicon.svg' || (/^assets\/.+\.(?:js|css)$/.test(file) && !NOT_IN_SHELL.test(file)) || SHELL_DATA.includes(file));
const sizeOf = (file: string): number => statSync(path.join(dist, file)).size;
const shell = shellFiles.map((file) => ({ url: `/${file}`, revision: revisionOf(path.join(dist, file)), size: sizeOf(file) }));
const offline = siteFiles.map((file) => ({ url: `/${file}`, size: sizeOf(file), revision: revisionOf(path.join(dist, file)) }));
const version = createHash('sha256')
  .update(offline.map((file) => `${file.url} ${file.revision}`).join('\n'))
  .digest('hex')
  .slice(0, 12);
const data = dataVersion(path.join(dist, 'data'));
const manifest = {
  version,
  dataVersion: data,
  shell: shell.map(({ url, revision, size }) => ({ url, revision, size })),
  site: { count: offline.length, bytes: offline.reduce((sum, file) => sum + file.size, 0) },
};

const bundleDir = mkdtempSync(path.join(os.tmpdir(), 'bouncedoc-sw-'));
try {
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    define: { 'process.env.NODE_ENV': JSON.stringify('production'), __SW_MANIFEST__: JSON.stringify(manifest) },
    build: {
      outDir: bundleDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      copyPublicDir: false,
      lib: { entry: path.join(root, 'src', 'service-worker.ts'), formats: ['iife'], name: 'bouncedocServiceWorker', fileName: () => 'sw.js' },
    },
  });
  writeFileSync(path.join(dist, 'sw.js'), readFileSync(path.join(bundleDir, 'sw.js')));
} finally {
  rmSync(bundleDir, { recursive: true, force: true });
}
writeFileSync(path.join(dist, 'offline.json'), JSON.stringify({ version, files: offline.map(({ url, size }) => ({ url, size })) }));
writeFileSync(path.join(dist, 'version.json'), JSON.stringify({ version, data }));

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const shellBytes = shell.reduce((sum, file) => sum + file.size, 0);
console.log(
  `service worker: dist/sw.js (version ${version}) stores ${String(shell.length)} shell files on the first visit, ${megabytes(shellBytes)}; ` +
    `"Make available offline" stores ${String(offline.length)} files, ${megabytes(manifest.site.bytes)}`,
);

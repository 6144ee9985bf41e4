// Writes one HTML file per route into dist/ after `vite build` and the SSR build, so any static host
// serves every page (with its content and head tags) without rewrite rules; then the sitemap and the
// public catalogue API. Each page is written as both <path>/index.html and <path>.html.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dataVersion } from './data-version.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const version = dataVersion(path.join(dist, 'data'));
const siteUrl = (process.env.SITE_URL ?? 'http://localhost:4173').replace(/\/$/, '');

/** Reads the site's data files from disk, as the browser would fetch them; null when missing. */
function readDataFile(folder: string) {
  return (file: string): Promise<unknown> => {
    try {
      return Promise.resolve(JSON.parse(readFileSync(path.join(folder, file), 'utf8')));
    } catch {
      return Promise.resolve(null);
    }
  };
}

type RenderResult = { html: string; head: string; status: number };
type ManifestChunk = { file: string; src?: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] };

const { render, setDataReader } = (await import(pathToFileURL(path.join(root, 'dist-ssr', 'entry-server.js')).href)) as {
  render: (url: string) => Promise<RenderResult>;
  setDataReader: (reader: (file: string) => Promise<unknown>) => void;
};
setDataReader(readDataFile(path.join(dist, 'data')));
const template = readFileSync(path.join(dist, 'index.html'), 'utf8');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
const routes = JSON.parse(readFileSync(path.join(root, 'src', 'generated', 'routes.json'), 'utf8')) as string[];

/** Route files whose split chunks a path needs, e.g. "/codes/550" -> src/routes/codes/$code.tsx. */
function routeSources(url: string): string[] {
  const parts = url.split('/').filter(Boolean);
  if (parts.length === 0) return ['src/routes/index.tsx'];
  const section = parts[0] ?? '';
  if (parts.length === 1) return [`src/routes/${section}/index.tsx`];
  if (section === 'bounces') return ['src/routes/bounces/$provider/$slug.tsx'];
  const param = { codes: '$code', articles: '$slug', providers: '$provider', reasons: '$reason' }[section] ?? '';
  return [`src/routes/${section}/${param}.tsx`];
}

/** The data file a path fetches while hydrating, e.g. "/codes/550" -> data/codes/550.json. */
function dataFileFor(url: string): string | null {
  const parts = url.split('/').filter(Boolean);
  if (parts.length === 1) return 'data/lists.json';
  if (parts[0] === 'bounces' && parts.length === 3) return `data/entries/${parts[1] ?? ''}--${parts[2] ?? ''}.json`;
  if (parts.length === 2) return `data/${parts[0] ?? ''}/${parts[1] ?? ''}.json`;
  return null;
}

function preloadsFor(url: string): string[] {
  const files = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  const keys = Object.keys(manifest);
  for (const source of routeSources(url)) for (const key of keys) if (key === source || key.startsWith(`${source}?`)) visit(key);
  const entry = keys.find((key) => manifest[key]?.isEntry);
  const entryFile = entry ? manifest[entry]?.file : undefined;
  return [...files].filter((file) => file !== entryFile && file.endsWith('.js'));
}

const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function page(url: string, result: RenderResult, prerenderedFor: string | null): string {
  const head = result.head.replace(/<(title|meta|link)\b/g, '<$1 data-prerendered-head=""');
  const data = prerenderedFor === null ? null : dataFileFor(url);
  const preload =
    (prerenderedFor === null ? [] : preloadsFor(url)).map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`).join('') +
    (data ? `<link rel="preload" as="fetch" crossorigin href="/${data}?v=${version}">` : '');
  const rootAttributes = prerenderedFor === null ? '' : ` data-prerendered="${escapeAttribute(prerenderedFor)}"`;
  return template
    .replace('<!--app-head-->', head + preload)
    .replace('<div id="root"><!--app-html--></div>', `<div id="root"${rootAttributes}>${result.html}</div>`);
}

function write(relative: string, html: string): void {
  const file = path.join(dist, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, html);
}

let count = 0;
for (const url of routes) {
  const result = await render(url);
  if (result.status !== 200) throw new Error(`prerender: ${url} rendered with status ${result.status}`);
  if (!/<h1[\s>]/.test(result.html)) throw new Error(`prerender: ${url} rendered no heading`);
  const html = page(url, result, url);
  if (url === '/') write('index.html', html);
  else {
    write(`${url.slice(1)}/index.html`, html);
    write(`${url.slice(1)}.html`, html);
  }
  count++;
}

const missing = await render('/this-page-does-not-exist');
if (missing.status !== 404) throw new Error(`prerender: the not-found page rendered with status ${missing.status}`);
write('404.html', page('/404', missing, null));

const sitemap = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
  ...routes.map((url) => `  <url><loc>${siteUrl}${url}</loc></url>`),
  '</urlset>',
  '',
].join('\n');
writeFileSync(path.join(dist, 'sitemap.xml'), sitemap);
writeFileSync(path.join(dist, 'robots.txt'), `User-agent: *\nAllow: /\nSitemap: ${siteUrl}/sitemap.xml\n`);
mkdirSync(path.join(dist, 'api'), { recursive: true });
writeFileSync(path.join(dist, 'api', 'catalogue.json'), readFileSync(path.join(root, 'src', 'generated', 'api.json')));
rmSync(path.join(root, 'dist-ssr'), { recursive: true, force: true });
console.log(`prerender: ${count} pages, 404.html, sitemap.xml and api/catalogue.json written to dist/`);

// No dead ends: every <a href> on every prerendered page in dist/ leads somewhere. An internal link must
// resolve to a file the way a static host serves it (the path itself, path/index.html or path.html), a
// #fragment must name an element id on the target page, and every external link must use https.
// Each page is written twice (x/index.html and x.html); only the first of the twins is crawled.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = path.resolve('dist');
const SITE = 'http://bouncedoc.invalid';

function listHtml(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return listHtml(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

/** The URL path a page is served at: dist/codes/550/index.html -> /codes/550, dist/404.html -> /404.html. */
function urlOf(file: string): string {
  const relative = path.relative(dist, file).split(path.sep).join('/');
  if (relative === 'index.html') return '/';
  return relative.endsWith('/index.html') ? `/${relative.slice(0, -'/index.html'.length)}` : `/${relative}`;
}

/** The file a static host serves for a path, or null. */
function resolveFile(pathname: string): string | null {
  const target = path.join(dist, path.normalize(decodeURIComponent(pathname)));
  if (!target.startsWith(dist)) return null;
  for (const candidate of [target, path.join(target, 'index.html'), `${target.replace(/\/$/, '')}.html`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const decodeEntities = (value: string): string =>
  value.replace(/&(amp|quot|#39|#x27|lt|gt);/g, (_, name: string) => ({ amp: '&', quot: '"', '#39': "'", '#x27': "'", lt: '<', gt: '>' })[name] ?? '');

// <a class="x" href="/codes/550">, <a href="https://example.org/#top" rel="noreferrer">
const LINK = /<a\b[^>]*?\shref="([^"]*)"/g;
// <h2 id="what-to-do">
const ID = /\sid="([^"]*)"/g;

const idCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(ID)].map((match) => decodeEntities(match[1] ?? '')));
    idCache.set(file, ids);
  }
  return ids;
}

const pages = listHtml(dist).filter((file) => !(file.endsWith('.html') && !file.endsWith('index.html') && existsSync(path.join(file.slice(0, -5), 'index.html'))));

describe('links in dist/', () => {
  const broken: string[] = [];
  const insecure: string[] = [];
  const counts = { pages: pages.length, internal: 0, anchors: 0, external: 0, other: 0 };
  for (const file of pages) {
    const from = urlOf(file);
    for (const match of readFileSync(file, 'utf8').matchAll(LINK)) {
      const href = decodeEntities(match[1] ?? '');
      const url = new URL(href, `${SITE}${from}`);
      const where = `${from}: ${href}`;
      if (url.origin !== SITE) {
        if (url.protocol === 'mailto:' || url.protocol === 'tel:') counts.other++;
        else if (url.protocol === 'https:') counts.external++;
        else insecure.push(where);
        continue;
      }
      counts.internal++;
      const target = resolveFile(url.pathname);
      if (!target) {
        broken.push(`${where} (no such page)`);
        continue;
      }
      if (url.hash.length > 1) {
        counts.anchors++;
        if (!idsOf(target).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${where} (no element with id "${url.hash.slice(1)}")`);
      }
    }
  }

  it('crawls every prerendered page', () => {
    expect(counts.pages).toBeGreaterThan(100);
    console.info(
      `crawl: ${String(counts.pages)} pages, ${String(counts.internal)} internal links (${String(counts.anchors)} with #anchors), ` +
        `${String(counts.external)} https links, ${String(counts.other)} mailto/tel links`,
    );
  });

  it('finds no broken internal link or anchor', () => {
    expect(broken).toEqual([]);
  });

  it('finds only https external links', () => {
    expect(insecure).toEqual([]);
  });
});

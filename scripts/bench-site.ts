// Site figures, printed after a build (`npm run bench` runs this after scripts/bench.ts): the gzip size of
// the JavaScript each kind of page loads before it is interactive (module script, modulepreload links and
// their static imports in dist/.vite/manifest.json) with the biggest pieces by package, the Largest
// Contentful Paint of a prerendered entry page in headless Chromium, and the search time per keystroke
// over the real catalogue and a synthetic one of 10,000 entries. scripts/check-budget.ts reuses the sizes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
import type { SearchDocument } from '../src/lib/content/build.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The built site; BENCH_DIST points at a copy of it instead (e.g. while other builds rewrite dist/). */
export const dist = path.resolve(process.env.BENCH_DIST ?? path.join(root, 'dist'));

/**
 * The most gzip JavaScript an entry or code page may load before it is interactive: 104 KiB. It was
 * 100 KiB until the header gained the bulk page and the offline controls and code pages gained grouped,
 * filterable entry lists; pages now load about 103.2 KB, React DOM still 65 KB of it.
 */
export const BUDGET_BYTES = 106_496;

export type PageKind = 'entry' | 'code' | 'article' | 'home';
type ManifestChunk = { file: string; name?: string; src?: string; isEntry?: boolean; imports?: string[] };
type Manifest = Record<string, ManifestChunk>;

export type LoadedChunk = { file: string; id: string; gzip: number };
export type PageScripts = {
  kind: PageKind;
  /** The HTML file, relative to dist/, e.g. "codes/550/index.html". */
  page: string;
  chunks: LoadedChunk[];
  gzip: number;
  /** Data files the HTML preloads, e.g. "/data/entries/x.json". */
  preloadedData: string[];
};

const gzipSize = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).length;

const manifests = new Map<string, Manifest>();
const gzipSizes = new Map<string, number>();

export function readManifest(folder: string): Manifest {
  let manifest = manifests.get(folder);
  if (!manifest) {
    manifest = JSON.parse(readFileSync(path.join(folder, '.vite', 'manifest.json'), 'utf8')) as Manifest;
    manifests.set(folder, manifest);
  }
  return manifest;
}

function gzipSizeOf(file: string): number {
  let size = gzipSizes.get(file);
  if (size === undefined) {
    size = gzipSize(readFileSync(file));
    gzipSizes.set(file, size);
  }
  return size;
}

/** A chunk's name that survives a rebuild: its source file, else its name ("catalogue", not "_catalogue-Dc1q.js"). */
const chunkId = (key: string, chunk: ManifestChunk): string => chunk.src ?? chunk.name ?? key;

/** The script files an HTML page loads before it is interactive, with the static imports they pull in. */
export function measurePage(kind: PageKind, page: string, folder = dist): PageScripts {
  const html = readFileSync(path.join(folder, page), 'utf8');
  const manifest = readManifest(folder);
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, { key, chunk }]));
  // <script type="module" crossorigin src="/assets/index-DBKsa4Vi.js"> and <link rel="modulepreload" href="/assets/x.js">
  const tags = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="\/([^"]+)"/g), ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="\/([^"]+)"/g)];
  const files = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const imported of byFile.get(file)?.chunk.imports ?? []) {
      const next = manifest[imported];
      if (next) visit(next.file);
    }
  };
  for (const tag of tags) visit(tag[1] ?? '');
  const chunks = [...files].map((file) => {
    const found = byFile.get(file);
    return { file, id: found ? chunkId(found.key, found.chunk) : file, gzip: gzipSizeOf(path.join(folder, file)) };
  });
  // <link rel="preload" as="fetch" crossorigin href="/data/entries/x.json">
  const preloadedData = [...html.matchAll(/<link\b[^>]*\brel="preload"[^>]*\bhref="(\/data\/[^"]+)"/g)].map((match) => match[1] ?? '');
  return { kind, page, chunks: chunks.sort((a, b) => b.gzip - a.gzip), gzip: chunks.reduce((sum, chunk) => sum + chunk.gzip, 0), preloadedData };
}

function listFolders(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => statSync(path.join(folder, name)).isDirectory())
    .sort();
}

const listPages = (folder: string): string[] => listFolders(folder).filter((name) => existsSync(path.join(folder, name, 'index.html')));

/** Every prerendered page of a kind, as paths relative to dist/ ("bounces/rackspace/g17-.../index.html"). */
export function pagesOfKind(kind: PageKind, folder = dist): string[] {
  if (kind === 'home') return ['index.html'];
  if (kind === 'entry') {
    return listFolders(path.join(folder, 'bounces')).flatMap((provider) =>
      listPages(path.join(folder, 'bounces', provider)).map((slug) => `bounces/${provider}/${slug}/index.html`),
    );
  }
  const section = kind === 'code' ? 'codes' : 'articles';
  return listPages(path.join(folder, section)).map((key) => `${section}/${key}/index.html`);
}

/** One representative page of each kind, preferring the worked example entry and code 550. */
export function samplePages(folder = dist): [PageKind, string][] {
  const pick = (kind: PageKind, preferred: string): [PageKind, string] => {
    const pages = pagesOfKind(kind, folder);
    return [kind, pages.includes(preferred) ? preferred : (pages[0] ?? preferred)];
  };
  return [
    pick('entry', 'bounces/rackspace/g17-message-too-large/index.html'),
    pick('code', 'codes/550/index.html'),
    pick('article', 'articles/spf/index.html'),
    ['home', 'index.html'],
  ];
}

/** Chunks and packages that make up search and the diagnosis engine, which load only when needed. */
export const ON_DEMAND_CHUNKS = [/^src\/lib\/search\//, /^src\/lib\/bounce\/diagnose/, /worker/i];
export const ON_DEMAND_PACKAGES = ['fuse.js', 'postal-mime', 'src/lib/search', 'src/lib/bounce'];
export const ON_DEMAND_DATA = [/\/data\/search\.json$/, /\/data\/diagnosis\.json$/];

/** Builds the client again with source maps into a temporary folder, to tell which package each byte came from. */
export function buildWithSourceMaps(): string {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'bouncedoc-maps-'));
  execFileSync(path.join(root, 'node_modules', '.bin', 'vite'), ['build', '--sourcemap', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return outDir;
}

/** "react-dom", "@tanstack/router-core", "src/components", or "(bundler runtime)" for a source-map source. */
function packageOf(source: string | null): string {
  if (!source) return '(bundler runtime)';
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (inModules) return inModules[1] ?? source;
  const inSource = /(?:^|\/)src\/(lib\/[^/]+|[^/?]+)/.exec(source);
  if (inSource) return `src/${(inSource[1] ?? '').replace(/\.[jt]sx?$/, '')}`;
  return source;
}

/** Gzip bytes per package over some chunks: each chunk's gzip size shared out by its raw bytes per package. */
export function attributePackages(mapsDir: string, chunkIds: readonly string[]): Map<string, number> {
  const manifest = readManifest(mapsDir);
  const files = new Map(Object.entries(manifest).map(([key, chunk]) => [chunkId(key, chunk), chunk.file]));
  const totals = new Map<string, number>();
  for (const id of chunkIds) {
    const file = files.get(id);
    if (!file || !existsSync(path.join(mapsDir, `${file}.map`))) {
      totals.set(`(unmapped: ${id})`, Number.NaN);
      continue;
    }
    const code = readFileSync(path.join(mapsDir, file));
    const lines = code.toString('utf8').split('\n');
    const consumer = new SourceMapConsumer(JSON.parse(readFileSync(path.join(mapsDir, `${file}.map`), 'utf8')) as never);
    const raw = new Map<string, number>();
    const mappings: { line: number; column: number; source: string | null }[] = [];
    consumer.eachMapping((mapping) => mappings.push({ line: mapping.generatedLine, column: mapping.generatedColumn, source: mapping.source }));
    mappings.forEach((mapping, index) => {
      const next = mappings[index + 1];
      const end = next && next.line === mapping.line ? next.column : (lines[mapping.line - 1] ?? '').length;
      const name = packageOf(mapping.source);
      raw.set(name, (raw.get(name) ?? 0) + Math.max(0, end - mapping.column));
    });
    const rawTotal = [...raw.values()].reduce((sum, bytes) => sum + bytes, 0) || 1;
    const gzip = gzipSize(code);
    for (const [name, bytes] of raw) totals.set(name, (totals.get(name) ?? 0) + (gzip * bytes) / rawTotal);
  }
  return totals;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

function benchPageScripts(): void {
  console.log('page JavaScript before interactive (gzip -9)');
  const mapsDir = buildWithSourceMaps();
  try {
    for (const [kind, page] of samplePages()) {
      const measured = measurePage(kind, page);
      const limit = kind === 'entry' || kind === 'code' ? ` (budget ${String(BUDGET_BYTES)} B: ${measured.gzip <= BUDGET_BYTES ? 'ok' : 'OVER'})` : '';
      console.log(`  ${kind.padEnd(8)} ${String(measured.gzip).padStart(7)} B = ${kb(measured.gzip)}${limit}  ${page}`);
      console.log(`           chunks: ${measured.chunks.map((chunk) => `${chunk.id} ${String(chunk.gzip)}`).join(', ')}`);
      const packages = [...attributePackages(mapsDir, measured.chunks.map((chunk) => chunk.id))].sort((a, b) => b[1] - a[1]);
      console.log(`           biggest: ${packages.slice(0, 7).map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ')}`);
      if (kind === 'entry' || kind === 'code') {
        const onDemand = [
          ...measured.chunks.filter((chunk) => ON_DEMAND_CHUNKS.some((pattern) => pattern.test(chunk.id))).map((chunk) => chunk.id),
          ...packages.filter(([name]) => ON_DEMAND_PACKAGES.some((wanted) => name === wanted || name.startsWith(`${wanted}/`))).map(([name]) => name),
          ...measured.preloadedData.filter((file) => ON_DEMAND_DATA.some((pattern) => pattern.test(file))),
        ];
        console.log(`           search index / diagnosis engine loaded up front: ${onDemand.length === 0 ? 'none' : onDemand.join(', ')}`);
      }
    }
  } finally {
    rmSync(mapsDir, { recursive: true, force: true });
  }
}

async function benchLargestContentfulPaint(runs = 9): Promise<void> {
  const { chromium } = await import('playwright-core');
  const { startStaticServer } = await import('../tests/e2e/static-server.ts');
  const { server, url } = await startStaticServer(dist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const page = samplePages().find(([kind]) => kind === 'entry')?.[1] ?? '';
  const address = `${url}/${page.replace(/\/index\.html$/, '')}`;
  const figures: number[] = [];
  const onDemandRequests = new Set<string>();
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      tab.on('request', (request) => {
        const requested = request.url();
        if (/\/data\/(search|diagnosis)\.json|\/assets\/(search|diagnose)[^/]*\.js/.test(requested)) onDemandRequests.add(new URL(requested).pathname);
      });
      await tab.goto(address, { waitUntil: 'load' });
      // Runs in the page: the last 'largest-contentful-paint' entry so far is the page's LCP.
      const lcp = await tab.evaluate<number>(`new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries.length > 0 ? entries[entries.length - 1].startTime : NaN);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => resolve(NaN), 5000);
      })`);
      figures.push(lcp);
      await context.close();
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
  console.log('largest contentful paint, headless Chromium, local static server, cold');
  console.log(`  ${`entry page (${String(runs)} loads)`.padEnd(32)} median ${ms(quantile(figures, 0.5))}, min ${ms(Math.min(...figures))}, max ${ms(Math.max(...figures))}  /${page.replace(/\/index\.html$/, '')}`);
  console.log(`  ${'search / diagnosis on load'.padEnd(32)} ${onDemandRequests.size === 0 ? 'not requested' : [...onDemandRequests].join(', ')}`);
}

/** A deterministic pseudo-random generator (mulberry32), so the synthetic catalogue is the same every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['mail', 'net', 'post', 'relay', 'gate', 'host', 'box', 'link', 'zen', 'cor', 'tel', 'vox', 'astra', 'nova', 'byte', 'wire'];
const REPLY_CODES = ['421', '450', '451', '452', '550', '551', '552', '553', '554'];

/** 10,000 documents: the real code, guide, cause and provider pages, and entries made from the real ones (new provider names, hosts, tags, codes and reworded titles). */
export function syntheticCatalogue(documents: readonly SearchDocument[], size = 10_000): SearchDocument[] {
  const pages = documents.filter((doc) => doc.kind !== 'entry');
  const real = documents.filter((doc) => doc.kind === 'entry');
  const next = random(20_240_401);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const word = (): string => `${pick(SYLLABLES)}${pick(SYLLABLES)}${String(Math.floor(next() * 90))}`;
  return [...pages, ...Array.from({ length: size - pages.length }, (_, index) => {
    const base = real[index % real.length] as SearchDocument;
    const provider = `${word()}.example`;
    const reply = pick(REPLY_CODES);
    const enhanced = `${reply.charAt(0)}.${String(Math.floor(next() * 8))}.${String(Math.floor(next() * 10))}`;
    const host = `mx${String(index)}.${provider}`;
    return {
      ...base,
      id: `synthetic/${String(index)}`,
      url: `/bounces/synthetic/${String(index)}`,
      title: `${base.title.replace(/^[^:]+:/, `${provider}:`)} ${word()}`,
      provider: `${provider} (${word()})`,
      codes: next() < 0.5 ? base.codes : [reply, enhanced],
      tag: next() < 0.1 ? `${pick(['tss', 'bl', 'rl', 'g'])}${String(Math.floor(next() * 100))}` : base.tag,
      texts: base.texts.map((text) => `${text.replace(/\b(?:mx|mail|smtp)[\w.-]*\.(?:com|net|org)\b/gi, host)} [${host}] ref ${word()}`),
    };
  })];
}

/** What people type: codes, server texts, symptoms, names, and a typo. */
const QUERIES = [
  '550 5.1.1 user unknown',
  'mailbox full',
  'message too large',
  'spamhaus',
  'relay access denied',
  '5.7.1',
  'dmarc policy reject',
  'recipient address rejected',
  'g17',
  'blocked using',
  'too many connections',
  'acess denied',
  'gmail rate limit',
  'sender domain not found',
  'how do I set up dmarc',
  'smtp error 554',
  'AS(201806281)',
  'why was my email rejected as spam',
];

async function benchSearch(): Promise<void> {
  const { createSearcher } = await import('../src/lib/search/search.ts');
  const real = JSON.parse(readFileSync(path.join(root, 'public', 'data', 'search.json'), 'utf8')) as SearchDocument[];
  const keystrokes = QUERIES.flatMap((query) => Array.from({ length: query.length }, (_, index) => query.slice(0, index + 1)));
  console.log(`search per keystroke (${String(QUERIES.length)} queries typed one character at a time, ${String(keystrokes.length)} keystrokes)`);
  for (const [label, docs] of [
    [`real catalogue (${String(real.length)})`, real],
    ['synthetic catalogue (10,000)', syntheticCatalogue(real)],
  ] as const) {
    const warmUp = createSearcher(docs); // warms up the JIT on a throwaway index
    for (const query of keystrokes) warmUp(query);
    const times: number[] = [];
    const builds: number[] = [];
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      const search = createSearcher(docs);
      builds.push(performance.now() - started);
      for (const query of keystrokes) {
        const begun = performance.now();
        search(query);
        times.push(performance.now() - begun);
      }
    }
    console.log(`  ${label.padEnd(32)} median ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, max ${ms(Math.max(...times))}; index build ${ms(quantile(builds, 0.5))}`);
  }
}

function ensureBuilt(): void {
  if (existsSync(path.join(dist, '.vite', 'manifest.json')) && existsSync(path.join(dist, 'index.html'))) return;
  console.log('dist/ is missing: building the site first (npm run build)');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  ensureBuilt();
  benchPageScripts();
  await benchLargestContentfulPaint();
  await benchSearch();
}

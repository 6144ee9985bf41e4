// The offline service worker, served as /sw.js with scope /. It precaches the finished site (every
// prerendered page, the app's assets and the catalogue data), so a visited site answers deep links and
// diagnoses pastes with the network off. scripts/build-service-worker.ts bundles this file after
// prerendering and injects the precache list in place of the manifest placeholder below. It only
// ever fetches URLs of its own origin.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, PrecacheController, PrecacheRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';

type LifecycleEvent = Event & { waitUntil: (promise: Promise<unknown>) => void };

declare const self: {
  __WB_MANIFEST: (string | PrecacheEntry)[];
  skipWaiting: () => Promise<void>;
  addEventListener: (type: 'install' | 'activate', listener: (event: LifecycleEvent) => void) => void;
};

/** How many files the install downloads at once (Workbox alone fetches ~1,700 files one by one). */
const PARALLEL_DOWNLOADS = 8;

const manifest = self.__WB_MANIFEST;
const precache = new PrecacheController();
precache.addToCacheList(manifest);
// Files without a hash in their name carry a revision: fetch those past the HTTP cache, as Workbox does.
const revised = new Set(manifest.flatMap((entry) => (typeof entry !== 'string' && entry.revision ? [new URL(entry.url, location.href).href] : [])));

/** Stores every file of the precache list that is not stored yet (a new deploy fetches only what changed). */
async function fillPrecache(event: LifecycleEvent): Promise<void> {
  const waiting = [...precache.getURLsToCacheKeys()];
  const download = async (): Promise<void> => {
    for (let next = waiting.shift(); next; next = waiting.shift()) {
      const [url, cacheKey] = next;
      const request = new Request(url, { cache: revised.has(url) ? 'reload' : 'default', credentials: 'same-origin' });
      await Promise.all(precache.strategy.handleAll({ params: { cacheKey }, request, event }));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, download));
}

// A new deploy takes over as soon as it is stored: open pages keep working, because a lazy route chunk
// that is gone makes the router reload the page, which then comes from the new precache.
self.addEventListener('install', (event) => event.waitUntil(fillPrecache(event).then(() => self.skipWaiting())));
self.addEventListener('activate', (event) => void precache.activate(event));
clientsClaim();
cleanupOutdatedCaches();

/**
 * Each page is precached once, as <path>.html; these are the other spellings of its address, e.g.
 * "/codes/550/" and "/codes/550/index.html" -> "/codes/550.html" ("/codes/550" is covered by cleanURLs).
 */
function otherSpellings({ url }: { url: URL }): URL[] {
  const spelling = new URL(url.href);
  spelling.search = '';
  if (/.\/$/.test(spelling.pathname)) spelling.pathname = `${spelling.pathname.slice(0, -1)}.html`; // "/codes/550/"
  else if (/.\/index\.html$/.test(spelling.pathname)) spelling.pathname = spelling.pathname.replace(/\/index\.html$/, '.html'); // "/codes/index.html"
  else return [];
  return [spelling];
}

registerRoute(
  new PrecacheRoute(precache, {
    directoryIndex: 'index.html',
    cleanURLs: true,
    // The query (?q= for search) is read by the page itself; the same HTML answers every query.
    ignoreURLParametersMatching: [/./],
    urlManipulation: otherSpellings,
  }),
);

/** The precached not-found page, with a 404 status, or a bare 404 if it is missing. */
async function notFoundPage(): Promise<Response> {
  const page = await precache.matchPrecache('/404.html');
  if (!page) return new Response('Page not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(page.body, { status: 404, statusText: 'Not Found', headers: page.headers });
}

// Addresses that are not in the precache: ask the server, and offline fall back to the 404 page.
registerRoute(
  ({ request, sameOrigin }) => sameOrigin && request.mode === 'navigate',
  async ({ request }) => {
    try {
      return await fetch(request);
    } catch {
      return notFoundPage();
    }
  },
);

// Every data file of this deploy is precached, so one that is not does not exist: offline, answer 404
// and the page shows its not-found view instead of an error.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/data/'),
  async ({ request }) => {
    try {
      return await fetch(request);
    } catch {
      return new Response('null', { status: 404, headers: { 'content-type': 'application/json' } });
    }
  },
);

// The offline worker, served as /sw.js with scope /. scripts/build-service-worker.ts bundles this file
// after prerendering and replaces __SW_MANIFEST__ with this deploy's version, its small shell and the
// size of the whole site.
// - Install stores only the shell: the home page, the 404 page, the scripts and styles, and the data the
//   paste box and search need. A shell file that is missing is skipped (only the home page is required),
//   so one absent file never blocks an update.
// - Pages are stored as they are visited (network first, the stored copy when offline); the rest of the
//   site only when the person chooses "Make available offline" (a message from the page), with progress.
// - A new version waits until the page asks it to take over ("A new version is available: reload").
// - Data URLs carry the data's version (/data/x.json?v=...). A stored file is used only for its own
//   version; one fetched from the network is used only if the server's deploy has that version, otherwise
//   the page is told to reload: a page never runs against another deploy's data.
// It only ever fetches URLs of its own origin.

// A module, so the declarations below stay local to this file.
export {};

type ShellEntry = { url: string; revision: string; size: number };
type SwManifest = { version: string; dataVersion: string; shell: ShellEntry[]; site: { count: number; bytes: number } };
type OfflineFile = { url: string; size: number };

type ExtendableEvent = Event & { waitUntil: (promise: Promise<unknown>) => void };
type FetchEvent = ExtendableEvent & { request: Request; respondWith: (response: Promise<Response> | Response) => void };
type ClientMessageEvent = ExtendableEvent & { data: unknown; source: { id: string } | null };
type WindowClient = { id: string; postMessage: (message: unknown) => void };

declare const __SW_MANIFEST__: SwManifest;
declare const self: {
  location: Location;
  registration: { active: unknown };
  skipWaiting: () => Promise<void>;
  clients: { claim: () => Promise<void>; matchAll: (options?: { type?: string; includeUncontrolled?: boolean }) => Promise<WindowClient[]> };
  addEventListener: ((type: 'install' | 'activate', listener: (event: ExtendableEvent) => void) => void) &
    ((type: 'fetch', listener: (event: FetchEvent) => void) => void) &
    ((type: 'message', listener: (event: ClientMessageEvent) => void) => void);
};

const MANIFEST = __SW_MANIFEST__;
const SHELL_CACHE = `bouncedoc-shell-${MANIFEST.version}`;
const SITE_CACHE = `bouncedoc-site-${MANIFEST.version}`;
/** Pages, scripts and data as they are visited; data keys carry their version, pages are replaced when fetched again. */
const VISITED_CACHE = 'bouncedoc-visited';
const SETTINGS_CACHE = 'bouncedoc-settings';
const OFFLINE_CHOICE = '/__offline-choice';
const PARALLEL_DOWNLOADS = 6;

const sameOrigin = (url: URL): boolean => url.origin === self.location.origin;

/** Sends a message to every open page of the site. */
async function tell(message: unknown): Promise<void> {
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) client.postMessage(message);
}

/** Runs `task` over `items` with a few downloads at a time. */
async function inParallel<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  const waiting = [...items];
  const worker = async (): Promise<void> => {
    for (let next = waiting.shift(); next !== undefined; next = waiting.shift()) await task(next);
  };
  await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, worker));
}

/** The cache key of a site file: data carries this deploy's version, pages have one address each. */
function keyFor(url: string): string {
  const parsed = new URL(url, self.location.href);
  if (parsed.pathname.startsWith('/data/')) return `${parsed.pathname}?v=${MANIFEST.dataVersion}`;
  return pageAddress(parsed.pathname) ?? parsed.pathname;
}

/** "/codes/550.html", "/codes/550/", "/codes/550/index.html" -> "/codes/550"; "/index.html" -> "/". Null for files. */
function pageAddress(pathname: string): string | null {
  if (pathname === '/' || pathname === '/index.html') return '/';
  const page = pathname.replace(/\/index\.html$|\.html$/, '').replace(/(.)\/$/, '$1');
  if (page !== pathname || !/\.[a-z0-9]+$/i.test(pathname)) return page;
  return null;
}

/**
 * Downloads one file past the HTTP cache; a hashed asset may come from it even when stale (its name is its
 * content), so the scripts the first page already loaded are not downloaded twice.
 */
async function download(url: string): Promise<Response | null> {
  try {
    const response = await fetch(url, { cache: url.startsWith('/assets/') ? 'force-cache' : 'no-cache', credentials: 'same-origin' });
    return response.ok ? response : null;
  } catch {
    return null;
  }
}

// Install: the shell only. An asset with the same hashed name is copied from the previous version's cache.
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      const missing: string[] = [];
      await inParallel(MANIFEST.shell, async ({ url }) => {
        const known = url.startsWith('/assets/') ? await caches.match(url) : undefined;
        const response = known ?? (await download(url));
        if (response) await cache.put(keyFor(url), response);
        else missing.push(url);
      });
      if (missing.includes('/index.html')) throw new Error('the home page is missing from this deploy');
      if (missing.length > 0) console.warn(`Offline copy: ${String(missing.length)} file(s) of this version could not be stored: ${missing.join(', ')}`);
      // The very first install takes over at once; an update waits until the page asks (see 'message').
      if (!self.registration.active) await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([SHELL_CACHE, SITE_CACHE, VISITED_CACHE, SETTINGS_CACHE]);
      for (const name of await caches.keys()) if (name.startsWith('bouncedoc-') && !keep.has(name)) await caches.delete(name);
      await dropOtherVersionsData();
      await self.clients.claim();
      // Someone chose "Make available offline" under the previous version: store this version's site too.
      const settings = await caches.open(SETTINGS_CACHE);
      if (await settings.match(OFFLINE_CHOICE)) void storeSite();
    })(),
  );
});

/** Visited data of an older version is of no use to any page any more. */
async function dropOtherVersionsData(): Promise<void> {
  const visited = await caches.open(VISITED_CACHE);
  for (const request of await visited.keys()) {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/data/') && url.searchParams.get('v') !== MANIFEST.dataVersion) await visited.delete(request);
  }
}

let storing: Promise<void> | null = null;

/** "Make available offline": downloads every file of the site, reporting progress; misses are counted, not fatal. */
function storeSite(): Promise<void> {
  storing ??= (async () => {
    try {
      const listing = await download(`/offline.json?v=${MANIFEST.version}`);
      const list = listing ? ((await listing.json()) as { version: string; files: OfflineFile[] }) : null;
      if (!list || list.version !== MANIFEST.version) {
        await tell({ type: 'offline-failed', reason: list ? 'new-version' : 'unreachable' });
        return;
      }
      const cache = await caches.open(SITE_CACHE);
      const total = list.files.reduce((sum, file) => sum + file.size, 0);
      let done = 0;
      let bytes = 0;
      let failed = 0;
      let lastReport = 0;
      await inParallel(list.files, async (file) => {
        const key = keyFor(file.url);
        const stored = (await cache.match(key)) ?? (await caches.match(key));
        const response = stored ? null : await download(file.url);
        if (response) await cache.put(key, response);
        else if (!stored) failed += 1;
        done += 1;
        bytes += file.size;
        if (Date.now() - lastReport > 250 || done === list.files.length) {
          lastReport = Date.now();
          await tell({ type: 'offline-progress', done, total: list.files.length, bytes, totalBytes: total });
        }
      });
      const settings = await caches.open(SETTINGS_CACHE);
      await settings.put(OFFLINE_CHOICE, new Response('yes'));
      await tell({ type: 'offline-done', count: list.files.length, failed, bytes: total });
    } finally {
      storing = null;
    }
  })();
  return storing;
}

async function offlineStatus(): Promise<unknown> {
  const settings = await caches.open(SETTINGS_CACHE);
  return { type: 'offline-status', stored: (await settings.match(OFFLINE_CHOICE)) !== undefined, storing: storing !== null, ...MANIFEST.site, version: MANIFEST.version };
}

self.addEventListener('message', (event) => {
  const type = typeof event.data === 'object' && event.data !== null ? (event.data as { type?: unknown }).type : null;
  if (type === 'skip-waiting') event.waitUntil(self.skipWaiting());
  else if (type === 'store-site') event.waitUntil(storeSite());
  else if (type === 'offline-status') event.waitUntil(offlineStatus().then(tell));
  else if (type === 'remember') event.waitUntil(remember((event.data as { urls?: unknown }).urls));
});

/** Stores the page that was open before this worker controlled it, and what it loaded (the first visit). */
async function remember(urls: unknown): Promise<void> {
  if (!Array.isArray(urls)) return;
  const cache = await caches.open(VISITED_CACHE);
  const wanted = urls
    .filter((url): url is string => typeof url === 'string')
    .map((url) => new URL(url, self.location.href))
    .filter((url) => sameOrigin(url) && (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/data/') || pageAddress(url.pathname) !== null || !/\.[a-z]+$/i.test(url.pathname)))
    .slice(0, 40);
  await inParallel(wanted, async (url) => {
    const isData = url.pathname.startsWith('/data/');
    const key = isData ? `${url.pathname}?v=${url.searchParams.get('v') ?? MANIFEST.dataVersion}` : keyFor(url.pathname);
    if (isData && url.searchParams.get('v') !== MANIFEST.dataVersion) return;
    if (await stored(key)) return;
    const page = isData || url.pathname.startsWith('/assets/') ? null : key;
    const response = await download(page === null ? url.pathname + url.search : page === '/' ? '/index.html' : `${page}.html`);
    if (response) await cache.put(key, response);
  });
}

/** The first stored copy of a key, in this version's caches and then the visited cache. */
async function stored(key: string): Promise<Response | undefined> {
  for (const name of [SHELL_CACHE, SITE_CACHE, VISITED_CACHE]) {
    const hit = await (await caches.open(name)).match(key);
    if (hit) return hit;
  }
  return undefined;
}

const OFFLINE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline | Bouncedoc</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5"><main><h1>You are offline</h1>
<p>This page was not saved on this device. Pages you opened before, and the paste box on the <a href="/">home page</a>, work offline.</p>
<p>To keep every page, choose “Make available offline” at the bottom of any page the next time you are online.</p></main></body></html>`;

async function openPage(request: Request, url: URL): Promise<Response> {
  const address = pageAddress(url.pathname) ?? url.pathname;
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic' && !response.redirected) {
      const copy = response.clone();
      void caches.open(VISITED_CACHE).then((cache) => cache.put(address, copy));
    }
    return response;
  } catch {
    const page = await stored(address);
    if (page) return page;
    // With the whole site stored, an address that is not in it does not exist.
    const notFound = (await (await caches.open(SETTINGS_CACHE)).match(OFFLINE_CHOICE)) ? await stored('/404') : undefined;
    if (notFound) return new Response(notFound.body, { status: 404, statusText: 'Not Found', headers: notFound.headers });
    return new Response(OFFLINE_PAGE, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
}

let serverVersion: { value: Promise<string | null>; at: number } | null = null;

/** The data version of the deploy the server has now (asked at most every 30 s). */
function currentServerVersion(): Promise<string | null> {
  if (!serverVersion || Date.now() - serverVersion.at > 30_000) {
    serverVersion = {
      at: Date.now(),
      value: fetch('/version.json', { cache: 'no-store' })
        .then(async (response) => (response.ok ? ((await response.json()) as { data?: string }).data ?? null : null))
        .catch(() => null),
    };
  }
  return serverVersion.value;
}

async function openData(request: Request, url: URL): Promise<Response> {
  const version = url.searchParams.get('v');
  const key = `${url.pathname}?v=${version ?? MANIFEST.dataVersion}`;
  const hit = await stored(key);
  if (hit) return hit;
  let response: Response;
  try {
    response = await fetch(request);
  } catch {
    // With the whole site stored, a data file that is not in it does not exist: the page shows "not found".
    const siteStored = (await (await caches.open(SETTINGS_CACHE)).match(OFFLINE_CHOICE)) !== undefined;
    return new Response('null', { status: siteStored ? 404 : 503, statusText: siteStored ? 'Not Found' : 'Offline', headers: { 'content-type': 'application/json' } });
  }
  // A 404 is the same in every version; anything else must come from the deploy the page was built for.
  if (response.ok && version !== null) {
    const server = await currentServerVersion();
    if (server !== null && server !== version) {
      void tell({ type: 'version-mismatch' });
      return new Response('null', { status: 409, statusText: 'Another version of the site', headers: { 'content-type': 'application/json' } });
    }
    const copy = response.clone();
    void caches.open(VISITED_CACHE).then((cache) => cache.put(key, copy));
  }
  return response;
}

async function openFile(request: Request, url: URL): Promise<Response> {
  const key = keyFor(url.href);
  const hashed = url.pathname.startsWith('/assets/');
  if (hashed) {
    const hit = await stored(key);
    if (hit) return hit;
  }
  try {
    const response = await fetch(request);
    if (response.ok && hashed) {
      const copy = response.clone();
      void caches.open(VISITED_CACHE).then((cache) => cache.put(key, copy));
    }
    return response;
  } catch {
    return (await stored(key)) ?? new Response('', { status: 503, statusText: 'Offline' });
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !sameOrigin(url) || url.pathname === '/sw.js' || url.pathname === '/version.json' || url.pathname === '/offline.json') return;
  if (request.mode === 'navigate') event.respondWith(openPage(request, url));
  else if (url.pathname.startsWith('/data/')) event.respondWith(openData(request, url));
  else event.respondWith(openFile(request, url));
});

// Offline use and updates in Chromium, on a copy of dist/ served by a plain static server (the copy is
// changed in place to play a new deploy). The first visit stores only the shell (measured: what goes over
// the network in the first 10 s of a cold visit to an entry page, worker included); pages are stored as
// they are visited; "Make available offline" stores the rest, with progress; a new deploy is offered
// ("A new version is available") and taken on "Reload", also when the deploy lacks a file. The worker
// never asks another origin for anything.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startStaticServer } from './static-server.ts';

type ApiCatalogue = { entries: { url: string; title: string; provider: string }[] };
const api = JSON.parse(readFileSync('dist/api/catalogue.json', 'utf8')) as ApiCatalogue;
const entry = api.entries.find((candidate) => candidate.url === '/bounces/rackspace/g8-email-address-not-found') ?? api.entries[0];
const unvisitedEntry = api.entries.find((candidate) => candidate.url !== entry?.url && candidate.provider !== entry?.provider) ?? api.entries[1];

const FIRST_VISIT_BUDGET = 2 * 1024 * 1024;
const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/** The ids of axe-core's violations (WCAG 2.1 A and AA, best practices) in the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: { id: string }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
    return result.violations.map((violation) => violation.id);
  });
}

let site: string;
let server: Server;
let origin: string;
let context: BrowserContext;
const requests: string[] = [];
let firstVisitBytes = 0;

beforeAll(async () => {
  site = mkdtempSync(path.join(os.tmpdir(), 'bouncedoc-offline-'));
  cpSync('dist', site, { recursive: true });
  ({ server, url: origin } = await startStaticServer(site));
  context = await launchBrowser({ serviceWorkers: 'allow' });
  context.on('request', (request) => requests.push(request.url()));
  // Everything fetched over the network (not answered by the worker) in the first 10 s of a cold visit.
  const sizes: Promise<number>[] = [];
  const counting = (request: Request): void => {
    sizes.push(
      request
        .response()
        .then(async (response) => (response && !response.fromServiceWorker() ? (await request.sizes()).responseBodySize + (await request.sizes()).responseHeadersSize : 0))
        .catch(() => 0),
    );
  };
  context.on('requestfinished', counting);
  const page = await context.newPage();
  await page.goto(`${origin}${entry?.url ?? '/'}`);
  await page.waitForTimeout(10_000);
  context.off('requestfinished', counting);
  firstVisitBytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
  console.log(`first visit to ${entry?.url ?? '/'}: ${String(sizes.length)} requests, ${(firstVisitBytes / 1024).toFixed(0)} KB in the first 10 s`);
  await page.close();
}, 120_000);

afterAll(async () => {
  await context.close();
  await new Promise((resolve) => server.close(resolve));
  rmSync(site, { recursive: true, force: true });
});

async function open(pathname: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) errors.push(message.text());
  });
  await page.goto(`${origin}${pathname}`, { waitUntil: 'load' });
  return { page, errors };
}

const controlled = (page: Page): Promise<unknown> =>
  page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });

/** Plays a new deploy: the worker's version changes, as a rebuild with any changed file would change it. */
function deployNewVersion(change: (site: string) => void = () => undefined): string {
  const { version } = JSON.parse(readFileSync(path.join(site, 'version.json'), 'utf8')) as { version: string };
  const next = `${version.slice(0, 6)}${String(Date.now() % 1_000_000).padStart(6, '0')}`;
  for (const file of ['sw.js', 'version.json', 'offline.json']) {
    writeFileSync(path.join(site, file), readFileSync(path.join(site, file), 'utf8').replaceAll(version, next));
  }
  change(site);
  return next;
}

describe('the first visit', () => {
  it('transfers under 2 MB in its first 10 s, worker included', () => {
    expect(firstVisitBytes).toBeGreaterThan(100_000);
    expect(firstVisitBytes).toBeLessThan(FIRST_VISIT_BUDGET);
  });

  it('stores the shell, not the whole site', async () => {
    const { page } = await open('/');
    await controlled(page);
    const stored = await page.evaluate(async () => {
      let count = 0;
      for (const name of await caches.keys()) count += (await (await caches.open(name)).keys()).length;
      return count;
    });
    expect(stored).toBeGreaterThan(10);
    expect(stored).toBeLessThan(100);
    await page.close();
  });
});

describe('with the network off after one visit', () => {
  beforeAll(async () => {
    await context.setOffline(true);
  });
  afterAll(async () => {
    await context.setOffline(false);
  });

  it('opens the entry page visited first, by a deep link, with its content and title', async () => {
    if (!entry) throw new Error('the catalogue has no entries');
    const { page, errors } = await open(entry.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.title()).toBe(`${entry.title} | Bouncedoc`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('diagnoses a pasted bounce on the home page', async () => {
    const { page, errors } = await open('/');
    await page.getByRole('textbox', { name: /bounce/i }).fill('550 5.1.1 <bob@example.org>: Email address could not be found, or was misspelled (G8)');
    await page.getByRole('button', { name: 'Diagnose' }).click();
    await page.getByRole('region', { name: 'Diagnosis', exact: true }).waitFor();
    expect(await page.getByRole('list', { name: 'Matching entries' }).getByRole('listitem').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says a page that was never opened is not saved, instead of failing', async () => {
    const page = await context.newPage();
    const response = await page.goto(`${origin}${unvisitedEntry?.url ?? '/codes/5.7.1'}`);
    expect(response?.status()).toBe(503);
    await page.getByRole('heading', { name: 'You are offline' }).waitFor();
    await page.close();
  });
});

describe('Make available offline', () => {
  it('shows the size, reports progress and then opens unvisited pages offline', async () => {
    const { page } = await open('/codes');
    await controlled(page);
    const button = page.getByRole('button', { name: /^Make available offline \(\d+\.\d MB\)$/ });
    await button.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await button.click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /Saving for offline use|Available offline/ }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.getByText(/^Available offline: every page is saved on this device \(\d+\.\d MB\)\.$/).waitFor({ timeout: 120_000 });
    await page.close();

    await context.setOffline(true);
    try {
      const code = await open('/codes/5.7.1');
      await code.page.getByRole('heading', { level: 1 }).waitFor();
      expect(await code.page.title()).toMatch(/^5\.7\.1: .+ \| Bouncedoc$/);
      expect(code.errors).toEqual([]);
      await code.page.close();
      for (const spelling of ['/codes/550/', '/codes/550.html']) {
        const other = await open(spelling);
        expect(await other.page.title(), spelling).toMatch(/^550: .+ \| Bouncedoc$/);
        await other.page.close();
      }
      const unknown = await context.newPage();
      expect((await unknown.goto(`${origin}/codes/9.9.9`))?.status()).toBe(404);
      await unknown.getByRole('heading', { name: 'Page not found' }).waitFor();
      await unknown.close();
    } finally {
      await context.setOffline(false);
    }
  }, 180_000);
});

describe('a new deploy', () => {
  it('is offered with "A new version is available" and taken on Reload', async () => {
    const { page } = await open('/');
    await controlled(page);
    const next = deployNewVersion();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const notice = page.getByRole('status').filter({ hasText: 'A new version is available.' });
    await notice.waitFor({ timeout: 30_000 });
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
    await expect.poll(() => page.evaluate(async () => (await caches.keys()).join(' ')), { timeout: 20_000 }).toContain(`bouncedoc-shell-${next}`);
    await page.close();
  }, 90_000);

  it('is still offered, and works, when the deploy lacks a file', async () => {
    const { page } = await open('/');
    await controlled(page);
    deployNewVersion((folder) => {
      // One file of the shell (the worker that reads large share links) and one page.
      const shellFile = readdirSync(path.join(folder, 'assets')).find((name) => name.startsWith('share-link.worker-'));
      if (!shellFile) throw new Error('no share-link worker in dist/assets');
      rmSync(path.join(folder, 'assets', shellFile));
      rmSync(path.join(folder, 'codes', '421.html'));
    });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const notice = page.getByRole('status').filter({ hasText: 'A new version is available.' });
    await notice.waitFor({ timeout: 30_000 });
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The site was made available offline before: the new version is stored again, all but the missing page
    // (the missing script may still come from the browser's HTTP cache: its name is its content).
    await page.getByText(/^Available offline \(\d+\.\d MB\), except (?:1 file|2 files) that could not be saved\.$/).waitFor({ timeout: 120_000 });
    await page.close();
  }, 180_000);

  it('never requests anything from another origin', () => {
    expect(requests.filter((url) => url.includes('/data/codes/')).length).toBeGreaterThan(100);
    expect(requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== new URL(origin).origin)).toEqual([]);
  });
});

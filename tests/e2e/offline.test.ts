// Offline support in Chromium: after one visit the service worker (/sw.js, built after prerendering)
// controls the site, and with the network off it still answers deep links that were never opened, in
// every spelling of their address, diagnoses a paste on the home page and shows the 404 page for
// unknown addresses. The worker never asks another origin for anything.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage } from './browser.ts';

type ApiCatalogue = { entries: { url: string; title: string; provider: string }[] };
const api = JSON.parse(readFileSync('dist/api/catalogue.json', 'utf8')) as ApiCatalogue;

let context: BrowserContext;
const contextRequests: string[] = [];

beforeAll(async () => {
  context = await launchBrowser({ serviceWorkers: 'allow' });
  context.on('request', (request) => contextRequests.push(request.url()));
  const { page } = await openPage(context, '/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
  await page.close();
  await context.setOffline(true);
});
afterAll(async () => {
  await context.close();
});

async function openOffline(path: string): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openPage(context, path);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { page, errors };
}

describe('the service worker', () => {
  it('is served from /sw.js and controls the site after one visit', async () => {
    const page = await context.newPage();
    await page.goto(new URL('/', baseUrl()).href);
    const script = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
    expect(script).toBe(new URL('/sw.js', baseUrl()).href);
    await page.close();
  });

  it('never requests anything from another origin', () => {
    const origin = new URL(baseUrl()).origin;
    // The worker's own downloads are included: it fetched every code page's data while installing.
    expect(contextRequests.filter((url) => url.includes('/data/codes/')).length).toBeGreaterThan(100);
    expect(contextRequests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });
});

describe('with the network off', () => {
  it('opens an entry page that was never visited, with its content and title', async () => {
    const entry = api.entries.find((candidate) => candidate.url === '/bounces/rackspace/g8-email-address-not-found') ?? api.entries[0];
    if (!entry) throw new Error('the catalogue has no entries');
    const { page, errors } = await openOffline(entry.url);
    expect(await page.title()).toBe(`${entry.title} | Bouncedoc`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(entry.title.replace(/ \([^)]*\)$/, ''));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens /codes/5.7.1 with its content and title', async () => {
    const { page, errors } = await openOffline('/codes/5.7.1');
    expect(await page.title()).toMatch(/^5\.7\.1: .+ \| Bouncedoc$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('5.7.1');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens /codes/550/ and /codes/550 from the one precached page', async () => {
    for (const path of ['/codes/550/', '/codes/550']) {
      const { page, errors } = await openOffline(path);
      expect(await page.title(), path).toMatch(/^550: .+ \| Bouncedoc$/);
      expect(await page.getByRole('heading', { level: 1 }).textContent(), path).toContain('550');
      expect(errors, path).toEqual([]);
      await page.close();
    }
  });

  it('answers every spelling of a page address with its prerendered HTML', async () => {
    const { page } = await openOffline('/codes');
    const titles = await page.evaluate(async (paths) => {
      const answer = async (path: string): Promise<string> => {
        const response = await fetch(path);
        const title = /<title[^>]*>([^<]*)<\/title>/.exec(await response.text())?.[1] ?? '';
        return `${String(response.status)} ${title}`;
      };
      return Promise.all(paths.map(answer));
    }, ['/codes/550', '/codes/550/', '/codes/550.html', '/codes/550/index.html']);
    for (const title of titles) expect(title).toMatch(/^200 550: .+ \| Bouncedoc$/);
    await page.close();
  });

  it('diagnoses a pasted bounce on the home page', async () => {
    const { page, errors } = await openOffline('/');
    await page.getByRole('textbox', { name: /bounce/i }).fill('550 5.1.1 <bob@example.org>: Email address could not be found, or was misspelled (G8)');
    await page.getByRole('button', { name: 'Diagnose' }).click();
    await page.getByRole('region', { name: 'Diagnosis', exact: true }).waitFor();
    const matches = page.getByRole('list', { name: 'Matching entries' });
    await matches.waitFor();
    expect(await matches.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the not-found page, with status 404, for an unknown address', async () => {
    const page = await context.newPage();
    const response = await page.goto(new URL('/codes/9.9.9', baseUrl()).href);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.close();
  });
});

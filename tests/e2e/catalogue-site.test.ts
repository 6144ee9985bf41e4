// The catalogue site as a visitor meets it: deep links straight from a plain static server, real titles,
// content readable without JavaScript, clean hydration, search by keyboard, and a real 404.
import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage } from './browser.ts';

type ApiCatalogue = {
  entries: { id: string; url: string; title: string; texts: string[]; provider: string; reply: string | null; enhanced: string | null; tag: string | null }[];
};
const api = JSON.parse(readFileSync('dist/api/catalogue.json', 'utf8')) as ApiCatalogue;

let context: BrowserContext;
beforeAll(async () => {
  context = await launchBrowser();
});
afterAll(async () => {
  await context.close();
});

type SeedRow = { text: string; reply: string | null; enhanced: string | null; tag: string | null };
const seedRows = JSON.parse(readFileSync('tests/fixtures/seed-rows.json', 'utf8')) as SeedRow[];

describe('static output', () => {
  it('publishes all 30 seed rows in api/catalogue.json with their exact texts and codes', () => {
    expect(seedRows).toHaveLength(30);
    for (const row of seedRows) {
      const entry = api.entries.find((candidate) => candidate.texts.includes(row.text));
      expect(entry, row.text).toBeDefined();
      if (row.enhanced) expect(entry?.enhanced).toBe(row.enhanced);
      if (row.reply) expect(entry?.reply).toBe(row.reply);
      if (row.tag) expect(entry?.tag).toBe(row.tag);
    }
  });

  it('lists every prerendered page in the sitemap', () => {
    const sitemap = readFileSync('dist/sitemap.xml', 'utf8');
    const pages = [...sitemap.matchAll(/<loc>[^<]*?(\/[^<]*)<\/loc>/g)].map((match) => new URL(match[0].slice(5, -6)).pathname);
    expect(pages.length).toBeGreaterThan(api.entries.length);
    for (const entry of api.entries) expect(pages).toContain(entry.url);
    for (const page of ['/', '/codes', '/codes/5.7.1', '/articles/mx-records', '/providers/google', '/reasons/userunknown']) expect(pages).toContain(page);
  });

  it('serves every seed entry page with status 200 and its own title', async () => {
    const seed = api.entries.filter((entry) => entry.provider === 'rackspace');
    expect(seed.length).toBeGreaterThanOrEqual(1);
    for (const entry of seed) {
      const response = await fetch(new URL(entry.url, baseUrl()));
      expect(response.status, entry.url).toBe(200);
      const html = await response.text();
      expect(decodeHtml(/<title[^>]*>([^<]*)<\/title>/.exec(html)?.[1] ?? '')).toBe(`${entry.title} | Bouncedoc`);
      expect(html).toContain('<h1');
      expect(html).toContain('property="og:title"');
      expect(html).toContain('name="description"');
    }
  });

  it('answers code deep links like /codes/550 and /codes/5.7.1, with and without a trailing slash', async () => {
    for (const path of ['/codes/550', '/codes/5.7.1', '/codes/5.7.1/', '/codes/550/']) {
      const response = await fetch(new URL(path, baseUrl()));
      expect(response.status, path).toBe(200);
    }
  });

  it('returns a real 404 page for unknown addresses', async () => {
    const response = await fetch(new URL('/codes/9.9.9', baseUrl()));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Page not found');
  });
});

describe('in Chromium', () => {
  it('shows an entry page with JavaScript off', async () => {
    const page = await context.newPage();
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(new URL('/bounces/rackspace/g17-message-too-large', baseUrl()).href);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Message too large');
    expect(await page.title()).toBe('Message too large (G17) | Bouncedoc');
    await page.close();
  });

  it('hydrates an entry page without errors and keeps its content', async () => {
    const { page, errors } = await openPage(context, '/bounces/rackspace/g17-message-too-large');
    expect(await page.title()).toBe('Message too large (G17) | Bouncedoc');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Message too large (G17)');
    await page.getByRole('link', { name: /^550:/ }).click();
    await expect.poll(() => page.url()).toContain('/codes/550');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the same page for /codes/550, /codes/550/ and /codes/550.html, under one address', async () => {
    for (const path of ['/codes/550/', '/codes/550.html', '/codes/550/index.html']) {
      const { page, errors } = await openPage(context, path);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { message: path }).toContain('550');
      expect(new URL(page.url()).pathname).toBe('/codes/550');
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('hydrates every kind of page without errors and keeps its prerendered heading', async () => {
    const pages = ['/', '/codes', '/codes/5.7.1', '/codes/5.x.x', '/codes/x.7.x', '/articles', '/articles/spf', '/providers', '/providers/google', '/reasons', '/reasons/userunknown'];
    for (const path of pages) {
      const prerendered = await (await fetch(new URL(path, baseUrl()))).text();
      const heading = /<h1[^>]*>(.*?)<\/h1>/s.exec(prerendered)?.[1]?.replace(/<[^>]+>/g, '') ?? '';
      const { page, errors } = await openPage(context, path);
      expect(decodeHtml(heading), path).not.toBe('');
      expect(await page.getByRole('heading', { level: 1 }).textContent(), path).toBe(decodeHtml(heading));
      expect(errors, path).toEqual([]);
      await page.close();
    }
  });

  it('opens the 404 page for an unknown entry', async () => {
    const { page } = await openPage(context, '/bounces/rackspace/no-such-entry');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await page.close();
  });
});

function decodeHtml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

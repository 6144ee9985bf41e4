// Search in the built site, in Chromium: each of the common searches puts the right entry first, a search
// can be shared through ?q=, and the keyboard alone reaches an entry page.
import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../src/lib/content/build.ts';
import { SEARCH_CASES } from '../fixtures/search-queries.ts';
import { launchBrowser, openPage } from './browser.ts';

const docs = new Map(
  (JSON.parse(readFileSync('public/data/search.json', 'utf8')) as SearchDocument[]).map((doc) => [doc.url, doc]),
);

let context: BrowserContext;
beforeAll(async () => {
  context = await launchBrowser();
});
afterAll(async () => {
  await context.close();
});

describe('search in the browser', () => {
  it('puts the right entry first for each common search typed into the box', async () => {
    const { page, errors } = await openPage(context, '/');
    const box = page.getByRole('searchbox', { name: /search/i });
    for (const { query, expect: wanted, first } of SEARCH_CASES) {
      await box.fill(query);
      const firstLink = page.getByRole('list', { name: 'Search results' }).getByRole('link').first();
      await firstLink.waitFor();
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(query);
      const href = (await firstLink.getAttribute('href')) ?? '';
      const doc = docs.get(href);
      expect(doc, `${query}: ${href}`).toBeDefined();
      expect(first(doc as SearchDocument), `${query} should put ${wanted} first, got ${href}`).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a shared search link with its results, and reaches the entry by keyboard', async () => {
    const { page } = await openPage(context, '/?q=g17');
    const first = page.getByRole('list', { name: 'Search results' }).getByRole('link').first();
    await expect.poll(() => first.textContent()).toBe('Message too large (G17)');
    await page.getByRole('searchbox', { name: /search/i }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/bounces/rackspace/g17-message-too-large');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Message too large (G17)');
    await page.close();
  });
});

// Search in the built site, in Chromium: the query sets (tuning and held-out queries) typed into the box
// puts the answering page first, in view without scrolling at 1280x800; a search is shared through ?q=
// exactly as typed; Enter opens the first result and the arrows move through the results.
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELD_OUT_QUERIES, HELD_OUT_SETS, readQuerySet, TUNING_QUERIES, type SearchCase } from '../fixtures/search-queries.ts';
import { launchBrowser, openPage } from './browser.ts';

let context: BrowserContext;
beforeAll(async () => {
  context = await launchBrowser();
});
afterAll(async () => {
  await context.close();
});

async function firstResults(cases: readonly SearchCase[]): Promise<{ misses: string[]; outOfView: string[] }> {
  const { page, errors } = await openPage(context, '/');
  await page.setViewportSize({ width: 1280, height: 800 });
  const box = page.getByRole('searchbox', { name: /search/i });
  const misses: string[] = [];
  const outOfView: string[] = [];
  for (const { query, answers } of cases) {
    await box.fill(query);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(query);
    const list = page.getByRole('list', { name: /results/i });
    // Wait until the list shows this query's results (or the no-result message shows).
    await page.waitForFunction((typed) => document.querySelector('ul[aria-label="Search results"]')?.getAttribute('data-query') === typed || document.body.textContent.includes('Nothing matches'), query);
    const first = list.getByRole('link').first();
    const href = (await first.count()) > 0 ? ((await first.getAttribute('href')) ?? '') : '(nothing)';
    if (!answers.includes(href)) misses.push(`"${query}" -> ${href}`);
    const box1 = (await first.count()) > 0 ? await first.boundingBox() : null;
    if (box1 && box1.y + box1.height > 800) outOfView.push(query);
  }
  expect(errors).toEqual([]);
  await page.close();
  return { misses, outOfView };
}

describe('search in the browser', () => {
  it('puts the answering page first for the query set, in view at 1280x800', async () => {
    const tuned = await firstResults(TUNING_QUERIES);
    const held = await firstResults(HELD_OUT_QUERIES);
    const rate = (misses: string[], cases: readonly SearchCase[]): number => 1 - misses.length / cases.length;
    console.log(`browser search accuracy: tuning ${(rate(tuned.misses, TUNING_QUERIES) * 100).toFixed(0)}%, held out ${(rate(held.misses, HELD_OUT_QUERIES) * 100).toFixed(0)}%`);
    expect(rate(tuned.misses, TUNING_QUERIES)).toBeGreaterThanOrEqual(0.9);
    expect(rate(held.misses, HELD_OUT_QUERIES)).toBeGreaterThanOrEqual(0.9);
    expect([...tuned.outOfView, ...held.outOfView]).toEqual([]);
  });

  it.each(HELD_OUT_SETS)('puts the answering page first for the held-out queries of %s, in view at 1280x800', async (name, floor) => {
    const cases = readQuerySet(name);
    const { misses, outOfView } = await firstResults(cases);
    const rate = 1 - misses.length / cases.length;
    console.log(`browser search accuracy, ${name} (${String(cases.length)} queries): ${(rate * 100).toFixed(1)}%`);
    for (const miss of misses) console.log(`  miss: ${miss}`);
    expect(rate).toBeGreaterThanOrEqual(floor);
    expect(outOfView).toEqual([]);
  });

  it('keeps ?q= exactly as typed, opens the first result on Enter, and moves through results with the arrows', async () => {
    const { page } = await openPage(context, '/?q=550');
    const box = page.getByRole('searchbox', { name: /search/i });
    await expect.poll(() => box.inputValue()).toBe('550');
    expect(new URL(page.url()).search).toBe('?q=550');
    const list = page.getByRole('list', { name: /results/i });
    await expect.poll(() => list.getByRole('link').first().getAttribute('href')).toBe('/codes/550');
    await box.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(await list.getByRole('link').nth(1).getAttribute('href'));
    await box.fill('g17');
    await expect.poll(() => list.getByRole('link').first().getAttribute('href')).toBe('/bounces/rackspace/g17-message-too-large');
    await box.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/bounces/rackspace/g17-message-too-large');
    await page.close();
  });

  it('offers the nearest codes and tags and the paste box when nothing matches', async () => {
    const { page } = await openPage(context, '/?q=S3160');
    await expect.poll(() => page.getByText(/Nearest codes and tags/).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'S3150' }).count()).toBe(1);
    expect(await page.getByText(/Paste the whole bounce message/).count()).toBe(1);
    await page.close();
  });
});

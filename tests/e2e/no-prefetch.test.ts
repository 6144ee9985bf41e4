// Links under a diagnosis (the marked codes, the matching entries) are derived from the pasted text, so
// loading their data before a click would tell the server what was pasted. After a paste, hovering and
// focusing every one of them requests nothing; clicking one loads its page (so the test can fail).
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './browser.ts';

const BOUNCE = '550 5.1.1 <bob@example.org>: Email address could not be found, or was misspelled (G8)\n421 4.7.0 [TSS04] Messages temporarily deferred';

let context: BrowserContext;
beforeAll(async () => {
  context = await launchBrowser();
});
afterAll(async () => {
  await context.close();
});

describe('links derived from a paste', () => {
  it('are not prefetched on hover or focus, only loaded on click', async () => {
    const { page, requests, errors } = await openPage(context, '/');
    await page.getByRole('textbox', { name: /bounce/i }).fill(BOUNCE);
    await page.getByRole('button', { name: 'Diagnose' }).click();
    const diagnosis = page.getByRole('region', { name: 'Diagnosis', exact: true });
    await diagnosis.waitFor();
    await page.waitForLoadState('networkidle');

    const links = page.getByLabel('Your bounce, with the codes marked').getByRole('link').or(diagnosis.getByRole('link'));
    const count = await links.count();
    expect(count).toBeGreaterThan(2);
    const before = requests.length;
    for (let index = 0; index < count; index += 1) {
      const link = links.nth(index);
      await link.hover();
      await link.focus();
    }
    await page.mouse.move(0, 0);
    await page.waitForTimeout(1500);
    const afterHover = requests.slice(before);
    expect(afterHover.filter((url) => url.includes('/data/'))).toEqual([]);
    expect(afterHover).toEqual([]);

    const code = page.getByLabel('Your bounce, with the codes marked').getByRole('link').first();
    await code.click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => requests.slice(before).some((url) => url.includes('/data/codes/'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

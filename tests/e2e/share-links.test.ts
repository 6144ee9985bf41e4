// Share links in the built site: a link made by the Share button reopens its diagnosis with a title built
// from it; a crafted 100 KB link that would inflate to hundreds of megabytes, 300 KB of random fragment
// and a tampered link each get a clear message within 3 s (measured from navigation), and the tab stays
// alive: a paste is still diagnosed afterwards.
import fc from 'fast-check';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeShareFragment } from '../../src/lib/share/share-link.ts';
import { ALPHABET, bombPayload } from '../fixtures/share-bomb.ts';
import { baseUrl, launchBrowser, openPage } from './browser.ts';

const G8 = '550 5.1.1 <bob@example.org>: Email address could not be found, or was misspelled (G8)';

let context: BrowserContext;
beforeAll(async () => {
  context = await launchBrowser();
});
afterAll(async () => {
  await context.close();
});

describe('opening a share link', () => {
  it('shows the shared diagnosis with a title built from it', async () => {
    const { page, errors } = await openPage(context, `/#${encodeShareFragment(G8)}`);
    await page.getByRole('region', { name: 'Diagnosis', exact: true }).waitFor();
    await expect.poll(() => page.title()).toMatch(/^550 5\.1\.1 .+ — Bouncedoc$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  const random = fc.sample(fc.string({ unit: fc.constantFrom(...ALPHABET.split('')), minLength: 300_000, maxLength: 300_000 }), { numRuns: 1, seed: 11 })[0] ?? '';
  const cases: [string, string, RegExp][] = [
    ['a 100 KB link that would inflate to hundreds of megabytes', `v1.00000000.${bombPayload(42_000)}`, /more than Bouncedoc opens/],
    ['300 KB of random fragment', `v1.0123abcd.${random}`, /damaged|changed after it was made|more than Bouncedoc opens/],
    ['a tampered link', encodeShareFragment(G8).replace(/^v1\.(.)/, (_, digit: string) => `v1.${digit === 'a' ? 'b' : 'a'}`), /changed after it was made/],
  ];

  it.each(cases)('refuses %s within 3 s and the tab stays alive', async (name, fragment, message) => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const started = Date.now();
    await page.goto(`${baseUrl()}/#${fragment}`);
    await page.getByRole('alert').filter({ hasText: message }).waitFor({ timeout: 3_000 });
    const elapsed = Date.now() - started;
    console.log(`${name}: message after ${String(elapsed)} ms (fragment ${String(Math.round(fragment.length / 1024))} KB)`);
    expect(elapsed).toBeLessThan(3_000);
    await page.getByRole('textbox', { name: /bounce/i }).fill(G8);
    await page.getByRole('button', { name: 'Diagnose' }).click();
    await page.getByRole('region', { name: 'Diagnosis', exact: true }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});

// The answer is on the first screen: after Diagnose, at 1280x800 and at 375x667, the Diagnosis heading
// and the first step of a "Steps" list are in view and "The sender" is the checked role, for real
// bounces of many formats (from the real-bounce corpus) and bare one-line bounces. A slow paste shows
// progress with Cancel, and cancelling keeps the text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './browser.ts';

const CORPUS = path.resolve('../shared/bounces');
const FILES = [
  'Activehunter/lhost-activehunter-01.eml',
  'Exchange2007/lhost-exchange2007-02.eml',
  'Exim/lhost-exim-01.eml',
  'Office365/lhost-office365-03.eml',
  'Postfix/lhost-postfix-44.eml',
  'AmazonWorkMail/lhost-amazonworkmail-05.eml',
  'Barracuda/lhost-barracuda-01.eml',
  'GSuite/rfc3464-52.eml',
  'Domino/lhost-domino-03.eml',
  'Sendmail/lhost-sendmail-39.eml',
];
const LINES = [
  '550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org',
  '421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints',
  "452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp",
];
const CASES = [...FILES.map((file) => ({ name: file, text: readFileSync(path.join(CORPUS, file), 'latin1') })), ...LINES.map((line) => ({ name: line.slice(0, 40), text: line }))];

let context: BrowserContext;
beforeAll(async () => {
  context = await launchBrowser();
});
afterAll(async () => {
  await context.close();
});

/** Whether the element's box lies wholly inside the viewport. */
const inView = (page: Page, selector: string): Promise<boolean> =>
  page.locator(selector).first().evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
  });

async function paste(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: /bounce/i }).evaluate((box, value) => {
    const area = box as HTMLTextAreaElement;
    area.focus();
    area.setRangeText(value, 0, area.value.length, 'end');
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 667 },
]) {
  describe(`after Diagnose at ${String(viewport.width)}x${String(viewport.height)}`, () => {
    it('shows the Diagnosis heading and the first step, with "The sender" checked, for every bounce', async () => {
      const { page, errors } = await openPage(context, '/');
      await page.setViewportSize(viewport);
      const failures: string[] = [];
      for (const { name, text } of CASES) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await paste(page, text);
        await page.getByRole('button', { name: 'Diagnose' }).click();
        const region = page.getByRole('region', { name: 'Diagnosis', exact: true });
        await region.getByRole('heading').first().waitFor();
        await page.waitForTimeout(100);
        const heading = await inView(page, '[aria-label="Diagnosis"] h2');
        const step = await inView(page, '[aria-label="Diagnosis"] ol[aria-label^="Steps"] > li');
        const sender = await region.getByRole('radio', { name: 'The sender' }).first().isChecked();
        if (!heading || !step || !sender) failures.push(`${name}: heading ${String(heading)}, first step ${String(step)}, sender ${String(sender)}`);
        await page.getByRole('button', { name: 'Clear' }).click();
      }
      expect(failures).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  });
}

describe('a slow paste', () => {
  it('shows "Reading your bounce…" with a progress bar and Cancel, keeps the text, and stays responsive', async () => {
    const { page } = await openPage(context, '/');
    const text = '550 5.1.1 '.repeat(500_000);
    await paste(page, text);
    await page.getByRole('button', { name: 'Diagnose' }).click();
    await page.getByRole('progressbar', { name: 'Reading your bounce' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('p.font-medium', { hasText: 'Reading your bounce…' }).isVisible()).toBe(true);
    // The page answers while the worker reads: a click on Cancel lands at once.
    await page.getByRole('button', { name: 'Cancel' }).click({ timeout: 2000 });
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Stopped reading/);
    expect((await page.getByRole('textbox', { name: /bounce/i }).inputValue()).length).toBe(text.length);
    await page.close();
  });

  it('diagnoses 200 KB of "550 5.1.1 " in the worker, loaded with the page before any paste, and marks at most 200 codes', async () => {
    const { page } = await openPage(context, '/');
    // The worker script is fetched with the page, so no request's timing follows a paste.
    await expect.poll(() => page.workers().some((worker) => worker.url().includes('diagnose.worker'))).toBe(true);
    await paste(page, '550 5.1.1 '.repeat(20_480));
    await page.getByRole('button', { name: 'Diagnose' }).click();
    await page.getByRole('region', { name: 'Diagnosis', exact: true }).waitFor({ timeout: 20_000 });
    expect(await page.getByLabel('Your bounce, with the codes marked').locator('mark').count()).toBeLessThanOrEqual(200);
    expect(page.workers().some((worker) => worker.url().includes('diagnose.worker'))).toBe(true);
    await page.close();
  });
});

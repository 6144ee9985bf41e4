// "This answer is wrong" in the built site: opened and filled by keyboard alone, no request leaves the
// page while the reader chooses (the redaction worker is the site's own script), and following the
// link opens the tracker's new-issue address in a new tab with the chosen parts, the bounce redacted.
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage } from './browser.ts';

const TRACKER = 'https://github.com/bouncedoc/bouncedoc/issues/new';
const BOUNCE = [
  'Final-Recipient: rfc822; kim.lee@harbour-works.example',
  'Action: failed',
  'Status: 5.7.1',
  'Remote-MTA: dns; mx2.harbour-works.example [198.51.100.23]',
  "Diagnostic-Code: smtp; 550 5.7.1 Unfortunately, messages from [198.51.100.77] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.",
].join('\n');

let context: BrowserContext;
beforeAll(async () => {
  context = await launchBrowser();
  // The tracker is outside this network: answer for it here, so the new tab's address can be read.
  await context.route(`${TRACKER}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>New issue</title>' }));
});
afterAll(async () => {
  await context.close();
});

describe('reporting a wrong answer', () => {
  it('is chosen by keyboard, sends nothing until the link is followed, then opens the tracker with the redacted bounce', async () => {
    const { page, errors, requests } = await openPage(context, '/');
    await page.getByRole('textbox', { name: /bounce/i }).fill(BOUNCE);
    await page.getByRole('button', { name: 'Diagnose' }).click();
    const region = page.getByRole('region', { name: 'Diagnosis', exact: true });
    const toggle = region.getByRole('button', { name: 'This answer is wrong' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = region.getByRole('region', { name: 'Report a wrong answer' });
    const before = requests.length;

    // Tab to the bounce checkbox and tick it with the space bar, then type a note.
    const bounceBox = panel.getByRole('checkbox', { name: /The bounce text/ });
    for (let step = 0; step < 10 && !(await bounceBox.evaluate((element) => element === document.activeElement)); step += 1) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await bounceBox.isChecked()).toBe(true);
    await panel.getByText(/The bounce is added to the report/).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type('The range was delisted last week');

    const offsite = requests.slice(before).filter((url) => !url.startsWith(baseUrl()));
    expect(offsite, 'requests that left the site before the link was followed').toEqual([]);
    expect(requests.slice(before).some((url) => /harbour|kim\.lee|198\.51\.100/.test(url))).toBe(false);

    const link = panel.getByRole('link', { name: 'Open the report on the issue tracker (opens in a new tab)' });
    const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await tab.waitForLoadState();
    await panel.getByText(/The report opened in a new tab/).waitFor();
    const opened = new URL(tab.url());
    expect(`${opened.origin}${opened.pathname}`).toBe(TRACKER);
    expect(opened.searchParams.get('title')).toMatch(/^Wrong answer: .*blocked/i);
    const body = opened.searchParams.get('body') ?? '';
    expect(body).toContain('The range was delisted last week');
    expect(body).toContain('Codes found: 5.7.1, 550, S3140');
    expect(body).toContain('(S3140)');
    expect(body).not.toMatch(/kim\.lee|harbour-works|198\.51\.100\.(?:23|77)/);
    expect(errors).toEqual([]);
    await tab.close();
    await page.close();
  });
});

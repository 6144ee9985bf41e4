// The paste box in the built site, in Chromium: seed bounces pasted as a bare line, inside a full delivery
// report email and inside an Outlook-style report each get their code marked and the right entry first,
// whose link opens its page; a share link round trip with redaction; and no request leaves the page
// while diagnosing.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage } from './browser.ts';

let context: BrowserContext;
beforeAll(async () => {
  context = await launchBrowser();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
});
afterAll(async () => {
  await context.close();
});

async function diagnose(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: /bounce/i }).fill(text);
  await page.getByRole('button', { name: 'Diagnose' }).click();
  await page.getByRole('region', { name: 'Diagnosis', exact: true }).waitFor();
}

const firstMatch = (page: Page) => page.getByRole('list', { name: 'Matching entries' }).getByRole('listitem').first().getByRole('link').first();
const marks = (page: Page) => page.getByLabel('Your bounce, with the codes marked').locator('mark').allTextContents();

const DSN = (diagnostic: string) => `From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
To: jane@example.com
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="XYZ"

--XYZ
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.example.net.
Your message could not be delivered to one or more recipients.

<bob@example.org>: ${diagnostic}

--XYZ
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net

Final-Recipient: rfc822; bob@example.org
Action: failed
Status: 5.7.1
Diagnostic-Code: smtp; ${diagnostic}

--XYZ--
`;

const OUTLOOK = (diagnostic: string) => `Delivery has failed to these recipients or groups:

bob@example.org
Your message couldn't be delivered.

Diagnostic information for administrators:

Generating server: DM6PR11MB1234.namprd11.prod.outlook.com

bob@example.org
Remote Server returned '${diagnostic}'

Original message headers:
Subject: Hello
`;

describe('pasting a bounce', () => {
  const cases = [
    { name: 'a bare seed line', text: '550 5.3.4 Message too large (G17)', code: '5.3.4', entry: '/bounces/rackspace/g17-message-too-large' },
    {
      name: 'a full delivery report email',
      text: DSN('550 5.7.1 Email rejected per DMARC policy for example.com (G15)'),
      code: 'G15',
      entry: '/bounces/rackspace/g15-rejected-per-dmarc-policy',
    },
    {
      name: 'an Outlook-style report',
      text: OUTLOOK('554 5.7.1 <bob@example.org>: Sender address rejected: Blocked by this recipient'),
      code: '554',
      entry: '/bounces/rackspace/554-blocked-by-this-recipient',
    },
  ];
  for (const { name, text, code, entry } of cases) {
    it(`marks the code and puts the right entry first for ${name}, and the entry link opens its page`, async () => {
      const { page, errors } = await openPage(context, '/');
      await diagnose(page, text);
      expect(await marks(page)).toContain(code);
      expect(await firstMatch(page).getAttribute('href')).toBe(entry);
      await firstMatch(page).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(entry);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('makes no network request at all while diagnosing', async () => {
    const { page, requests } = await openPage(context, '/');
    await page.waitForTimeout(500);
    await page.waitForLoadState('networkidle');
    const before = requests.length;
    await diagnose(page, cases[1]?.text ?? '');
    await diagnose(page, '421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred');
    expect(requests.slice(before)).toEqual([]);
    await page.close();
  });

  it('diagnoses a 2 MB paste in a Web Worker', async () => {
    const { page } = await openPage(context, '/');
    const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n'.repeat(36_000);
    // A paste of this size arrives in one piece; typing it key by key (as fill() does) is not what people do.
    await page.getByRole('textbox', { name: /bounce/i }).evaluate((box, text) => {
      const area = box as HTMLTextAreaElement;
      area.focus();
      area.setRangeText(text, 0, area.value.length, 'end');
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, `550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in relay recipient table\n${filler}`);
    await page.getByRole('button', { name: 'Diagnose' }).click();
    await page.getByRole('region', { name: 'Diagnosis', exact: true }).waitFor({ timeout: 20_000 });
    expect(await firstMatch(page).getAttribute('href')).toBe('/bounces/rackspace/550-recipient-unknown-in-relay-recipient-table');
    expect(page.workers().some((worker) => worker.url().includes('diagnose.worker'))).toBe(true);
    await page.close();
  });
});

describe('share links', () => {
  it('round-trips a diagnosis with the addresses redacted out of the URL', async () => {
    const original = DSN('550 5.1.1 <bob.secret@private-corp.org>: Email address could not be found, or was misspelled (G8)').replace(
      /bob@example\.org/g,
      'bob.secret@private-corp.org',
    );
    const { page } = await openPage(context, '/');
    await diagnose(page, original);
    const verdict = await page.getByRole('region', { name: 'Diagnosis', exact: true }).locator('dl').textContent();
    const best = await firstMatch(page).getAttribute('href');
    await page.getByRole('button', { name: 'Share' }).click();
    const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(link).toMatch(/#v1\.[0-9a-f]{8}\./);
    expect(link).not.toContain('private-corp');
    expect(link).not.toContain('bob.secret');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    const shared = await context.newPage();
    await shared.goto(link);
    await shared.getByRole('region', { name: 'Diagnosis', exact: true }).waitFor();
    expect(await shared.getByRole('textbox', { name: /bounce/i }).inputValue()).not.toContain('private-corp');
    expect(await shared.getByRole('region', { name: 'Diagnosis', exact: true }).locator('dl').textContent()).toBe(verdict);
    expect(await firstMatch(shared).getAttribute('href')).toBe(best);
    await shared.close();
    await page.close();
  });

  it('explains a damaged share link instead of showing a blank page', async () => {
    const { page, errors } = await openPage(context, '/#bounce=N4IgLgpgTgtghgcwg');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/damaged/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Why did my email bounce?');
    expect(errors).toEqual([]);
    await page.close();
  });
});

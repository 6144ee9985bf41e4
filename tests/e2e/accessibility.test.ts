// Accessibility of every kind of page, measured with axe-core (WCAG 2.1 A and AA plus best practices) in
// light and dark mode and at 320 px wide (WCAG 1.4.10 Reflow), and the main flow done by keyboard alone
// with a visible focus indicator (WCAG 2.4.7) and a working skip link (WCAG 2.4.1).
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './browser.ts';

const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

type AxeNode = { target: unknown[]; html: string; failureSummary?: string };
type AxeViolation = { id: string; impact: string | null; help: string; nodes: AxeNode[] };

const PAGES = [
  '/',
  '/?q=spamhaus',
  '/bounces/rackspace/g17-message-too-large',
  '/codes/550',
  '/codes/5.7.1',
  '/codes/5.x.x',
  '/articles/spf',
  '/providers/google',
  '/reasons/userunknown',
  '/codes',
  '/providers',
  '/reasons',
  '/articles',
  '/no-such-page',
];

/** Runs axe-core in the page. It is evaluated through the debugging protocol, so a strict CSP does not block it. */
async function findViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target, html, failureSummary }) => ({ target, html, failureSummary })),
    }));
  }, AXE_TAGS);
}

function describeViolations(where: string, violations: AxeViolation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 5)
        .map((node) => `    ${JSON.stringify(node.target)} ${node.html.slice(0, 160)}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `${where}: ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} [${String(violation.nodes.length)} nodes]\n${nodes}`;
    })
    .join('\n');
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await findViolations(page);
  expect(violations.length, describeViolations(where, violations)).toBe(0);
}

/** Opens a page and waits until the client has rendered its content (the search results, if any). */
async function openRendered(context: BrowserContext, path: string): Promise<Page> {
  const { page } = await openPage(context, path);
  await page.getByRole('heading', { level: 1 }).waitFor();
  if (path.includes('?q=')) await page.getByRole('list', { name: 'Search results' }).waitFor();
  return page;
}

/** Pastes that bring up each kind of verdict card. */
const VERDICT_STATES: Record<string, string> = {
  'several failures': `Reporting-MTA: dns; mx.example.net

Final-Recipient: rfc822; a@example.org
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in local recipient table

Final-Recipient: rfc822; c@example.net
Action: failed
Status: 5.2.2
Diagnostic-Code: smtp; 552 5.2.2 <c@example.net>: Mailbox full
`,
  'no codes': 'Hello Bob, see you at lunch tomorrow.',
  notice: "Address not found\nYour message wasn't delivered to bob@gmial.com because the domain gmial.com couldn't be found.\nDNS Error: DNS type 'mx' lookup of gmial.com responded with code NXDOMAIN Domain name not found: gmial.com",
  'auto-reply': 'Subject: Automatic reply: Hello\nAuto-Submitted: auto-replied\n\nI am out of the office until Monday.',
  question: 'what does 550 mean',
};

async function openDiagnosis(context: BrowserContext): Promise<Page> {
  const { page } = await openPage(context, '/');
  await page.getByRole('button', { name: 'A full bounce email' }).click();
  await page.getByRole('region', { name: 'Diagnosis' }).waitFor();
  return page;
}

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`axe-core in ${colorScheme} mode`, () => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await launchBrowser({ colorScheme });
    });
    afterAll(async () => {
      await context.close();
    });

    it('finds no violations on any kind of page, and none scrolls sideways at 320 px', async () => {
      const failures: string[] = [];
      const queue = [...PAGES];
      const check = async (): Promise<void> => {
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          const page = await openRendered(context, path);
          const violations = await findViolations(page);
          if (violations.length > 0) failures.push(describeViolations(`${colorScheme} ${path}`, violations));
          await page.setViewportSize({ width: 320, height: 800 });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (overflow > 0) failures.push(`${colorScheme} ${path}: scrolls ${String(overflow)} px sideways at 320 px`);
          await page.close();
        }
      };
      await Promise.all([check(), check(), check()]);
      expect(failures, failures.join('\n\n')).toEqual([]);
    });

    it('finds no violations while the skip link is shown', async () => {
      const { page } = await openPage(context, '/');
      await page.keyboard.press('Tab');
      await page.getByRole('link', { name: 'Skip to content' }).waitFor({ state: 'visible' });
      await expectNoViolations(page, `${colorScheme} / with the skip link focused`);
      await page.close();
    });

    it('finds no violations in each state of the verdict card: several failures, no codes, a notice, an auto-reply, a question', async () => {
      const { page } = await openPage(context, '/');
      const failures: string[] = [];
      for (const [state, text] of Object.entries(VERDICT_STATES)) {
        await page.getByRole('textbox', { name: /bounce/i }).fill(text);
        await page.getByRole('button', { name: 'Diagnose' }).click();
        if (state === 'question') await page.getByRole('list', { name: 'Search results' }).waitFor();
        else await page.getByRole('region', { name: 'Diagnosis' }).getByRole('heading').first().waitFor();
        const violations = await findViolations(page);
        if (violations.length > 0) failures.push(describeViolations(`${colorScheme} / ${state}`, violations));
        await page.getByRole('button', { name: 'Clear' }).click();
      }
      expect(failures, failures.join('\n\n')).toEqual([]);
      await page.close();
    });

    it('finds no violations on the home page with a diagnosis, wide and at 320 px', async () => {
      const page = await openDiagnosis(context);
      await expectNoViolations(page, `${colorScheme} / with a diagnosis`);
      await page.setViewportSize({ width: 320, height: 800 });
      await expectNoViolations(page, `${colorScheme} / with a diagnosis at 320 px`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'the page scrolls sideways at 320 px').toBeLessThanOrEqual(0);
      await page.close();
    });

    it('finds no violations with the wrong-answer report open and the bounce included, wide and at 320 px', async () => {
      const page = await openDiagnosis(context);
      const region = page.getByRole('region', { name: 'Diagnosis', exact: true });
      await region.getByRole('button', { name: 'This answer is wrong' }).click();
      const panel = region.getByRole('region', { name: 'Report a wrong answer' });
      await panel.getByRole('checkbox', { name: /The bounce text/ }).check();
      await panel.getByText(/The bounce is added to the report/).waitFor();
      await panel.getByText('See the text of the report').click();
      await expectNoViolations(page, `${colorScheme} / with the report open`);
      await page.setViewportSize({ width: 320, height: 800 });
      await expectNoViolations(page, `${colorScheme} / with the report open at 320 px`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'the page scrolls sideways at 320 px').toBeLessThanOrEqual(0);
      await page.close();
    });
  });
}

describe('keyboard alone', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await launchBrowser();
  });
  afterAll(async () => {
    await context.close();
  });

  /** The focused element, described, and whether it shows an outline or a box shadow. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return { name: 'body', tag: 'body', visible: false };
      const style = getComputedStyle(element);
      const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
      const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
      const name = (element.getAttribute('aria-label') ?? element.innerText).trim().slice(0, 80);
      return { name, tag: element.tagName.toLowerCase(), visible: outline || shadow };
    });

  /** Presses Tab until the focused element satisfies the test, checking every stop shows its focus. */
  async function tabTo(page: Page, wanted: (target: { name: string; tag: string }) => boolean, limit = 40): Promise<void> {
    for (let step = 0; step < limit; step += 1) {
      await page.keyboard.press('Tab');
      const target = await focused(page);
      expect(target.visible, `no visible focus on <${target.tag}> "${target.name}"`).toBe(true);
      if (wanted(target)) return;
    }
    throw new Error('the wanted element was not reached by Tab');
  }

  it('offers a skip link first that moves the focus to the main content', async () => {
    const { page } = await openPage(context, '/');
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    expect(skip.name).toBe('Skip to content');
    expect(skip.visible).toBe(true);
    expect(await page.getByRole('link', { name: 'Skip to content' }).isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    await page.close();
  });

  it('pastes, diagnoses and opens the first matching entry with a visible focus at every step', async () => {
    const { page, errors } = await openPage(context, '/');
    await tabTo(page, (target) => target.tag === 'textarea');
    await page.keyboard.insertText('550 5.1.1 <someone@example.com>: Recipient address rejected: User unknown in virtual mailbox table');
    await tabTo(page, (target) => target.tag === 'button' && target.name === 'Diagnose');
    await page.keyboard.press('Enter');
    const list = page.getByRole('list', { name: 'Matching entries' });
    await list.waitFor();
    const href = await list.getByRole('link').first().getAttribute('href');
    // Tab on through the highlighted text's links until the focus enters the list.
    for (let step = 0; step < 200; step += 1) {
      if (await page.evaluate(() => document.activeElement?.closest('ol[aria-label="Matching entries"]') != null)) break;
      await tabTo(page, () => true, 1);
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(href);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe(href);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves backwards with Shift+Tab and picks a role with the arrow keys', async () => {
    const { page } = await openPage(context, '/');
    await tabTo(page, (target) => target.tag === 'textarea');
    await page.keyboard.insertText('550 5.7.1 Service unavailable; client host [192.0.2.1] blocked using zen.spamhaus.org');
    await tabTo(page, (target) => target.name === 'Diagnose');
    await page.keyboard.press('Space');
    await page.getByRole('region', { name: 'Diagnosis' }).waitFor();
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).tag).toBe('textarea');
    await page.keyboard.press('Tab');
    for (let step = 0; step < 40; step += 1) {
      if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'radio')) break;
      await tabTo(page, () => true, 1);
    }
    const before = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    await page.keyboard.press('ArrowRight');
    const after = await page.evaluate(() => ({ value: (document.activeElement as HTMLInputElement).value, checked: (document.activeElement as HTMLInputElement).checked }));
    expect(after.value).not.toBe(before);
    expect(after.checked).toBe(true);
    expect((await focused(page)).visible).toBe(true);
    await page.close();
  });
});

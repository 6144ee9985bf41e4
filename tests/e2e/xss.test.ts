// Cross-site scripting sweep of the built site in Chromium: every payload in tests/fixtures/xss-payloads.ts
// goes through each way untrusted text gets in (the paste box, the search box, the ?q= parameter and a
// share link's #v1. fragment, and the older #bounce= form) and must come out as plain text. A trap records any call to __xss, alert,
// confirm or prompt, any dialog and any Content-Security-Policy violation (which would mean markup from a
// payload reached the page even though the policy stopped it); the page is also checked for injected elements.
import { readFileSync } from 'node:fs';
import LZString from 'lz-string';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeShareFragment } from '../../src/lib/share/share-link.ts';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads.ts';
import { baseUrl, launchBrowser, openPage } from './browser.ts';

const POLL = { timeout: 5_000 };
/** Room for a busy machine; each sweep normally takes a fraction of this. */
const SWEEP_TIMEOUT = 120_000;

let context: BrowserContext;
/** What the trap saw: executions, dialogs and policy violations, with the page they happened on. */
const trapped: string[] = [];

/** Runs in every frame before the page's own scripts. */
function installTrap(): void {
  type TrapWindow = Window & { __xss?: (...args: unknown[]) => void; __xssReport?: (event: string) => Promise<void> };
  const trap = window as TrapWindow;
  const record = (what: string, args: readonly unknown[]): void => {
    void trap.__xssReport?.(`${what}(${args.map(String).join(', ')}) on ${window.location.href}`);
  };
  trap.__xss = (...args) => record('__xss', args);
  window.alert = (...args: unknown[]) => record('alert', args);
  window.confirm = (...args: unknown[]) => {
    record('confirm', args);
    return false;
  };
  window.prompt = (...args: unknown[]) => {
    record('prompt', args);
    return null;
  };
  document.addEventListener('securitypolicyviolation', (event) =>
    record('csp-violation', [event.violatedDirective, event.blockedURI, event.sample]),
  );
}

beforeAll(async () => {
  context = await launchBrowser();
  await context.exposeFunction('__xssReport', (event: string) => trapped.push(event));
  await context.addInitScript(installTrap);
  // The offline worker would download the whole site in the background of every test here.
  await context.addInitScript(() => {
    delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker;
  });
  context.on('dialog', (dialog) => {
    trapped.push(`dialog ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
});
afterAll(async () => {
  await context.close();
});

/** Elements or attributes that only a payload could have put into the page. */
function findInjectedMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      const handler = [...element.attributes].some((attribute) => attribute.name.toLowerCase().startsWith('on'));
      const foreign = element.matches('iframe, frame, object, embed, base, marquee, meta[http-equiv="refresh"], script:not([src]), body style, body link');
      if (handler || foreign || element.shadowRoot) found.push(element.outerHTML.slice(0, 160));
    }
    return found;
  });
}

/** Asserts the trap saw nothing and the page holds no injected markup; `input` names the failing case. */
async function expectNothingRan(page: Page, input: string): Promise<void> {
  expect(await findInjectedMarkup(page), input).toEqual([]);
  expect(trapped, input).toEqual([]);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Puts a long text into the paste box at once, as pasting does. Playwright's fill() types many lines
 * as separate edits, which takes minutes for 64 KB; this sets the value the way React listens for it.
 */
async function pasteLongText(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: /bounce/i }).evaluate((element, value) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

const inBounceLine = (payload: string): string => `550 5.1.1 <${payload}> User unknown`;

/** A shared link exactly as the Share button builds it; every third one in the older unversioned form, still opened. */
const shareLink = (text: string, index = 0): string =>
  index % 3 === 2 ? `${baseUrl()}/#bounce=${LZString.compressToEncodedURIComponent(text)}` : `${baseUrl()}/#${encodeShareFragment(text)}`;

/**
 * What the search box shows for ?q=<payload>: the router reads a value that parses as JSON (a number, a
 * quoted string) as that value, the route keeps 200 characters, and a search input drops line breaks.
 */
/** The pasted text as shown back, unfolded first when it is folded to the lines around its codes. */
async function shownText(page: Page): Promise<string | null> {
  const expand = page.getByRole('button', { name: /Show the whole text/ });
  if ((await expand.count()) > 0) await expand.first().click();
  return page.getByLabel('Your bounce, with the codes marked', { exact: true }).textContent();
}

function queryAsShown(payload: string): string {
  // The search keeps ?q= exactly as typed (no JSON reading), so the box shows the payload itself.
  return payload.slice(0, 200).replace(/[\r\n]/g, '');
}

describe('the payload list', () => {
  it('has at least 60 distinct payloads', () => {
    expect(new Set(XSS_PAYLOADS).size).toBe(XSS_PAYLOADS.length);
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(60);
  });
});

describe('the trap', () => {
  it('records a call to __xss and a policy violation from injected markup', async () => {
    const { page } = await openPage(context, '/codes');
    await page.evaluate(() => {
      (window as Window & { __xss?: (id: number) => void }).__xss?.(0);
      const probe = document.createElement('div');
      probe.innerHTML = '<img src="/favicon.svg" onload="__xss(0)">';
      document.body.append(probe);
    });
    await expect.poll(() => trapped.length, POLL).toBeGreaterThanOrEqual(2);
    expect(trapped.some((event) => event.startsWith('__xss(0)'))).toBe(true);
    expect(trapped.some((event) => event.startsWith('csp-violation(script-src-attr'))).toBe(true);
    trapped.length = 0;
    await page.close();
  });
});

describe('the Content-Security-Policy', () => {
  const pages = ['/', '/codes', '/codes/5.7.1', '/articles/mx-records', '/providers/google', '/reasons/userunknown', '/bounces/rackspace/g17-message-too-large', '/codes/9.9.9'];

  it('is the first thing in the head of every prerendered page and of 404.html', () => {
    for (const file of ['index.html', 'codes/550/index.html', 'codes/550.html', 'articles/spf/index.html', '404.html']) {
      const html = readFileSync(`dist/${file}`, 'utf8');
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
      expect(policy?.[1], file).toContain("script-src 'self'");
      expect(policy?.[1], file).toContain("object-src 'none'");
      expect(policy?.[1], file).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
      expect(html.indexOf('Content-Security-Policy'), file).toBeLessThan(html.indexOf('<script'));
    }
  });

  it('lets every kind of page, navigation and a large paste diagnosed in the worker run without a violation', async () => {
    for (const path of pages) {
      const { page, errors } = await openPage(context, path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      if (path === '/') {
        await page.getByRole('link', { name: 'Codes', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: /codes/i }).waitFor();
        await page.goBack();
        const text = `550 5.1.1 <someone@example.com> User unknown\n${'Reporting-MTA: dns; mx.example.com\n'.repeat(2_000)}`;
        await pasteLongText(page, text);
        await page.getByRole('button', { name: 'Diagnose' }).click();
        await page.getByRole('region', { name: 'Diagnosis' }).waitFor();
      }
      // The unknown address is answered with 404.html and its status, which Chromium logs.
      expect(errors.filter((error) => !/status of 404/.test(error)), path).toEqual([]);
      expect(trapped, path).toEqual([]);
      await page.close();
    }
  }, SWEEP_TIMEOUT);
});

describe('payloads in every input', () => {
  it('shows each payload pasted into the box as text, alone and inside a bounce line', async () => {
    const { page, errors } = await openPage(context, '/');
    const box = page.getByRole('textbox', { name: /bounce/i });
    const diagnose = page.getByRole('button', { name: 'Diagnose' });
    const embedded = XSS_PAYLOADS.map(inBounceLine);
    // Each payload on its own; then every payload inside a bounce line, in batches of ten; then all of
    // them with enough text (over 64 KB) to be diagnosed in the Web Worker.
    const texts = [
      ...XSS_PAYLOADS,
      ...Array.from({ length: Math.ceil(embedded.length / 10) }, (_, batch) => embedded.slice(batch * 10, batch * 10 + 10).join('\n')),
      [...embedded, 'Diagnostic-Code: smtp; 550 5.1.1 user unknown\n'.repeat(1_500)].join('\n'),
    ];
    for (const text of texts) {
      if (text.length > 10_000) await pasteLongText(page, text);
      else await box.fill(text);
      await diagnose.press('Enter');
      await expect.poll(() => shownText(page), { ...POLL, message: text }).toBe(text);
      await expectNothingRan(page, text);
    }
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByRole('textbox', { name: 'Share link' }).waitFor();
    await expectNothingRan(page, 'the share panel');
    expect(errors).toEqual([]);
    await page.close();
  }, SWEEP_TIMEOUT);

  it('keeps each payload typed into the search box as text', async () => {
    const { page, errors } = await openPage(context, '/');
    const search = page.getByRole('searchbox', { name: /search/i });
    const status = page.locator(`[id="${(await search.getAttribute('aria-describedby')) ?? ''}"]`);
    for (const payload of XSS_PAYLOADS) {
      // Pasting several lines into a one-line field joins them with spaces, as it does for a person.
      const expected = payload.replace(/\n/g, ' ').slice(0, 200);
      await search.fill(payload);
      const answer = new RegExp(`^(Nothing matches “${escapeRegExp(expected.trim())}”|\\d+ results?:)`);
      await expect
        .poll(async () => (await search.inputValue()) === expected && answer.test((await status.textContent()) ?? ''), { ...POLL, message: payload })
        .toBe(true);
      await expectNothingRan(page, payload);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, SWEEP_TIMEOUT);

  it('opens /?q=<payload> with the payload as the search text', async () => {
    const { page, errors } = await openPage(context, '/');
    const search = page.getByRole('searchbox', { name: /search/i });
    for (const [index, payload] of XSS_PAYLOADS.entries()) {
      const address = `/?q=${encodeURIComponent(payload)}`;
      // Every tenth link is opened as a new page load; the rest arrive as back/forward navigations,
      // which make the router read the address again.
      if (index % 10 === 0) await page.goto(`${baseUrl()}${address}`);
      else {
        await page.evaluate((next) => {
          window.history.pushState(null, '', next);
          window.dispatchEvent(new PopStateEvent('popstate'));
        }, address);
      }
      await expect.poll(() => search.inputValue(), { ...POLL, message: payload }).toBe(queryAsShown(payload));
      await expectNothingRan(page, payload);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, SWEEP_TIMEOUT);

  it('opens a share link carrying each payload with the payload shown as text', async () => {
    const { page, errors } = await openPage(context, '/');
    const box = page.getByRole('textbox', { name: /bounce/i });
    const all = XSS_PAYLOADS.map(inBounceLine).join('\n');
    for (const [index, text] of [...XSS_PAYLOADS, all].entries()) {
      // Every tenth link is opened as a new page; the rest are opened in the same tab (a hashchange).
      if (index % 10 === 0) {
        await page.goto('about:blank');
        await page.goto(shareLink(text, index));
      } else {
        await page.evaluate((hash) => {
          window.location.hash = hash;
        }, new URL(shareLink(text, index)).hash);
      }
      await expect.poll(() => shownText(page), { ...POLL, message: text }).toBe(text);
      expect(await box.inputValue()).toBe(text);
      await expectNothingRan(page, text);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, SWEEP_TIMEOUT);
});

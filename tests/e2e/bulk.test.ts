// The bulk report in the built site, in Chromium: a folder of 200 corpus bounces chosen at once gives a
// "Bounces by cause" table totalling 200 and a CSV with a row per failed recipient; an mbox of the
// corpus dropped on the page gives the counts the engine gives in Node; cancel stops reading; no
// request leaves the page after it has loaded; axe finds nothing before and after a report.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRecipientsCsv } from '../../src/lib/bulk/csv.ts';
import { buildMbox, CORPUS, listCorpusBounces, listCorpusFiles, reportFiles, reportMbox } from '../fixtures/corpus-mailbox.ts';
import { launchBrowser, openPage } from './browser.ts';

const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

let context: BrowserContext;
beforeAll(async () => {
  context = await launchBrowser();
});
afterAll(async () => {
  await context.close();
});

async function openBulk(): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const { page, errors } = await openPage(context, '/bulk');
  await page.getByRole('heading', { level: 1, name: 'Many bounces at once' }).waitFor();
  // Everything the page needs is loaded by now (network idle); from here on nothing may be requested.
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  return { page, requests, errors };
}

const causeTable = (page: Page) => page.getByRole('table', { name: 'Bounces by cause' });

async function waitForReport(page: Page): Promise<void> {
  await causeTable(page).waitFor({ timeout: 120_000 });
}

const totalOf = async (page: Page): Promise<number> => Number((await causeTable(page).locator('[data-total="bounces"]').textContent())?.replace(/,/g, ''));

async function cardValue(page: Page, label: string): Promise<number> {
  return Number((await page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd').textContent())?.replace(/,/g, ''));
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: { id: string; help: string; nodes: { html: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id}: ${violation.help} ${violation.nodes.map((node) => node.html.slice(0, 120)).join(' | ')}`);
  }, AXE_TAGS);
}

/** Drops files on the drop zone as a browser would, from bytes made in Node. */
async function dropFiles(page: Page, files: { name: string; bytes: Buffer; type?: string }[]): Promise<void> {
  const payload = files.map((file) => ({ name: file.name, base64: file.bytes.toString('base64'), type: file.type ?? 'application/octet-stream' }));
  const transfer = await page.evaluateHandle((items) => {
    const data = new DataTransfer();
    for (const item of items) {
      const binary = atob(item.base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
      data.items.add(new File([bytes], item.name, { type: item.type }));
    }
    return data;
  }, payload);
  const zone = page.getByTestId('bulk-drop-zone');
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

describe('the bulk report', () => {
  const chosen = listCorpusBounces().slice(0, 200);

  it('reads a chosen folder of 200 corpus bounces: 200 in "Bounces by cause", a CSV row per failed recipient, no request', async () => {
    expect(chosen).toHaveLength(200);
    const folder = path.join(mkdtempSync(path.join(os.tmpdir(), 'bulk-folder-')), 'bounces');
    for (const file of chosen) {
      mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
      cpSync(path.join(CORPUS, file), path.join(folder, file));
    }
    const expected = await reportFiles(chosen.map((file) => file));
    // The engine in Node calls every one of these 200 a bounce (or a delay, which counts as one).
    expect(expected.totals.bounces).toBe(200);

    const { page, requests, errors } = await openBulk();
    expect(await axeViolations(page), 'axe on the empty page').toEqual([]);
    await page.getByLabel('Choose a folder of bounces').setInputFiles(folder);
    await waitForReport(page);

    expect(await totalOf(page)).toBe(200);
    expect(await cardValue(page, 'Messages read')).toBe(200);
    const rows = await causeTable(page).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', Number(tr.querySelector('td')?.textContent.replace(/,/g, ''))]));
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(expected.causes.map((cause) => [cause.label, cause.count])));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('address,domain,cause,cause_label,permanent,reply_code,enhanced_code,provider,date,file,remove');
    expect(lines).toHaveLength(expected.totals.failedRecipients + 1);
    // Paths inside the chosen folder start with its name; otherwise the page's CSV is the one Node builds.
    const fromNode = formatRecipientsCsv(expected.recipients.map((row) => ({ ...row, source: `bounces/${row.source}` })));
    expect(csv).toBe(fromNode);
    expect(download.suggestedFilename()).toBe('bounced-recipients.csv');

    expect(await axeViolations(page), 'axe with a report').toEqual([]);
    expect(requests, 'requests after the page loaded').toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads a dropped mbox of the whole corpus with the same counts as the engine in Node', async () => {
    const mbox = buildMbox(listCorpusFiles());
    const expected = await reportMbox(mbox);
    const { page, requests, errors } = await openBulk();
    await dropFiles(page, [{ name: 'corpus.mbox', bytes: mbox, type: 'application/mbox' }]);
    await waitForReport(page);
    expect(await cardValue(page, 'Messages read')).toBe(expected.totals.messages);
    expect(await cardValue(page, 'Bounces')).toBe(expected.totals.bounces);
    expect(await cardValue(page, 'Automatic replies')).toBe(expected.totals.autoReplies);
    expect(await cardValue(page, 'Spam complaints')).toBe(expected.totals.complaints);
    expect(await cardValue(page, 'Other messages')).toBe(expected.totals.other);
    expect(await cardValue(page, 'Unreadable files')).toBe(expected.totals.unreadable);
    expect(await cardValue(page, 'Failed recipients')).toBe(expected.totals.failedRecipients);
    expect(await totalOf(page)).toBe(expected.totals.bounces);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads a zip of bounces, and lists a file that is not an email without stopping', async () => {
    const { zipSync } = await import('fflate');
    const files = chosen.slice(0, 20);
    const entries: Record<string, Uint8Array> = { 'x/photo.bin': new Uint8Array([0, 1, 2, 0, 255]) };
    for (const file of files) entries[`x/${file}`] = new Uint8Array(readFileSync(path.join(CORPUS, file)));
    const zip = Buffer.from(zipSync(entries));
    const zipPath = path.join(mkdtempSync(path.join(os.tmpdir(), 'bulk-zip-')), 'bounces.zip');
    writeFileSync(zipPath, zip);
    const { page, requests } = await openBulk();
    await page.getByLabel('Choose bounce files').setInputFiles(zipPath);
    await waitForReport(page);
    expect(await totalOf(page)).toBe(20);
    expect(await cardValue(page, 'Unreadable files')).toBe(1);
    await page.getByText('1 file could not be read').click();
    await page.getByText(/bounces\.zip\/x\/photo\.bin: binary file/).waitFor();
    expect(requests).toEqual([]);
    await page.close();
  });

  it('stops reading on Cancel and reports what was read', async () => {
    const mbox = buildMbox(listCorpusFiles(), 6);
    const { page, requests } = await openBulk();
    await dropFiles(page, [{ name: 'big.mbox', bytes: mbox }]);
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await cancel.waitFor();
    await page.getByRole('status').filter({ hasText: /Reading… [1-9][\d,]* messages read/ }).waitFor({ timeout: 60_000 });
    await cancel.click();
    await page.getByRole('heading', { name: 'Report on the messages read before you cancelled' }).waitFor({ timeout: 30_000 });
    await page.getByRole('status').filter({ hasText: 'Cancelled.' }).waitFor();
    const read = await cardValue(page, 'Messages read');
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(listCorpusFiles().length * 6);
    expect(await cancel.count()).toBe(0);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('passes axe in dark mode and does not scroll sideways at 320 px, before and after a report', async () => {
    const dark = await launchBrowser({ colorScheme: 'dark' });
    try {
      const { page } = await openPage(dark, '/bulk');
      await page.setViewportSize({ width: 320, height: 800 });
      const overflow = (): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await axeViolations(page), 'axe on the empty page, dark').toEqual([]);
      await page.getByLabel('Choose bounce files').setInputFiles(chosen.slice(0, 30).map((file) => path.join(CORPUS, file)));
      await waitForReport(page);
      expect(await axeViolations(page), 'axe with a report, dark').toEqual([]);
      expect(await overflow()).toBe(0);
    } finally {
      await dark.close();
    }
  });
});

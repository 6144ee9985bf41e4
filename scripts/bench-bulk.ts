// The bulk report at scale, in headless Chromium over the built site: an mbox of 10,000 messages made
// from the real-bounce corpora (../shared/bounces and ../shared/bounces-more, cycled) is chosen on
// /bulk, and the script prints the time from choosing the file to the report, and the longest
// main-thread task while reading (PerformanceObserver "longtask", which reports tasks over 50 ms).
// Run after `npm run build`: `npx tsx scripts/bench-bulk.ts [MESSAGES]`.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../tests/e2e/static-server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPORA = [path.resolve(root, '../shared/bounces'), path.resolve(root, '../shared/bounces-more')];
const count = Number(process.argv[2] ?? 10_000);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

function listEmails(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return listEmails(full);
    return /\.(?:eml|txt)$/i.test(name) ? [full] : [];
  });
}

// "From " at the start of a line after any ">" (mboxrd quoting adds one)
const FROM_LINE = /^(>*From )/gm;

function buildMbox(files: readonly string[], messages: number): Buffer {
  const quoted = files.map((file) => {
    const text = readFileSync(file).toString('latin1').replace(FROM_LINE, '>$1');
    return Buffer.from(`From MAILER-DAEMON Tue Mar  4 10:00:00 2025\n${text}${text.endsWith('\n') ? '' : '\n'}\n`, 'latin1');
  });
  return Buffer.concat(Array.from({ length: messages }, (_, index) => quoted[index % quoted.length] as Buffer));
}

const files = CORPORA.flatMap(listEmails).sort();
const work = mkdtempSync(path.join(os.tmpdir(), 'bench-bulk-'));
const mboxPath = path.join(work, 'bounces.mbox');
writeFileSync(mboxPath, buildMbox(files, count));
console.log(`bulk: an mbox of ${count.toLocaleString('en-US')} messages from ${String(files.length)} corpus files, ${(statSync(mboxPath).size / 1e6).toFixed(1)} MB`);

const { server, url } = await startStaticServer(path.join(root, 'dist'));
const context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
  viewport: { width: 1280, height: 800 },
});
try {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (globalThis as unknown as { longTasks: unknown[] }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true } as never);
  });
  const requests: string[] = [];
  await page.goto(new URL('/bulk', url).href, { waitUntil: 'networkidle' });
  page.on('request', (request) => requests.push(request.url()));
  await page.evaluate(() => {
    (globalThis as unknown as { longTasks: unknown[] }).longTasks.length = 0;
  });
  const pageStart = await page.evaluate(() => performance.now());
  const started = performance.now();
  await page.getByLabel('Choose bounce files').setInputFiles(mboxPath);
  await page.getByRole('table', { name: 'Bounces by cause' }).waitFor({ timeout: 30 * 60_000 });
  const elapsed = performance.now() - started;
  const pageEnd = await page.evaluate(() => performance.now());
  const tasks = await page.evaluate(() => (globalThis as unknown as { longTasks: { start: number; duration: number }[] }).longTasks);
  const read = await page.locator('dt', { hasText: /^Messages read$/ }).locator('xpath=following-sibling::dd').textContent();
  const bounces = await page.locator('dt', { hasText: /^Bounces$/ }).locator('xpath=following-sibling::dd').textContent();
  console.log(`bulk: ${read ?? '?'} messages read (${bounces ?? '?'} bounces) in ${(elapsed / 1000).toFixed(1)} s, ${(elapsed / count).toFixed(2)} ms per message`);
  console.log(`bulk: longest main-thread task while reading ${tasks.length === 0 ? 'none over 50 ms' : `${Math.max(...tasks.map((task) => task.duration)).toFixed(0)} ms`} (${String(tasks.length)} tasks over 50 ms)`);
  if (tasks.length > 0) {
    const described = tasks.map((task) => `${task.duration.toFixed(0)} ms at ${((task.start - pageStart) / 1000).toFixed(1)} s`);
    console.log(`bulk: tasks over 50 ms (report shown at ${((pageEnd - pageStart) / 1000).toFixed(1)} s): ${described.join(', ')}`);
  }
  console.log(`bulk: requests while reading: ${String(requests.length)}`);
} finally {
  await context.close();
  server.close();
  rmSync(work, { recursive: true, force: true });
}

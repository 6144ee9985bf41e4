// Starts Debian's Chromium through playwright-core (no browser download), headless, with the flags that
// keep it from calling outside hosts. Collects page errors and every request, so tests can assert on them.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const baseUrl = (): string => inject('baseUrl');

type LaunchOptions = {
  colorScheme?: 'light' | 'dark';
  /** The offline worker installs the whole site in the background; only the offline test needs it. */
  serviceWorkers?: 'allow' | 'block';
};

export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserContext> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'bouncedoc-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    colorScheme: options.colorScheme ?? 'light',
    serviceWorkers: options.serviceWorkers ?? 'block',
    viewport: { width: 1100, height: 900 },
  });
}

export type WatchedPage = { page: Page; errors: string[]; requests: string[] };

/** Opens a page that records console errors, uncaught exceptions and requested URLs. */
export async function openPage(context: BrowserContext, url: string): Promise<WatchedPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(new URL(url, baseUrl()).href, { waitUntil: 'networkidle' });
  return { page, errors, requests };
}

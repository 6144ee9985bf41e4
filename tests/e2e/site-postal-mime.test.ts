// The site's built engine reads email with the same patched postal-mime as the command line and the tests
// (scripts/vite-postal-mime.ts): every built script that holds the email reader holds the patch's UTC date
// reading ("[ECMP][SD]T", a zone name after the time), and none formats dates with the browser's locale
// (the library's own `new Intl.DateTimeFormat('default', ...)`), so a bounce forwarded inline reads the same
// text in every browser. Reads dist/ as built; no browser needed.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const assets = path.resolve('dist', 'assets');
const scripts = readdirSync(assets)
  .filter((name) => name.endsWith('.js'))
  .map((name) => ({ name, code: readFileSync(path.join(assets, name), 'utf8') }));

// One of postal-mime's own messages, kept by any minifier.
const holdsReader = (code: string): boolean => code.includes('Unknown attachment encoding');

describe('the site build', () => {
  it('patches postal-mime wherever it is bundled', () => {
    const readers = scripts.filter((script) => holdsReader(script.code));
    expect(readers.map((script) => script.name).some((name) => name.startsWith('diagnose.worker-'))).toBe(true);
    for (const script of readers) expect(script.code, script.name).toContain('[ECMP][SD]T');
    for (const script of scripts) expect(script.code, script.name).not.toMatch(/DateTimeFormat\(\s*["']default["']/);
  });
});

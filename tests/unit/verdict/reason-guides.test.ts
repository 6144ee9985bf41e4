// The reason guides are the fallback answer for every bounce, so the content step refuses a missing
// reason, a missing role or raw HTML, naming the file and the field.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReasonGuides } from '../../../src/lib/content/reason-guides.ts';
import { AUDIENCES, REASONS } from '../../../src/lib/content/vocabulary.ts';

const dir = path.resolve('content/reasons');
const files = readdirSync(dir).map((name) => ({ path: `content/reasons/${name}`, source: readFileSync(path.join(dir, name), 'utf8') }));

describe('readReasonGuides', () => {
  it('has a guide with steps for every role for every reason', () => {
    const { errors, guides } = readReasonGuides(files);
    expect(errors).toEqual([]);
    for (const reason of REASONS) for (const role of AUDIENCES) expect(guides?.[reason].steps[role].length, `${reason} ${role}`).toBeGreaterThan(0);
  });

  it('names the file of a missing reason', () => {
    const { errors, guides } = readReasonGuides(files.filter((file) => !file.path.endsWith('/mailboxfull.md')));
    expect(guides).toBeNull();
    expect(errors).toEqual([expect.stringMatching(/^content\/reasons\/mailboxfull\.md: missing/)]);
  });

  it('names the file and field of a missing role, of raw HTML and of an unknown reason', () => {
    const broken = [
      ...files.filter((file) => !/\/(blocked|spamdetected)\.md$/.test(file.path)),
      { path: 'content/reasons/blocked.md', source: '---\nheadline: Blocked\nexplanation: x\nsteps:\n  sender: [a]\n  sender-admin: [b]\n  recipient: [c]\n---\n' },
      { path: 'content/reasons/spamdetected.md', source: '---\nheadline: Spam <b>x</b>\nexplanation: x\nsteps:\n  sender: [a]\n  sender-admin: [b]\n  recipient: [c]\n  recipient-admin: [d]\n---\n' },
      { path: 'content/reasons/typo.md', source: '---\nheadline: x\n---\n' },
    ];
    const { errors } = readReasonGuides(broken);
    expect(errors).toContain('content/reasons/typo.md: no reason "typo" in REASONS (src/lib/content/vocabulary.ts)');
    expect(errors.some((error) => error.startsWith('content/reasons/blocked.md: steps.recipient-admin:'))).toBe(true);
    expect(errors.some((error) => error.startsWith('content/reasons/spamdetected.md: headline: raw HTML'))).toBe(true);
  });
});

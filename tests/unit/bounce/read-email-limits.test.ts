// Guards the bounded MIME work of readEmail (RFC 2046 section 5.1 multiparts): a message of tens of
// thousands of parts or nested far deeper than any real bounce is read up to the limits, the diagnosis
// says what was left unread, and no real bounce of either corpus comes near the limits.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/lib/bounce/decode-bytes.ts';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';
import { limitMimeParts, MIME_LIMITS, readEmail } from '../../../src/lib/bounce/read-email.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const HEAD = 'From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail Returned to Sender\nContent-Type: multipart/mixed; boundary="b"\n\n';
const FIRST = '--b\nContent-Type: text/plain\n\n<a@example.org>: 550 5.1.1 User unknown\n';

function manyParts(count: number): string {
  return `${HEAD}${FIRST}${Array.from({ length: count }, (_, i) => `--b\nContent-Type: text/plain\n\npart ${String(i)}\n`).join('')}--b--\n`;
}

function nested(levels: number): string {
  let text = 'From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail\nContent-Type: multipart/mixed; boundary="n0"\n\n';
  for (let i = 1; i <= levels; i++) text += `--n${String(i - 1)}\nContent-Type: text/plain\n\n550 5.1.1 <a${String(i)}@example.org>: User unknown\n--n${String(i - 1)}\nContent-Type: multipart/mixed; boundary="n${String(i)}"\n\n`;
  return text;
}

describe('limitMimeParts', () => {
  it('leaves a message within the limits unchanged', () => {
    const text = manyParts(10);
    expect(limitMimeParts(text)).toEqual({ text, notices: [] });
  });

  it('cuts before the part past the part limit', () => {
    const { text, notices } = limitMimeParts(manyParts(MIME_LIMITS.maxParts + 50));
    expect(notices.map((n) => n.code)).toEqual(['mime-parts']);
    expect(text.match(/^--b$/gm)).toHaveLength(MIME_LIMITS.maxParts);
  });

  it('cuts before the part that nests past the depth limit', () => {
    const { text, notices } = limitMimeParts(nested(40));
    expect(notices.map((n) => n.code)).toEqual(['mime-depth']);
    expect(text).toContain(`boundary="n${String(MIME_LIMITS.maxDepth - 1)}"`);
    expect(text).not.toContain(`boundary="n${String(MIME_LIMITS.maxDepth)}"`);
  });

  it('counts only delimiter lines of declared boundaries ("-----Original message-----" is text)', () => {
    const text = `${HEAD}${FIRST}${'-----Original message-----\n'.repeat(MIME_LIMITS.maxParts + 5)}--b--\n`;
    expect(limitMimeParts(text).notices).toEqual([]);
  });
});

describe('limitMimeParts counting its marks first', () => {
  const piece = fc.constantFrom('--b\n', '--b--\n', '--c\n', '--c--\n', 'Content-Type: multipart/mixed; boundary="c"\n\n', 'Content-Type: multipart/mixed; BOUNDARY=b\n\n', 'boundary', 'text\n', '\n', '----\n', '\u2028--b\n', '\r\n');
  const limits = [
    { maxParts: 2, maxDepth: 1 },
    { maxParts: 4, maxDepth: 2 },
    MIME_LIMITS,
  ];

  it('cuts where reading every mark cuts, near and past small limits', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), fc.constantFrom(...limits), (pieces, limit) => {
        const text = `${HEAD}${pieces.join('')}`;
        expect(limitMimeParts(text, limit)).toEqual(limitMimeParts(text, limit, false));
      }),
      { numRuns: 4000 },
    );
  });

  it('cuts where reading every mark cuts at the default limits', () => {
    for (const text of [manyParts(MIME_LIMITS.maxParts - 1), manyParts(MIME_LIMITS.maxParts), manyParts(MIME_LIMITS.maxParts + 1), nested(MIME_LIMITS.maxDepth), nested(MIME_LIMITS.maxDepth + 1)]) {
      expect(limitMimeParts(text)).toEqual(limitMimeParts(text, MIME_LIMITS, false));
    }
  });
});

describe('diagnoseBounce past the MIME limits', () => {
  it('diagnoses a message of 40,000 parts from the parts it read, with a notice', async () => {
    const diagnosis = await diagnoseBounce(manyParts(40_000), []);
    expect(diagnosis.reason).toBe('userunknown');
    expect(diagnosis.notices).toEqual([{ code: 'mime-parts', message: `This message has more than ${String(MIME_LIMITS.maxParts)} MIME parts; only the first ${String(MIME_LIMITS.maxParts)} were read.` }]);
  });

  it('says when nesting was too deep to follow', async () => {
    const diagnosis = await diagnoseBounce(nested(40), []);
    expect(diagnosis.notices?.map((n) => n.code)).toEqual(['mime-depth']);
    expect(diagnosis.reason).toBe('userunknown');
  });

  it('has no notice for an ordinary bounce', async () => {
    expect((await diagnoseBounce(manyParts(3), [])).notices).toBeUndefined();
  });
});

describe('readEmail on the real corpora', () => {
  const files = ['../shared/bounces', '../shared/bounces-more'].flatMap((dir) => {
    const corpus = path.resolve(root, dir);
    const expected = path.join(corpus, 'expected.jsonl');
    if (!existsSync(expected)) return [];
    return readFileSync(expected, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => path.join(corpus, (JSON.parse(line) as { file: string }).file));
  });

  it.runIf(files.length > 0)('reads every corpus email without reaching a limit', async () => {
    for (const file of files) {
      const decoded = decodeBytes(readFileSync(file));
      if (!decoded.ok) continue;
      expect((await readEmail(decoded.text)).notices, file).toBeUndefined();
    }
  });
});

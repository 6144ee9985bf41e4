// The email reader's first checks, written for speed, against their plain reference forms: whether the
// input starts with a header block (looksLikeEmail reads its first 30 lines one by one instead of splitting
// them), and the MIME limits' precount, which stops at once when no boundary is declared.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { limitMimeParts, looksLikeEmail } from '../../../src/lib/bounce/read-email.ts';
import { corpusTexts } from '../../fixtures/corpus-files.ts';

const HEADER_LINE = /^[!-9;-~]{1,76}:[ \t]?\S?/;
const EMAIL_HEADER_NAMES = /^(?:received|return-path|from|to|subject|date|message-id|mime-version|content-type|delivered-to|x-[\w-]+|dkim-signature|authentication-results|arc-[\w-]+|reply-to|sender|cc|auto-submitted|thread-topic|thread-index|precedence|errors-to|references|in-reply-to):/i;

// The reference: the first 30 lines by a split, the first a header line and one of them a known header.
function looksLikeEmailReference(input: string): boolean {
  const head = input
    .slice(0, 8000)
    .replace(/^(?:[ \t]*(?:\r\n|\r|\n))+/, '')
    .replace(/^From [^\r\n]*(?:\r\n|\r|\n)/, '');
  const lines = head.split(/\r\n|\r|\n/, 30);
  if (!HEADER_LINE.test(lines[0] ?? '')) return false;
  return lines.some((line) => EMAIL_HEADER_NAMES.test(line));
}

describe('looksLikeEmail', () => {
  it('answers as the reference on both corpora, whole and from their middle', () => {
    for (const text of corpusTexts()) {
      expect(looksLikeEmail(text)).toBe(looksLikeEmailReference(text));
      const middle = text.slice(Math.floor(text.length / 2));
      expect(looksLikeEmail(middle)).toBe(looksLikeEmailReference(middle));
    }
  });

  it('answers as the reference on generated lines and line ends', () => {
    const line = fc.constantFrom('Received: from mx.example.org', 'X-Mailer: test', 'From a@b Thu Jan  1 00:00:00 2025', 'Subject: hi', 'no header here', 'Key: value', '', ' \t', 'Date:', 'x-y:', '550 5.1.1 User unknown');
    const end = fc.constantFrom('\n', '\r\n', '\r', '\r\r\n', '\n\r');
    fc.assert(
      fc.property(fc.array(fc.tuple(line, end), { maxLength: 40 }), fc.boolean(), (lines, lastEnd) => {
        const text = lines.map(([t, e], i) => (i < lines.length - 1 || lastEnd ? t + e : t)).join('');
        expect(looksLikeEmail(text)).toBe(looksLikeEmailReference(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('limitMimeParts counting its marks first', () => {
  it('leaves a text with no boundary declared as reading every mark does, however many delimiter lines', () => {
    const piece = fc.constantFrom('--b\n', '--b--\n', '----\n', 'text\n', '\n', 'Content-Type: multipart/mixed\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = `From: a@example.org\n\n${pieces.join('')}`;
        const limit = { maxParts: 2, maxDepth: 1 };
        expect(limitMimeParts(text, limit)).toEqual(limitMimeParts(text, limit, false));
      }),
      { numRuns: 1000 },
    );
  });
});

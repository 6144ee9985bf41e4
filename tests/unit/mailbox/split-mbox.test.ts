// Guards the mbox splitter (RFC 4155): messages start at a "From " line after a blank line, ">From "
// body lines are unescaped (mboxrd), offsets are byte offsets, and chunk boundaries never change the result.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MboxSplitter, looksLikeMbox, splitMbox } from '../../../src/lib/mailbox/split-mbox.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const texts = (bytes: Uint8Array) => splitMbox(bytes).map((m) => decoder.decode(m.bytes));

const MAILBOX = [
  'From MAILER-DAEMON Mon Jan  1 00:00:00 2024',
  'Subject: one',
  '',
  'first body',
  '>From the start of a line',
  '',
  'From MAILER-DAEMON Tue Jan  2 00:00:00 2024',
  'Subject: two',
  '',
  'From here on, a body line after a blank line: mail programs would have quoted it as >From',
  '',
].join('\n');

describe('splitMbox', () => {
  it('splits at From_ lines after a blank line, drops the From_ line and the blank line before the next', () => {
    const box = 'From a@b Mon Jan  1 00:00:00 2024\nSubject: one\n\nbody one\n\nFrom c@d Tue Jan  2 00:00:00 2024\nSubject: two\n\nbody two\n';
    expect(texts(encoder.encode(box))).toEqual(['Subject: one\n\nbody one\n', 'Subject: two\n\nbody two\n']);
  });

  it('gives byte offsets of each From_ line', () => {
    const box = 'From a@b x\nSubject: é\n\nb\n\nFrom c@d y\nSubject: two\n\nb\n';
    const bytes = encoder.encode(box);
    const offsets = splitMbox(bytes).map((m) => m.offset);
    expect(offsets[0]).toBe(0);
    expect(decoder.decode(bytes.subarray(offsets[1]))).toMatch(/^From c@d y/);
  });

  it('unescapes >From lines (mboxrd) and keeps a From line with no blank line before it in the body', () => {
    const box = 'From a@b x\nSubject: q\n\n>From me\n>>From you\nline\nFrom inside body\n';
    expect(texts(encoder.encode(box))).toEqual(['Subject: q\n\nFrom me\n>From you\nline\nFrom inside body\n']);
  });

  it('handles CRLF line endings', () => {
    const box = 'From a@b x\r\nSubject: one\r\n\r\nbody\r\n\r\nFrom c@d y\r\nSubject: two\r\n\r\nbody2\r\n';
    expect(texts(encoder.encode(box))).toEqual(['Subject: one\r\n\r\nbody\r\n', 'Subject: two\r\n\r\nbody2\r\n']);
  });

  it('treats input without a From_ line as one message', () => {
    expect(texts(encoder.encode('Subject: x\n\nhello\n'))).toEqual(['Subject: x\n\nhello\n']);
    expect(splitMbox(new Uint8Array(0))).toEqual([]);
  });

  it('gives the same messages whatever the chunk sizes', () => {
    const bytes = encoder.encode(MAILBOX.repeat(5));
    const whole = splitMbox(bytes).map((m) => [m.index, m.offset, decoder.decode(m.bytes)]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 60 }), (sizes) => {
        const splitter = new MboxSplitter();
        const got = [];
        let at = 0;
        let k = 0;
        while (at < bytes.length) {
          const size = sizes[k % sizes.length] ?? 1;
          got.push(...splitter.push(bytes.subarray(at, at + size)));
          at += size;
          k += 1;
        }
        got.push(...splitter.end());
        expect(got.map((m) => [m.index, m.offset, decoder.decode(m.bytes)])).toEqual(whole);
      }),
    );
  });
});

describe('looksLikeMbox', () => {
  it('recognises a From_ line at the start, after blank lines too', () => {
    expect(looksLikeMbox(encoder.encode('From a@b Mon\n'))).toBe(true);
    expect(looksLikeMbox(encoder.encode('\n\nFrom a@b Mon\n'))).toBe(true);
    expect(looksLikeMbox(encoder.encode('From: a@b\n'))).toBe(false);
    expect(looksLikeMbox(encoder.encode('Received: x\n'))).toBe(false);
  });
});

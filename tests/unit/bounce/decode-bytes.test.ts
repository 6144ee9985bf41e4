// Guards how dropped or piped files become text: UTF-16 with a byte-order mark (Windows Notepad's
// "Unicode"), UTF-8 with or without a mark, windows-1252 for 8-bit mail (WHATWG Encoding), and a refusal
// for binary files only: a stray NUL or a few control bytes in a text email do not make it binary.
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeText } from '../../../src/lib/bounce/decode-bytes.ts';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';

const BOUNCE = 'Final-Recipient: rfc822; pelé@exemple.fr\nStatus: 5.1.1\n\n550 5.1.1 “User unknown” – naïve\n';

function utf16(text: string, endian: 'le' | 'be', mark: boolean): Uint8Array {
  const out: number[] = mark ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (endian === 'le') out.push(unit & 0xff, unit >> 8);
    else out.push(unit >> 8, unit & 0xff);
  }
  return Uint8Array.from(out);
}

describe('decodeBytes', () => {
  it.each([
    ['UTF-16LE with a byte-order mark', utf16(BOUNCE, 'le', true)],
    ['UTF-16BE with a byte-order mark', utf16(BOUNCE, 'be', true)],
    ['UTF-16LE without a mark', utf16(BOUNCE, 'le', false)],
    ['UTF-8 with a byte-order mark', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(BOUNCE)])],
    ['UTF-8', new TextEncoder().encode(BOUNCE)],
  ])('reads %s', (_name, bytes) => {
    expect(decodeBytes(bytes)).toEqual({ ok: true, text: BOUNCE });
  });

  it('reads windows-1252 punctuation in 0x80-0x9F as the characters it stands for', () => {
    // "550 “User unknown” – €5 Œuvre" as Outlook writes it in 8-bit mail
    const bytes = Uint8Array.from([0x35, 0x35, 0x30, 0x20, 0x93, 0x55, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x20, 0x8c, 0x75, 0xe9]);
    expect(decodeBytes(bytes)).toEqual({ ok: true, text: '550 “U” – €5 Œué' });
  });

  it('keeps the UTF-8 letters of a text with one broken byte', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('Grüße, 用户@例子.中国 550 5.1.1 '), 0xff, ...new TextEncoder().encode(' été à ')]);
    const decoded = decodeBytes(bytes);
    expect(decoded.ok && decoded.text).toBe('Grüße, 用户@例子.中国 550 5.1.1 \uFFFD été à ');
  });

  it('reads an email with a stray NUL or a few control bytes as text', () => {
    const text = `From: MAILER-DAEMON@example.org\nSubject: failure\n\n550 5.1.1 user unknown\n.\n`;
    expect(decodeBytes(new TextEncoder().encode(`${text}\0`))).toEqual({ ok: true, text: `${text}\0` });
    expect(decodeBytes(new TextEncoder().encode(`a\u0001b\u0002c\u0008 ${text}`))).toMatchObject({ ok: true });
  });

  it.each([
    ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]],
    ['a PDF', [...new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj')]],
    ['a ZIP archive', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]],
    ['bytes dense in control characters', [0, 1, 2, 0, 255]],
    ['random-looking data', Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256)],
  ])('refuses %s', (_name, bytes) => {
    expect(decodeBytes(Uint8Array.from(bytes))).toMatchObject({ ok: false });
  });
});

describe('decodeText', () => {
  it('decodes a windows-1252 MIME part instead of replacing its letters', () => {
    expect(decodeText(Uint8Array.from([0x70, 0x65, 0x6c, 0xe9, 0x40, 0x65, 0x78, 0x2e, 0x66, 0x72]))).toBe('pelé@ex.fr');
  });
});

describe('decoded files through the diagnosis', () => {
  const bounce = (address: string) =>
    `From: MAILER-DAEMON@mx.example.net\nTo: sender@example.org\nSubject: Undelivered Mail Returned to Sender\n\n<${address}>: host mx.example.fr[192.0.2.1] said: 550 5.1.1\n    <${address}>: Recipient address rejected: User unknown\n`;

  it.each([
    ['windows-1252', (text: string) => Uint8Array.from(Array.from(text, (c) => c.charCodeAt(0))), 'pelé@exemple.fr'],
    ['UTF-16LE with a mark', (text: string) => utf16(text, 'le', true), '用户@例子.中国'],
    ['UTF-8 with a stray NUL', (text: string) => new TextEncoder().encode(`${text}\0`), 'josé.müller@bücher.example'],
  ])('keeps the whole non-ASCII address of a %s file', async (_name, encode, address) => {
    const decoded = decodeBytes(encode(bounce(address)));
    if (!decoded.ok) throw new Error(decoded.error);
    const diagnosis = await diagnoseBounce(decoded.text, []);
    expect(diagnosis.recipients.map((r) => [r.address, r.enhancedCode])).toEqual([[address, '5.1.1']]);
  });
});

// Guards code finding (RFC 5321 section 4.2 reply codes, RFC 3463 enhanced codes, provider tags,
// blocklist names): exact offsets for highlighting, and no false codes from IP addresses, dates,
// times, version numbers, message ids or phone numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractCodes } from '../../../src/lib/bounce/extract-codes.ts';

const values = (text: string) => extractCodes(text).map((f) => `${f.kind}:${f.value}`);

describe('extractCodes', () => {
  it('finds a reply and an enhanced code with exact offsets', () => {
    const text = 'host mx said: 550 5.1.1 <a@b.example>: User unknown';
    const found = extractCodes(text);
    expect(found.slice(0, 2)).toEqual([
      { kind: 'reply', value: '550', start: 14, end: 17 },
      { kind: 'enhanced', value: '5.1.1', start: 18, end: 23 },
    ]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.value);
  });

  it.each([
    ['550-5.1.1 The email account that you tried to reach does not exist.', ['reply:550', 'enhanced:5.1.1']],
    ['Remote Server returned \'550 #5.1.1 RESOLVER.ADR.RecipientNotFound\'', ['reply:550', 'enhanced:5.1.1', 'tag:RESOLVER.ADR.RecipientNotFound']],
    ['Delivery failed (5.2.2) mailbox full', ['enhanced:5.2.2']],
    ['421 Too many concurrent connections from this client (G2)', ['reply:421', 'tag:G2']],
    ['421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred - 4.16.55.1', ['reply:421', 'enhanced:4.7.0', 'tag:TSS04']],
    ['Diagnostic-Code: smtp; 554 5.7.1 Client host blocked using Spamhaus PBL', ['reply:554', 'enhanced:5.7.1', 'blocklist:Spamhaus PBL']],
    ['550 5.7.606 Access denied, banned sending IP [192.0.2.9]. (AS16012609)', ['reply:550', 'enhanced:5.7.606', 'tag:AS16012609']],
    ['Status: 5.1.1 (user unknown)', ['enhanced:5.1.1']],
    ['Remote host said: 552 1 Requested mail action aborted, mailbox not found [RCPT_TO]', ['reply:552']],
    ['host mx.example.org said: 5.2.1 <b@example.org>... User Unknown', ['enhanced:5.2.1']],
    ['553 sorry, that domain is not in my list (#5.7.1)', ['reply:553', 'enhanced:5.7.1']],
    ['The error that the other server returned was: 554 554 5.7.0 Header error', ['reply:554', 'enhanced:5.7.0']],
    ['<b@example.org>: 550 : User unknown', ['reply:550']],
  ])('finds the codes in %j', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it.each([
    ['an IPv4 address', 'connect to 10.4.5.1 port 25'],
    ['an IPv4 address in brackets', 'from [192.0.2.550] and 203.0.113.42'],
    ['a date and time', 'Date: Tue, 02 Apr 2024 09:12:44 +0200 and 450 days ago 23:45:12'],
    ['a version number', 'by mail.example.net (Postfix 2.5.5) with Exim 4.72 and sendmail 8.14.4/8.14.4; version 5.1.1'],
    ['a message id', 'Message-ID: <20240402.550.5.1.1@example.net> and <CAF+550-5.1.1@mail.gmail.com>'],
    ['a phone number', 'Call +1 555 123 4567 or (555) 123-4567 or 555-1234'],
    ['a Yahoo tag with a dotted number', 'see reference 4.16.55.1 and [#4.16.1]'],
    ['a size and a count', 'SIZE=15500 and 250KB and 1.2.3'],
    ['x.y.z numbers in prose', 'The workshop is in room 4.5.1; read section 2.1.3 and upgrade to 5.2.2 before it starts.'],
  ])('finds nothing in %s', (_name, text) => {
    expect(extractCodes(text)).toEqual([]);
  });

  it('ignores IPv4 octets that look like x.y.z codes', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(extractCodes(`relay [${ip}] and ${ip}`)).toEqual([]);
      }),
    );
  });

  it('returns offsets that always slice back to the value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (noise) => {
        const text = `${noise}\n550 5.1.1 user unknown (G8) ${noise}`;
        for (const f of extractCodes(text)) expect(text.slice(f.start, f.end)).toBe(f.value);
      }),
    );
  });
});

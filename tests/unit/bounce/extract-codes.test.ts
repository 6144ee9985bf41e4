// Guards code finding (RFC 5321 section 4.2 reply codes, RFC 3463 enhanced codes, provider tags,
// blocklist names): exact offsets for highlighting, and no false codes from IP addresses, dates,
// times, version numbers, message ids or phone numbers.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCKLIST_GATE, BLOCKLIST_LONGEST, BLOCKLIST_PATTERN, TAG_PATTERNS } from '../../../src/lib/bounce/code-patterns.ts';
import { extractCodes, findingsBefore, findingsOfLines, joinFindings } from '../../../src/lib/bounce/extract-codes.ts';
import { readEmail } from '../../../src/lib/bounce/read-email.ts';
import { requiredLiterals } from '../../../src/lib/bounce/phrase-prefilter.ts';
import { corpusEmailFiles } from '../../fixtures/corpus-files.ts';

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
    ['Remote host said: 552 1 Requested mail action aborted, mailbox not found [RCPT_TO]', ['reply:552', 'tag:RCPT_TO']],
    ['host mx.example.org said: 5.2.1 <b@example.org>... User Unknown', ['enhanced:5.2.1']],
    ['553 sorry, that domain is not in my list (#5.7.1)', ['reply:553', 'enhanced:5.7.1']],
    ['The error that the other server returned was: 554 554 5.7.0 Header error', ['reply:554', 'enhanced:5.7.0']],
    ['<b@example.org>: 550 : User unknown', ['reply:550']],
    ['ERROR_CODE :550, ERROR_CODE_CLASS :5', ['reply:550']],
    ['host mx.example.jp said: 550: 5.2.2 mailbox full', ['reply:550', 'enhanced:5.2.2']],
    ["Remote Server returned '550-'5.7.1 Relaying denied'", ['reply:550', 'enhanced:5.7.1']],
    ['Reason: delivery failure: 552', ['reply:552']],
    ['ResponseCode 421, Unable to connect to the remote server', ['reply:421']],
    ['host mx.example.org[192.0.2.1] said:550 5.1.1 unknown user', ['reply:550', 'enhanced:5.1.1']],
    ['<a@example.com>: Requested action not taken: mailbox unavailable. [SMTP Error Code 550]', ['reply:550']],
    ['host mx.dom.ain[192.0.2.100] said: 550 {mx001-rz3}', ['reply:550']],
    ['            "554 Message looping (received 6 times)"', ['reply:554']],
    ["Information MTA '62.6.150.133' gives error message 5.7.1 Unable to relay", ['enhanced:5.7.1']],
    ['Delivery failed (#5.1.1) and (5.2.2)', ['enhanced:5.1.1', 'enhanced:5.2.2']],
    ['Status: 553 Exceeded maximum inbound message size', ['reply:553']],
    ['554 <kuroneko@example.or.jp>... 550 Host unknown (Authoritative answer from name server)', ['reply:554', 'reply:550']],
    ['Server mx.example.com[192.0.2.1] failed with: 550 <a@example.com> No such user here', ['reply:550']],
    ['Sent to mx.example.com. Server responded with: 552', ['reply:552']],
    ['{"status":"5.1.1","error_code":"550","raw_reason":"550 5.1.1 unknown"}', ['enhanced:5.1.1', 'reply:550', 'reply:550', 'enhanced:5.1.1']],
    ['Fehlercode: 550\nGrund: 5.2.2 Postfach voll', ['reply:550', 'enhanced:5.2.2']],
    ["Code d'erreur : 550", ['reply:550']],
    ['错误代码：550 原因：5.1.1', ['reply:550', 'enhanced:5.1.1']],
    ['dsn=5.1.1, status=bounced (host mx.example.jp said: 550 5.1.1 unknown)', ['enhanced:5.1.1', 'reply:550', 'enhanced:5.1.1']],
  ])('finds the codes in %j', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it.each([
    ['an IPv4 address', 'connect to 10.4.5.1 port 25'],
    ['an IPv4 address in brackets', 'from [192.0.2.550] and 203.0.113.42'],
    ['a date and time', 'Date: Tue, 02 Apr 2024 09:12:44 +0200 and 450 days ago 23:45:12'],
    ['a version number', 'by mail.example.net (Postfix 2.5.5) with Exim 4.72 and sendmail 8.14.4/8.14.4; version 5.1.1'],
    ['a list manager\'s version', 'Subject: [Mailman-Developers] RELEASED Mailman 2.0.12'],
    ['a message id', 'Message-ID: <20240402.550.5.1.1@example.net> and <CAF+550-5.1.1@mail.gmail.com>'],
    ['a phone number', 'Call +1 555 123 4567 or (555) 123-4567 or 555-1234'],
    ['a Yahoo tag with a dotted number', 'see reference 4.16.55.1 and [#4.16.1]'],
    ['a size and a count', 'SIZE=15500 and 250KB and 1.2.3'],
    ['times and a port after a colon', 'Arrival-Date: 12:550 and 23:45:12, port :25, connect to 192.0.2.1:550'],
    ['a quoted size and a count', 'size "552" and 421 messages, [550 bytes]'],
    ['a number after dots in prose', 'and so on... 550 people were invited'],
    ['an order or ticket number', 'Order #550 shipped; ticket 421-5.1.1a and ref (550)'],
    ['HTML attributes and a cipher name split by quoted-printable', '<img width=3D=\n"208" height=3D"20">\nTLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256_P=\n256) id 15.20.1038.3'],
    ["a local program's exit status", '    (reason: 255)\n    (expanded from: <kijitora@example.jp>)'],
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

// The tag patterns are skipped when one scan with all of them as alternatives finds nothing; running
// every pattern on every text must find the same.
describe('extractCodes with the literal prefilter', () => {
  it('finds what running every pattern finds in every corpus bounce', () => {
    const files = corpusEmailFiles();
    expect(files.length).toBeGreaterThan(500);
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      expect(extractCodes(text)).toEqual(extractCodes(text, { prefilter: false }));
    }
  });

  it('finds what running every pattern finds in generated text around tags and blocklist names', () => {
    const piece = fc.constantFrom('IB508', 'ib508', '(G17)', '[TSS04]', 'AS16012609', 'RESOLVER.ADR.RecipNotFound', 'Spamhaus PBL', 'ZEN.SPAMHAUS.ORG', 'SpamCop.net', 'dnsbl-1.UCEPROTECT.net', 'Cloudmar', '\u212a', 'İ', 'BarracudaCentral', 'cuda_nsu', '#id-5.9.2', '[RCPT_TO]', 'OFR_416', '550', '5.1.1', ' ', '\n', '(', ')', 'x');
    const name = fc.constantFrom('bl.score.senderscore.com', 'feedback', 'lashback', 'LashBack', 'spam', 'sbl-xbl.spamhaus.org', 'b.barracudacentral.org', 'spamhaus css', 'x-spam-status', ' ', '.', '-', 'a');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, name), { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(extractCodes(text)).toEqual(extractCodes(text, { prefilter: false }));
      }),
      { numRuns: 2000 },
    );
  });

  it('never skips a blocklist name: each literal a name needs holds a piece of the gate, in any case', () => {
    const needs = requiredLiterals(BLOCKLIST_PATTERN.source);
    expect(needs?.length).toBeGreaterThan(10);
    const gate = new RegExp(BLOCKLIST_GATE.source, 'i');
    for (const literal of needs ?? []) {
      for (const cased of [literal, literal.toLowerCase(), literal.toUpperCase()]) expect(gate.test(cased), cased).toBe(true);
    }
  });

  it('looks far enough back from a piece of the gate: no blocklist name is longer than BLOCKLIST_LONGEST', () => {
    // The longest match of a pattern made of literals, escapes, groups, alternatives and "?" (what the names' pattern uses).
    const longest = (source: string): number => {
      let at = 0;
      const alternation = (): number => {
        let best = sequence();
        while (source[at] === '|') {
          at += 1;
          best = Math.max(best, sequence());
        }
        return best;
      };
      const sequence = (): number => {
        let length = 0;
        while (at < source.length && source[at] !== '|' && source[at] !== ')') {
          let atom: number;
          if (source.startsWith('\\b', at)) {
            at += 2;
            atom = 0;
          } else if (source[at] === '\\') {
            at += 2;
            atom = 1;
          } else if (source[at] === '(') {
            at += source.startsWith('(?:', at) ? 3 : 1;
            atom = alternation();
            expect(source[at]).toBe(')');
            at += 1;
          } else {
            expect('*+{['.includes(source[at] ?? ''), source.slice(at)).toBe(false);
            at += 1;
            atom = 1;
          }
          if (source[at] === '?') at += 1;
          length += atom;
        }
        return length;
      };
      const length = alternation();
      expect(at).toBe(source.length);
      return length;
    };
    expect(longest('\\b(ab(?: c)?|d\\.e)\\b')).toBe(4);
    expect(longest(BLOCKLIST_PATTERN.source)).toBe(BLOCKLIST_LONGEST);
  });
});

// A report's body is read alone and as the start of the analysed text (the body, an empty line, the
// report): the findings of the head, taken from those of the whole, must be those of the head read alone.
describe('findingsBefore', () => {
  const piece = fc.constantFrom('550', '5.1.1', '#5.7.1', ' ', '\t', ',', ':', '-', "'", '"', '(', ')', '[', ']', 'said:', 'x', 'Error', '(G17)', 'RESOLVER.ADR', '.Recip', 'Spamhaus', ' PBL', '\n', '\r\n');

  it('gives the head\'s own findings, whatever stands at the break', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), fc.array(piece, { maxLength: 8 }), (head, tail) => {
        const text = `${head.join('')}\n\n${tail.join('')}`;
        expect(findingsBefore(text, extractCodes(text), head.join('').length)).toEqual(extractCodes(head.join('')));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the head\'s own findings at the empty lines of every corpus bounce', () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    for (const name of ['bounces', 'bounces-more']) {
      const dir = path.join(here, '..', '..', '..', '..', 'shared', name);
      for (const file of readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.(?:eml|txt)$/.test(f))) {
        const text = readFileSync(path.join(dir, file), 'latin1');
        const found = extractCodes(text);
        for (let at = text.indexOf('\n\n'), n = 0; at >= 0 && n < 6; at = text.indexOf('\n\n', at + 2), n++) {
          expect(findingsBefore(text, found, at), `${file} at ${String(at)}`).toEqual(extractCodes(text.slice(0, at)));
        }
      }
    }
  });

  it('gives nothing when no empty line follows the head', () => {
    expect(findingsBefore('550 5.1.1 x\n550', extractCodes('550 5.1.1 x\n550'), 11)).toBeNull();
  });
});

// A bounce's decoded pieces (the human-readable text, the delivery report) usually stand in the raw
// email as they are: their findings are then taken from the raw email's. That holds because no pattern
// can match across a line break, which the first test keeps true for every tag and blocklist pattern.
describe('findingsOfLines and joinFindings', () => {
  const piece = fc.constantFrom('550', '5.1.1', '#5.7.1', ' ', '\t', ',', ':', '-', "'", '(', ')', 'said:', 'Status: ', 'x', '(G17)', 'RESOLVER.ADR', '.Recip', 'Spamhaus', ' PBL', '\n', '\n\n');

  it('no tag or blocklist pattern can match a line break', () => {
    for (const { source, flags } of [...TAG_PATTERNS.map((tag) => tag.pattern), BLOCKLIST_PATTERN]) {
      expect(source, source).not.toMatch(/\\[snrDWS]|\[\^/);
      expect(source.includes('.') && !/^(?:[^.\\]|\\.)*$/.test(source) ? flags : '', source).not.toContain('s');
    }
  });

  it('gives a part the findings it has alone, wherever its lines stand in the text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.array(piece, { maxLength: 14 }), fc.array(piece, { maxLength: 10 }), (before, part, after) => {
        const inner = part.join('');
        for (const text of [`${before.join('')}${inner}${after.join('')}`, `${before.join('')}\n${inner}\n${after.join('')}`]) {
          const found = findingsOfLines(text, extractCodes(text), inner);
          if (found !== null) expect(found).toEqual(extractCodes(inner));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('takes a part standing as whole lines, and refuses one that does not', () => {
    const text = 'Subject: x\n\n550 5.1.1 unknown\nStatus: 5.1.1\n';
    expect(findingsOfLines(text, extractCodes(text), '550 5.1.1 unknown\n')).toEqual(extractCodes('550 5.1.1 unknown\n'));
    expect(findingsOfLines(text, extractCodes(text), '50 5.1.1 unknown')).toBeNull();
    expect(findingsOfLines(text, extractCodes(text), 'Status: 5.1')).toBeNull();
  });

  it("gives the corpus bounces' analysed texts the findings they have alone", async () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    let taken = 0;
    for (const name of ['bounces', 'bounces-more']) {
      const dir = path.join(here, '..', '..', '..', '..', 'shared', name);
      for (const file of readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.(?:eml|txt)$/.test(f))) {
        const input = readFileSync(path.join(dir, file), 'latin1');
        const parts = await readEmail(input);
        const pieces = [parts.body, parts.deliveryStatus, parts.feedbackReport].filter(Boolean);
        const found = pieces.map((part) => findingsOfLines(input, extractCodes(input), part));
        if (!found.every((f) => f !== null)) continue;
        taken += 1;
        expect(joinFindings(pieces, found), file).toEqual(extractCodes(pieces.join('\n\n')));
      }
    }
    expect(taken).toBeGreaterThan(300);
  });
});

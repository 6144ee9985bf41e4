// The refused SMTP command, remembered per text for one diagnosis (rememberCommands): in any order and
// however often a text is asked, the answer is findCommand's, for texts that name a command and texts
// that do not; its one-search prefilter answers as trying every pattern, on both corpora and generated text;
// an address's paragraphs are the pieces a split at blank lines gives;
// and a report of many recipients gets the same diagnosis as each of its recipients alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';
import { findCommand, firstParagraphs, rememberCommands } from '../../../src/lib/bounce/read-bounce-text.ts';
import { corpusTexts } from '../../fixtures/corpus-files.ts';
import { loadCatalogue } from '../../fixtures/load-catalogue.ts';

const TEXTS = [
  '550 5.1.1 <a@example.org>: Recipient address rejected (in reply to RCPT TO command)',
  'host mx.example.org said: 552 5.3.4 Message too big (in reply to end of data command)',
  '>>> DATA\n<<< 554 5.7.1 Rejected',
  '192.0.2.1 does not like recipient.',
  '552 1 Requested mail action aborted, mailbox not found [RCPT_TO]',
  'SMTP command: MAIL',
  'Mailbox full',
  '',
  'Mailbox full',
  'mailbox FULL',
];

describe('rememberCommands', () => {
  it('answers as findCommand, in any order and however often a text is asked', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TEXTS), { maxLength: 30 }), (asked) => {
        const remembered = rememberCommands();
        for (const text of asked) expect(remembered(text)).toBe(findCommand(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('findCommand with its prefilter', () => {
  it('answers as trying every pattern, on every email of both corpora and each of its lines', () => {
    for (const text of corpusTexts()) {
      expect(findCommand(text)).toBe(findCommand(text, false));
      for (const line of text.split('\n')) expect(findCommand(line)).toBe(findCommand(line, false));
    }
  });

  it('answers as trying every pattern on generated text', () => {
    const word = fc.constantFrom('in reply to', 'In\n  reply to', 'after', 'AFTER', 'while sending', 'during', 'error in', 'rejected at', 'rejected after', 'responded to', 'the', 'RCPT TO', 'rcpt', 'MAIL FROM', 'end of data', 'DATA', 'dot', 'message body', 'HELO', 'initial connection', 'connect', 'STARTTLS', 'smtp command', 'SMTP command:', '>>> DATA', '>>> RCPT', '<<< 550', '<<<550', '[RCPT_TO]', '[rcpt_to]', 'does not like recipient', 'but sender was rejected', 'but my name was rejected', 'failed after I sent the message', 'thereafter', 'x', '550 5.1.1');
    const gap = fc.constantFrom(' ', '\n', '\r\n', ': ', '', '\t', '-');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, gap), { maxLength: 12 }), (pieces) => {
        const text = pieces.map(([w, g]) => w + g).join('');
        expect(findCommand(text)).toBe(findCommand(text, false));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('firstParagraphs', () => {
  it('gives the first two pieces of a split at blank lines', () => {
    const piece = fc.constantFrom('a', '550 5.1.1 <b@example.org>', '\n', '\r\n', '\r', ' ', '\t', '\n \n', '\r\n\t\r\n', '\n\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        const split = text.split(/\r?\n[ \t]*\r?\n/);
        expect(firstParagraphs(text)).toEqual([split[0], split[1]]);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('a report of many recipients', () => {
  const catalogue = loadCatalogue();
  const recipients = ['in reply to RCPT TO command', 'in reply to end of data command', '', 'in reply to MAIL FROM command'];
  const line = (i: number, phrase: string): string => `<user${String(i)}@example.org>: host mx${String(i)}.example.org[192.0.2.${String(i)}] said: 550 5.1.1 User unknown${phrase === '' ? '' : ` (${phrase})`}`;
  const head = 'From: MAILER-DAEMON@mx.example.net\nSubject: Undelivered Mail Returned to Sender\nContent-Type: text/plain\n\nI could not deliver your message.\n\n';

  it('gives each recipient the answer it gets alone', async () => {
    const whole = await diagnoseBounce(`${head}${recipients.map((phrase, i) => line(i, phrase)).join('\n\n')}\n`, catalogue);
    expect(whole.recipients).toHaveLength(recipients.length);
    for (const [i, phrase] of recipients.entries()) {
      const alone = await diagnoseBounce(`${head}${line(i, phrase)}\n`, catalogue);
      expect(whole.recipients[i]).toEqual(alone.recipients[0]);
    }
  });
});

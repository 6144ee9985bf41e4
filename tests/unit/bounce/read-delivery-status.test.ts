// The report fields read from a delivery-status part or a bounce's text (RFC 3464): the search that skips
// texts holding no field name gives the same answer as reading every line, on the corpora's reports and
// texts and on random text made of field names, white space of every kind, folds and line ends.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDeliveryStatus, splitLines } from '../../../src/lib/bounce/read-delivery-status.ts';
import { readEmail } from '../../../src/lib/bounce/read-email.ts';
import { corpusTexts } from '../../fixtures/corpus-files.ts';

describe('readDeliveryStatus', () => {
  it('reads the fields of a report', () => {
    const report = 'Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1\n    User unknown\n';
    const status = readDeliveryStatus(report);
    expect(status.reportingMta).toBe('mx.example.net');
    expect(status.recipients).toHaveLength(1);
    expect(status.recipients[0]).toMatchObject({ finalRecipient: 'a@example.org', action: 'failed', status: '5.1.1', diagnosticCode: '550 5.1.1 User unknown', diagnosticType: 'smtp' });
  });

  it('finds nothing in a text without fields', () => {
    expect(readDeliveryStatus('Your message could not be delivered.\n550 5.1.1 User unknown\n')).toEqual({ reportingMta: null, receivedFromMta: null, recipients: [] });
  });

  it('answers the same without the search first, on the corpora', async () => {
    for (const email of corpusTexts()) {
      const parts = await readEmail(email);
      for (const text of [email, parts.body, parts.deliveryStatus]) expect(readDeliveryStatus(text)).toEqual(readDeliveryStatus(text, false));
    }
  });

  it('answers the same without the search first, on random field-like text', () => {
    const piece = fc.constantFrom(
      'Final-Recipient',
      'final-recipient',
      'ORIGINAL-RECIPIENT',
      'X-Actual-Recipient',
      'Action',
      'Status',
      'Status-Code',
      'Reporting-MTA',
      'Received-From-MTA',
      'Remote-MTA',
      'Diagnostic-Code',
      'Last-Attempt-Date',
      ':',
      ' : ',
      '\t',
      ' ',
      '\u00a0',
      '\ufeff',
      '\u2028',
      '\n',
      '\r\n',
      '\r',
      '\n\n',
      '\n    ',
      'rfc822; a@example.org',
      '<@relay.example:b@example.org>',
      'failed',
      'delayed (retry)',
      '5.1.1',
      '553 too big',
      'smtp; 550 5.1.1 User unknown',
      'x-unix; 255',
      'dns; mx.example.net',
      'Status',
      'text',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(readDeliveryStatus(text)).toEqual(readDeliveryStatus(text, false));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('splitLines', () => {
  it('splits as the regular expression of every line break does, with or without a carriage return', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', 'é')).map((pieces) => pieces.join('')), (text) => {
        expect(splitLines(text)).toEqual(text.split(/\r\n|\r|\n/));
      }),
      { numRuns: 500 },
    );
  });
});

// Guards the codes each failed recipient gets (RFC 3464 section 2.3, RFC 3463, RFC 5321 section 4.2):
// the remote server's own reply wins over a sending service's generic summary that quotes it, a reply
// written in the report's Status field is read, and two recipients of one notice keep their own codes.
import { describe, expect, it } from 'vitest';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';
import { loadCatalogue } from '../../fixtures/load-catalogue.ts';

const catalogue = loadCatalogue();

const report = (fields: string) =>
  [
    'From: MAILER-DAEMON@relay.example.net',
    'To: sender@example.org',
    'Subject: Undelivered Mail Returned to Sender',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    'Your message could not be delivered.',
    '',
    '--b',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; relay.example.net',
    '',
    fields,
    '',
    '--b--',
    '',
  ].join('\n');

describe('diagnoseBounce recipient codes', () => {
  it("takes the remote server's quoted reply over a sending service's 5.1.0 summary", async () => {
    const diagnosis = await diagnoseBounce(
      report("Final-Recipient: rfc822; kijitora@example.jp\nAction: failed\nStatus: 5.1.0\nDiagnostic-Code: smtp; 550 5.1.0 Address rejected. Remote server said: '550 5.1.1 <kijitora@example.jp>: Recipient address rejected: User unknown'"),
      catalogue,
    );
    expect(diagnosis.recipients[0]).toMatchObject({ address: 'kijitora@example.jp', replyCode: '550', enhancedCode: '5.1.1' });
  });

  it('keeps a generic code when nothing more specific is quoted', async () => {
    const diagnosis = await diagnoseBounce(report('Final-Recipient: rfc822; a@example.jp\nAction: failed\nStatus: 5.1.0\nDiagnostic-Code: smtp; 550 5.1.0 Address rejected'), catalogue);
    expect(diagnosis.recipients[0]).toMatchObject({ replyCode: '550', enhancedCode: '5.1.0' });
  });

  it('reads a reply code written in the Status field', async () => {
    const diagnosis = await diagnoseBounce(report('Final-Recipient: rfc822; a@example.be\nAction: failed\nStatus: 553 Exceeded maximum inbound message size'), catalogue);
    expect(diagnosis.recipients[0]).toMatchObject({ address: 'a@example.be', replyCode: '553' });
  });

  it('gives each recipient of a plain-text notice its own codes', async () => {
    const text = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
      'To: sender@example.org',
      'Subject: Mail delivery failed: returning message to sender',
      '',
      'This message was created automatically by mail delivery software.',
      '',
      'A message that you sent could not be delivered to one or more of its',
      'recipients. This is a permanent error. The following address(es) failed:',
      '',
      '  full@example.jp',
      '    host mx.example.jp [192.0.2.20]: 552 5.2.2 Mailbox full',
      '',
      '  nobody@example.org',
      '    host mx.example.org [192.0.2.21]: 550 5.1.1 User unknown',
      '',
    ].join('\n');
    const diagnosis = await diagnoseBounce(text, catalogue);
    expect(diagnosis.recipients.map((r) => [r.address, r.replyCode, r.enhancedCode])).toEqual([
      ['full@example.jp', '552', '5.2.2'],
      ['nobody@example.org', '550', '5.1.1'],
    ]);
  });

  it('gives two recipients listed on consecutive lines their own codes and cause', async () => {
    const text = [
      'From: MAILER-DAEMON@mx.example.net',
      'To: sender@example.org',
      'Subject: Delivery status notification: error',
      '',
      'An error has occurred while attempting to deliver a message for',
      'the following list of recipients:',
      '',
      'alice@example.jp: 550 5.1.1 <alice@example.jp>: Recipient address rejected: User unknown',
      'bob@example.com: 552 5.2.2 Mailbox full',
      '',
    ].join('\n');
    const diagnosis = await diagnoseBounce(text, catalogue);
    expect(diagnosis.recipients.map((r) => [r.address, r.replyCode, r.enhancedCode, r.reason])).toEqual([
      ['alice@example.jp', '550', '5.1.1', 'userunknown'],
      ['bob@example.com', '552', '5.2.2', 'mailboxfull'],
    ]);
  });
});

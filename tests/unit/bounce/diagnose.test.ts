// Guards the diagnosis of whole inputs: delivery report fields per recipient (RFC 3464 section 2.3),
// who generated the bounce and which side must act, auto-replies and complaint reports named as
// such, decoded parts (RFC 2045 quoted-printable and base64), and the negatives that must yield
// no finding and no exception: non-bounces, CRLF and CR files, empty, binary, malformed MIME, 10 MB.
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/lib/bounce/decode-bytes.ts';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';
import { forwardedAsAttachment, forwardedInline } from '../../fixtures/bounce-forwarded.ts';
import { wrapReply } from '../../fixtures/bounce-templates.ts';
import { loadCatalogue } from '../../fixtures/load-catalogue.ts';

const catalogue = loadCatalogue();
const [postfix, exim] = wrapReply('550 5.1.1 <recipient@example.org>: Recipient address rejected: User unknown in local recipient table');

describe('diagnoseBounce', () => {
  it('reads every delivery report field of the failed recipient', async () => {
    const diagnosis = await diagnoseBounce(postfix?.email ?? '', catalogue);
    expect(diagnosis).toMatchObject({ kind: 'bounce', reason: 'userunknown', permanent: true, replyCode: '550', enhancedCode: '5.1.1' });
    expect(diagnosis.reportingMta).toBe('mail.example.net');
    expect(diagnosis.recipients[0]).toMatchObject({
      address: 'recipient@example.org',
      originalRecipient: 'recipient@example.org',
      action: 'failed',
      remoteMta: 'mx1.example.org',
      reason: 'userunknown',
    });
    expect(diagnosis.recipients[0]?.diagnosticCode).toContain('User unknown');
  });

  it('says a remote server reply comes from the recipient side', async () => {
    const diagnosis = await diagnoseBounce(exim?.email ?? '', catalogue);
    expect(diagnosis.origin).toBe('recipient-side');
    expect(diagnosis.generatedBy).toBe('relay.example.net');
    expect(diagnosis.actors[0]).toBe('sender');
  });

  it("says a failure reported by the sender's own server without a remote reply is the sender's side", async () => {
    const email = [
      'From: Mail Delivery System <MAILER-DAEMON@smtp.emailsrvr.com>',
      'To: sender@example.net',
      'Subject: Undelivered Mail Returned to Sender',
      '',
      '<recipient@example.org>: 550 5.3.4 Message too large (G17)',
      '',
    ].join('\n');
    const diagnosis = await diagnoseBounce(email, catalogue);
    expect(diagnosis).toMatchObject({ origin: 'sender-provider', reason: 'mesgtoobig', generatedBy: 'smtp.emailsrvr.com' });
    expect(diagnosis.actors).not.toContain('recipient-admin');
  });

  it('prefers a specific diagnostic text to a generic 5.0.0 status', async () => {
    const diagnosis = await diagnoseBounce('Status: 5.0.0\nDiagnostic-Code: smtp; 550 Requested action not taken: mailbox full', catalogue);
    expect(diagnosis.reason).toBe('mailboxfull');
  });

  it('treats a specific enhanced code as strong evidence', async () => {
    expect((await diagnoseBounce('550 5.2.2 Sorry, no', catalogue)).reason).toBe('mailboxfull');
    expect((await diagnoseBounce('550 5.1.1 Sorry, no', catalogue)).reason).toBe('userunknown');
  });

  it('names an automatic reply as vacation, not a bounce', async () => {
    const email = 'From: Jane <jane@example.org>\nTo: sender@example.net\nSubject: Out of Office: Quarterly figures\nAuto-Submitted: auto-replied\n\nI am out of the office until Monday.\n';
    expect(await diagnoseBounce(email, catalogue)).toMatchObject({ kind: 'vacation', reason: 'vacation' });
  });

  it('names a complaint report as feedback, not a bounce', async () => {
    const email = [
      'From: staff@hotmail.example',
      'To: abuse@example.net',
      'Subject: complaint about message from 192.0.2.1',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=feedback-report; boundary="part"',
      '',
      '--part',
      'Content-Type: text/plain',
      '',
      'This is an email abuse report.',
      '--part',
      'Content-Type: message/feedback-report',
      '',
      'Feedback-Type: abuse',
      'User-Agent: SomeGenerator/1.0',
      'Version: 1',
      '--part--',
      '',
    ].join('\n');
    expect(await diagnoseBounce(email, catalogue)).toMatchObject({ kind: 'feedback', reason: 'feedback' });
  });

  it('finds a code that stands only in a base64 part and marks it as decoded', async () => {
    const body = btoa('The response from the remote server was:\n552 5.2.2 The email account that you tried to reach is over quota.\n');
    const email = `From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\nTo: a@example.net\nSubject: Delivery Status Notification (Failure)\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n${body}\n`;
    const diagnosis = await diagnoseBounce(email, catalogue);
    expect(diagnosis.reason).toBe('mailboxfull');
    const finding = diagnosis.codes.find((f) => f.value === '5.2.2');
    expect(finding?.decoded).toBe(true);
    expect(diagnosis.text?.slice(finding?.start, finding?.end)).toBe('5.2.2');
  });

  it('opens a bounce forwarded as a message/rfc822 attachment and diagnoses it', async () => {
    const diagnosis = await diagnoseBounce(forwardedAsAttachment(), catalogue);
    expect(diagnosis).toMatchObject({ kind: 'bounce', reason: 'mailboxfull', replyCode: '552', enhancedCode: '5.2.2', reportingMta: 'mail.example.net' });
    expect(diagnosis.recipients[0]?.address).toBe('bob@example.org');
  });

  it("opens a delivery report that a filter wrapped in the postmaster's own notice with a disclaimer", async () => {
    const report = [
      'From: postmaster@example.com',
      'To: list-bounces@example.net',
      'Subject: Delivery Status Notification (Failure)',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="r"',
      '',
      '--r',
      'Content-Type: text/plain',
      '',
      'Delivery to the following recipients failed.',
      '',
      '       ann@example.com',
      '',
      '--r',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns;mx.example.com',
      '',
      'Final-Recipient: rfc822;ann@example.com',
      'Action: failed',
      'Status: 5.1.1',
      '',
      '--r--',
      '',
    ].join('\n');
    const wrapped = [
      'From: postmaster@example.com',
      'To: list-bounces@example.net',
      'Subject: Delivery Status Notification (Failure)',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="w"',
      '',
      '--w',
      'Content-Type: message/rfc822',
      'Content-Disposition: attachment',
      '',
      report,
      '--w',
      'Content-Type: text/plain',
      '',
      'This e-mail is confidential and may be privileged.',
      '--w--',
      '',
    ].join('\n');
    const diagnosis = await diagnoseBounce(wrapped, catalogue);
    expect(diagnosis).toMatchObject({ kind: 'bounce', reason: 'userunknown', enhancedCode: '5.1.1' });
    expect(diagnosis.recipients.map((r) => r.address)).toEqual(['ann@example.com']);
  });

  it('reads a bounce forwarded inline with every line quoted', async () => {
    const diagnosis = await diagnoseBounce(forwardedInline(), catalogue);
    expect(diagnosis).toMatchObject({ kind: 'bounce', reason: 'mailboxfull', replyCode: '552', enhancedCode: '5.2.2' });
  });

  it('takes the reply to the refused command from a session transcript, not the summary line', async () => {
    const transcript = ['... while talking to mx.example.org.:', '>>> MAIL From:<a@example.net>', '<<< 550 Insecure Mail Relay', '554 <b@example.org>... Remote protocol error', ''].join('\n');
    const diagnosis = await diagnoseBounce(transcript, catalogue);
    expect(diagnosis.replyCode).toBe('550');
  });

  it('calls a user unknown refused after DATA a filter, unless the status confirms the mailbox is missing', async () => {
    const afterData = (reply: string) => `... while talking to mx.example.org.:\n>>> DATA\n<<< ${reply}\n554 5.0.0 Service unavailable\n`;
    expect((await diagnoseBounce(afterData('550 Unknown user b@example.org'), catalogue)).reason).toBe('filtered');
    expect((await diagnoseBounce(afterData('550 5.1.1 <b@example.org>... User unknown'), catalogue)).reason).toBe('userunknown');
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('reads a bounce with %s line endings', async (_name, eol) => {
    const diagnosis = await diagnoseBounce((exim?.email ?? '').split('\n').join(eol), catalogue);
    expect(diagnosis).toMatchObject({ reason: 'userunknown', replyCode: '550', enhancedCode: '5.1.1' });
  });

  it.each([
    ['an empty input', ''],
    ['white space', ' \n\t\r\n '],
    ['an ordinary email', 'From: a@example.org\nTo: b@example.net\nSubject: Lunch\nDate: Tue, 02 Apr 2024 09:12:44 +0200\n\nSee you at 12:30 on floor 2, call 555 123 4567 or +44 20 7946 0958.\n'],
    ['log lines with addresses and versions', 'Apr  2 09:12:44 relay postfix/smtpd[4711]: connect from unknown[10.4.5.1]\nPostfix 3.5.2 on 192.168.2.254, build 2.5.5\n'],
    ['malformed MIME', 'Content-Type: multipart/mixed; boundary=\n\n--\nContent-Type: text/plain\n\nhello there\n--'],
  ])('finds nothing in %s', async (_name, input) => {
    const diagnosis = await diagnoseBounce(input, catalogue);
    expect(diagnosis.codes).toEqual([]);
    expect(diagnosis.kind).toBe('unknown');
    expect(diagnosis.matches).toEqual([]);
  });

  it("reads a bare address under the notice's own sentence as a failure without a cause, and an address alone as no reply", async () => {
    const notice = (body: string): string =>
      `From: postmaster@example.org\nTo: jo@example.net\nSubject: Delivery Status Notification (Failure)\nDate: Fri, 3 Mar 2006 15:09:20 -0500\n\n${body}`;
    const listed = await diagnoseBounce(notice('This is an automatically generated Delivery Status Notification.\n\nDelivery to the following recipients failed.\n\n       ann@example.org\n\n'), catalogue);
    expect(listed.recipients.map((r) => [r.address, r.reason])).toEqual([['ann@example.org', 'onhold']]);
    const silent = await diagnoseBounce(notice("Hi. This is the qmail-send program at mx.example.org.\nI'm afraid I wasn't able to deliver your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.\n\n<ann@example.org>:\n\n--- Below this line is a copy of the message.\n"), catalogue);
    expect(silent.recipients.map((r) => [r.address, r.reason])).toEqual([['ann@example.org', 'undefined']]);
  });

  it("takes a mailer daemon's notice with no address and no code as a bounce when its wording names a cause", async () => {
    const email = 'From: MAILER-DAEMON@mr2.example.edu\nTo: list-admin@example.net\nSubject: Returned mail - nameserver error report\nDate: Tue, 26 Dec 2000 13:26:18 -0500\n\n --------Message not delivered to the following:\n\n thomas.dtankengine    No matches to nameserver query\n';
    const diagnosis = await diagnoseBounce(email, catalogue);
    expect(diagnosis.kind).toBe('bounce');
    expect(['userunknown', 'filtered']).toContain(diagnosis.reason);
    const letter = await diagnoseBounce('From: ann@example.org\nTo: jo@example.net\nSubject: lunch\n\nNo matches to nameserver query, so I will call you instead.\n', catalogue);
    expect(letter.kind).toBe('unknown');
  });

  it('calls ordinary prose no bounce, with no cause', async () => {
    const diagnosis = await diagnoseBounce('Hello, are we still meeting at 10:30 in room 4.5.1? Call me on 555-1234.', catalogue);
    expect(diagnosis).toMatchObject({ kind: 'unknown', reason: 'undefined', permanent: null, codes: [] });
  });

  it("takes the cause from the catalogue when the paste is one entry's code-less text", async () => {
    const entry = catalogue.find((candidate) => candidate.texts.some((text) => !/\d{3}|\d\.\d/.test(text) && text.length > 25));
    const text = entry?.texts.find((candidate) => !/\d{3}|\d\.\d/.test(candidate) && candidate.length > 25) ?? '';
    const diagnosis = await diagnoseBounce(text, catalogue);
    expect(diagnosis.matches[0]?.id).toBe(entry?.id);
    expect(diagnosis).toMatchObject({ kind: 'bounce', reason: entry?.reason });
  });

  it('does not call a letter a bounce because it contains a short generic phrase', async () => {
    const diagnosis = await diagnoseBounce('Thanks, the report is attached. Try again later if the download link fails.', catalogue);
    expect(diagnosis.kind).toBe('unknown');
  });

  it('diagnoses 10 MB of text without an exception', async () => {
    const line = 'Lorem ipsum dolor sit amet, 192.0.2.1 at 10:45:12 on Tue, 02 Apr 2024 (v2.5.5).\n';
    const huge = line.repeat(Math.ceil(10_000_000 / line.length));
    const diagnosis = await diagnoseBounce(huge, catalogue);
    expect(diagnosis.codes).toEqual([]);
    expect(diagnosis.kind).toBe('unknown');
  });

  it('still finds a bounce at the end of 10 MB of text', async () => {
    const huge = `${'x '.repeat(5_000_000)}\n550 5.1.1 <a@example.org>: User unknown\n`;
    const diagnosis = await diagnoseBounce(huge, catalogue);
    expect(diagnosis.codes.map((f) => f.value)).toEqual(['550', '5.1.1']);
  });
});

describe('decodeBytes', () => {
  it('reads UTF-8, falls back to Latin-1 for 8-bit mail and refuses binary data', () => {
    expect(decodeBytes(new TextEncoder().encode('Grüße 550 5.1.1'))).toEqual({ ok: true, text: 'Grüße 550 5.1.1' });
    expect(decodeBytes(Uint8Array.from([0x47, 0x72, 0xfc, 0xdf, 0x65]))).toEqual({ ok: true, text: 'Grüße' });
    expect(decodeBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toMatchObject({ ok: false });
  });
});

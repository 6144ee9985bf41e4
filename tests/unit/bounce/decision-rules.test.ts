// The decision rules taken from Sisimai's Reason.pm, Filtered.pm/UserUnknown.pm and SMTP/Status.pm, one
// table row each: when a "user unknown" is a filter, 'onhold' against 'undefined', an expiry that quotes
// its last attempt, a local program that names a storage limit, and the known server formats. The filter
// reading of an unconfirmed "user unknown" holds for whole bounces and reports, never for a bare pasted line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyBounce } from '../../../src/lib/bounce/classify-bounce.ts';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';
import type { BounceEvidence } from '../../../src/lib/bounce/classify-bounce.ts';
import type { Reason } from '../../../src/lib/content/vocabulary.ts';
import { findCommand, findCommandOfReply } from '../../../src/lib/bounce/read-bounce-text.ts';
import { findServerFormat, SERVER_FORMATS } from '../../../src/lib/bounce/server-formats.ts';
import { readEmail } from '../../../src/lib/bounce/read-email.ts';
import { corpusEmailFiles } from '../../fixtures/corpus-files.ts';


const evidence = (diagnostic: string, extra: Partial<BounceEvidence> = {}): BounceEvidence => ({ diagnostic, context: '', status: null, replyCode: null, command: null, action: null, ...extra });

const CASES: readonly { name: string; evidence: BounceEvidence; reason: Reason }[] = [
  { name: 'a user unknown confirmed by X.1.1', evidence: evidence('550 5.1.1 <a@example.org>: User unknown', { status: '5.1.1', replyCode: '550' }), reason: 'userunknown' },
  { name: 'a user unknown refused at RCPT TO', evidence: evidence('550 User unknown (in reply to RCPT TO command)', { status: '5.0.0', command: 'RCPT' }), reason: 'userunknown' },
  { name: 'a user unknown with neither status nor command', evidence: evidence('Remote host said: 550 unknown user <a@example.org>', { replyCode: '550' }), reason: 'filtered' },
  { name: 'a user unknown after DATA', evidence: evidence('550 Unknown user a@example.org (in reply to end of DATA command)', { status: '5.0.0', command: 'DATA' }), reason: 'filtered' },
  { name: 'a user unknown in a known server format', evidence: evidence('Unknown user', { serverFormat: 'IMail Server' }), reason: 'userunknown' },
  { name: 'a user unknown in another language', evidence: evidence('550 Empfänger unbekannt, Benutzer existiert nicht', { status: '5.0.0' }), reason: 'userunknown' },
  { name: 'an unread reply', evidence: evidence('554 No Resent-From field given', { replyCode: '554' }), reason: 'onhold' },
  { name: 'no reply at all', evidence: evidence('', { status: '5.0.0' }), reason: 'undefined' },
  { name: 'a greylisting deferral after the recipient prefix', evidence: evidence('451 4.7.1 <a@example.org>: Recipient address rejected: Greylisted for 5 minutes', { status: '4.7.1' }), reason: 'onhold' },
  { name: 'the recipient prefix alone, refused at RCPT', evidence: evidence('550 5.7.1 <a@example.org>: Recipient address rejected', { status: '5.7.1', command: 'RCPT' }), reason: 'userunknown' },
  { name: 'nothing but the address', evidence: evidence('<a@example.org>:\n'), reason: 'undefined' },
  { name: 'a bulleted address alone', evidence: evidence('   * a@example.org\n\n'), reason: 'undefined' },
  { name: 'an address and a reply we cannot read', evidence: evidence('<a@example.org>: 554 No Resent-From field given'), reason: 'onhold' },
  { name: 'an expiry quoting its last attempt', evidence: evidence('<a@example.org>... Deferred: Connection refused by mx.example.org.\nMessage could not be delivered for 5 days', { status: '4.4.7' }), reason: 'blocked' },
  { name: 'an expiry alone', evidence: evidence('Message could not be delivered for 5 days', { status: '4.4.7' }), reason: 'expired' },
  {
    name: "a catalogue text that is itself an expiry (qmail's giving up after failed connections)",
    evidence: evidence("451 Sorry, I wasn't able to establish an SMTP connection. I'm not going to try again; this message has been in the queue too long.", {
      catalogue: { id: 'x/expired', reason: 'expired', score: 0.84, length: 130 },
    }),
    reason: 'expired',
  },
  {
    name: 'an expiry quoting its last attempt beside a short generic catalogue text',
    evidence: evidence('<a@example.org>... Deferred: Connection refused by mx.example.org.\nMessage could not be delivered for 5 days', {
      status: '4.4.7',
      catalogue: { id: 'x/expired', reason: 'expired', score: 0.84, length: 45 },
    }),
    reason: 'blocked',
  },
  { name: 'no answer from host while retrying', evidence: evidence('connect to mx.example.org[192.0.2.1]:25: Connection timed out', { status: '4.4.1', action: 'failed' }), reason: 'expired' },
  { name: 'a delayed report with a generic code', evidence: evidence('', { status: '4.4.0', action: 'delayed' }), reason: 'expired' },
  { name: 'a local program naming a quota', evidence: evidence('permission denied. Command output: Mail quota exceeded.', { localProgram: true }), reason: 'mailboxfull' },
  { name: 'a server failure at MAIL FROM', evidence: evidence('554 Transaction failed (in reply to MAIL FROM command)', { command: 'MAIL', status: '5.0.0' }), reason: 'systemerror' },
  { name: 'too many recipients per session', evidence: evidence('552 Too many recipients (in reply to RCPT TO command)', { command: 'RCPT', status: '5.0.0' }), reason: 'toomanyconn' },
  { name: 'a bad name server reply', evidence: evidence('Name service error for name=example.org type=MX: Malformed or unexpected name server reply', { status: '5.4.4' }), reason: 'networkerror' },
  { name: "Gmail's NXDOMAIN under a permanent X.1.2", evidence: evidence("DNS Error: DNS type 'mx' lookup of example.invalid responded with code NXDOMAIN Domain name not found: example.invalid", { status: '5.1.2' }), reason: 'hostunknown' },
  { name: "Gmail's NXDOMAIN under a transient status", evidence: evidence("DNS Error: 80480947 DNS type 'mx' lookup of example.org responded with code NXDOMAIN", { status: '4.0.0' }), reason: 'networkerror' },
  { name: 'a domain that does not exist', evidence: evidence('Host or domain name not found. Name service error for name=example.org type=A: Host not found', { status: '5.4.4' }), reason: 'hostunknown' },
  { name: 'an unread refusal with a security code', evidence: evidence('550 5.7.1 MXIN601 (#5.7.1)', { status: '5.7.1', replyCode: '550' }), reason: 'securityerror' },
  { name: 'an unread refusal with a media code', evidence: evidence('554 5.6.0 MXIN602 (#5.6.0)', { status: '5.6.0', replyCode: '554' }), reason: 'contenterror' },
  { name: "docomo's unknown user after DATA", evidence: evidence('550 Unknown user a@docomo.ne.jp (in reply to end of DATA command)', { status: '5.0.0', command: 'DATA', remoteHost: 'mfsmax.docomo.ne.jp' }), reason: 'rejected' },
  { name: "docomo's unknown user at RCPT TO", evidence: evidence('550 Unknown user a@docomo.ne.jp (in reply to RCPT TO command)', { status: '5.0.0', command: 'RCPT', remoteHost: 'mfsmax.docomo.ne.jp' }), reason: 'userunknown' },
  { name: "docomo's too many recipients", evidence: evidence('552 Too many recipients (in reply to RCPT TO command)', { status: '5.0.0', command: 'RCPT', remoteHost: 'mfsmax.docomo.ne.jp' }), reason: 'toomanyconn' },
  { name: 'an unknown user after DATA elsewhere', evidence: evidence('550 Unknown user a@example.org (in reply to end of DATA command)', { status: '5.0.0', command: 'DATA', remoteHost: 'mx.example.org' }), reason: 'filtered' },
  // The filter reading needs a whole bounce or report whose silence means something (FILTER_READING_INPUTS).
  { name: 'a bare pasted "user unknown" with neither status nor command', evidence: evidence('550 No such user here', { replyCode: '550', input: 'text' }), reason: 'userunknown' },
  { name: 'the same wording in a whole bounce email', evidence: evidence('550 No such user here', { replyCode: '550', input: 'email' }), reason: 'filtered' },
  { name: "the same wording in a report's fields pasted without the email", evidence: evidence('550 No such user here', { status: '5.0.0', replyCode: '550', input: 'report' }), reason: 'filtered' },
  { name: 'a bare pasted "user unknown" under a security status', evidence: evidence('550 5.7.1 No such user!', { status: '5.7.1', replyCode: '550', input: 'text' }), reason: 'userunknown' },
  { name: 'the same under a security status in a whole bounce', evidence: evidence('550 5.7.1 No such user!', { status: '5.7.1', replyCode: '550', input: 'email' }), reason: 'filtered' },
  { name: 'a bare pasted "user unknown" under a mailbox status', evidence: evidence('550 5.2.1 <a@example.org>... Addressee unknown', { status: '5.2.1', replyCode: '550', input: 'text' }), reason: 'userunknown' },
  { name: 'a bare pasted "user unknown" that names DATA', evidence: evidence('550 Unknown user a@example.org (in reply to end of DATA command)', { status: '5.0.0', command: 'DATA', input: 'text' }), reason: 'filtered' },
  { name: 'a mailbox temporarily unavailable (no cause named)', evidence: evidence('450 4.2.0 <a@example.org> - Recipient temporarily unavailable', { status: '4.2.0', replyCode: '450', input: 'text' }), reason: 'onhold' },
  { name: 'a service temporarily unavailable', evidence: evidence('421 4.3.2 Service temporarily unavailable', { replyCode: '421', input: 'text' }), reason: 'systemerror' },
  { name: 'a malformed address', evidence: evidence('501 Bad address syntax', { replyCode: '501', input: 'text' }), reason: 'syntaxerror' },
  { name: "a session's error limit", evidence: evidence('421 4.7.0 mx.example.org Error: too many errors', { status: '4.7.0', replyCode: '421', input: 'text' }), reason: 'syntaxerror' },
  { name: 'a domain refused for now by its X.1.2 status', evidence: evidence('450 4.1.2 <a@example.org>: Recipient address rejected: Domain not found', { status: '4.1.2', replyCode: '450' }), reason: 'hostunknown' },
  { name: 'a domain not found under a transient code alone', evidence: evidence('451 Domain not found', { replyCode: '451' }), reason: 'networkerror' },
  { name: 'relaying disallowed', evidence: evidence('553 Relaying disallowed', { replyCode: '553', status: '5.0.0', input: 'email' }), reason: 'norelaying' },
  { name: 'a refusal by the destination domain', evidence: evidence('541 5.4.1 Mail rejected by destination domain', { status: '5.4.1', input: 'email' }), reason: 'filtered' },
  { name: 'a mailbox blocked for inactivity', evidence: evidence('550 5.2.1 This mailbox has been blocked due to inactivity', { status: '5.2.1', input: 'email' }), reason: 'suspend' },
  { name: 'a recipient check still running', evidence: evidence('421 4.1.1 <a@example.org>: Recipient address rejected: unverified address: Address verification in progress', { status: '4.1.1', replyCode: '421', input: 'text' }), reason: 'onhold' },
  { name: 'a transient user unknown in a whole bounce', evidence: evidence('450 4.1.1 <a@example.org>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)', { status: '4.1.1', replyCode: '450', command: 'RCPT' }), reason: 'userunknown' },
  { name: 'a Spamhaus lookup address', evidence: evidence('553 http://www.spamhaus.org/query/bl?ip=192.0.2.1', { replyCode: '553', status: '5.0.0' }), reason: 'blocked' },
  { name: 'an IP not allowed to send directly', evidence: evidence("550 5.7.1 The IP you're using to send mail is not authorized to send email directly to our servers.", { status: '5.7.1' }), reason: 'blocked' },
  { name: 'a From domain not aligned with SPF or DKIM', evidence: evidence("421 4.7.32 Your email has been rate limited because the From: header isn't aligned with either the authenticated SPF or DKIM organizational domain.", { status: '4.7.32' }), reason: 'authfailure' },
  { name: 'an SPF refusal still reads as SPF', evidence: evidence('550 5.7.1 192.0.2.1 is not authorized to send mail on behalf of example.org (SPF fail)', { status: '5.7.1' }), reason: 'authfailure' },
  { name: "a receiving server's expired TLS certificate", evidence: evidence("certificate-expired: Destination mail server's certificate is expired.", { status: '4.7.322' }), reason: 'failedstarttls' },
  { name: 'a certificate failing MTA-STS', evidence: evidence('Remote certificate failed MTA-STS validation. Reason: expired', { status: '5.7.5' }), reason: 'failedstarttls' },
  { name: 'a client certificate requirement (not a TLS set-up)', evidence: evidence('530 5.7.0 Client certificate required', { status: '5.7.0' }), reason: 'securityerror' },
  { name: 'an unresolvable sender domain, deferred', evidence: evidence('451 Message temporarily deferred due to unresolvable RFC.5321 from domain', { replyCode: '451', status: '4.0.0' }), reason: 'rejected' },
  { name: 'a deferral for volume', evidence: evidence('421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints', { status: '4.7.0' }), reason: 'speeding' },
  { name: 'a domain whose MX does not point here', evidence: evidence('550 no such address here (MX do not point to us)', { replyCode: '550', status: '5.0.0' }), reason: 'hostunknown' },
  { name: 'too many recent messages', evidence: evidence('452 4.1.1 <a@example.org> too many recent messages; Try again later', { status: '4.1.1' }), reason: 'speeding' },
  { name: 'an hourly quota of a domain', evidence: evidence('550 5.4.7 <a@example.org>: Recipient address rejected: Recipients Domain Hourly Quota Exceeded', { status: '5.4.7' }), reason: 'exceedlimit' },
  { name: 'a limit of messages received per hour', evidence: evidence('554 5.2.122 The recipient has exceeded their limit for the number of messages they can receive per hour.', { status: '5.2.122' }), reason: 'exceedlimit' },
  { name: "a sender's hourly rate to one recipient", evidence: evidence('554 5.2.121 The sender has exceeded the limit for the number of messages they can send to this recipient per hour.', { status: '5.2.121' }), reason: 'speeding' },
  { name: "an organization's queue quota", evidence: evidence('450 4.7.3 Organization queue quota exceeded.', { status: '4.7.3' }), reason: 'systemfull' },
  { name: 'a mailbox quota still a full mailbox', evidence: evidence('552 5.2.2 <a@example.org>: Recipient address rejected: Mailbox quota exceeded', { status: '5.2.2' }), reason: 'mailboxfull' },
  { name: 'a domain taking no mail over IPv6', evidence: evidence('550 5.7.510 Access denied, [example.org] does not accept email over IPv6', { status: '5.7.510' }), reason: 'policyviolation' },
  { name: 'a banned recipient', evidence: evidence('550 5.7.505 Access denied, banned recipient', { status: '5.7.505' }), reason: 'suspend' },
  { name: 'a Null MX domain', evidence: evidence("DNS Error: The domain example.org doesn't receive email according to the administrator: returned Null MX"), reason: 'notaccept' },
];

describe('decision rules', () => {
  it.each(CASES)('reads $name as $reason', ({ evidence: e, reason }) => {
    expect(classifyBounce(e).reason).toBe(reason);
  });

  it.each([
    ['192.0.2.1 does not like recipient.\nRemote host said: 550 No such user', 'RCPT'],
    ['Connected to 192.0.2.1 but sender was rejected.', 'MAIL'],
    ['Connected to 192.0.2.1 but my name was rejected.', 'HELO'],
    ['192.0.2.1 failed after I sent the message.', 'DATA'],
    ['Remote host said: 552 1 Requested mail action aborted, mailbox not found [RCPT_TO]', 'RCPT'],
    ['Remote host said: 554 delivery error: dd Not a valid recipient [MAIL_FROM]', 'MAIL'],
  ])('reads the refused command of qmail\'s or Yahoo\'s "%s" as %s', (text, command) => {
    expect(findCommand(text)).toBe(command);
  });

  it.each([
    ['554 5.7.1 <a@example.org>: Recipient address rejected: Access denied', 'RCPT'],
    ['550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup', 'RCPT'],
    ['553 5.7.1 <a@example.net>: Sender address rejected: not owned by user', 'MAIL'],
    ['550 5.7.1 Message rejected as spam', null],
  ])('reads the command a reply implies in "%s" as %s', (text, command) => {
    expect(findCommand(text)).toBeNull();
    expect(findCommandOfReply(text)).toBe(command);
  });

  it('keeps a transcript\'s order over what a reply implies (a pipelined RCPT refusal seen after DATA)', () => {
    expect(findCommand('>>> DATA\n<<< 550 5.7.1 <a@example.org>: Recipient address rejected: User unknown')).toBe('DATA');
  });
});

// The same rule end to end: the engine tells the kind of input itself (an email, a report's fields, bare text).
const REPORT_WITHOUT_COMMAND = [
  'From: MAILER-DAEMON@mail.example.net',
  'To: sender@example.net',
  'Subject: Undelivered Mail Returned to Sender',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
  '',
  '--B',
  'Content-Type: text/plain',
  '',
  '<a@example.org>: host mx.example.org[192.0.2.25] said: 550 No such user here',
  '',
  '--B',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mail.example.net',
  '',
  'Final-Recipient: rfc822; a@example.org',
  'Action: failed',
  'Status: 5.0.0',
  'Diagnostic-Code: smtp; 550 No such user here',
  '',
  '--B--',
  '',
].join('\n');

describe('diagnoseBounce on bare lines and reports', () => {
  it.each([
    ['a bare line', '550 No such user here', 'userunknown'],
    ['a bare line with an address', '<a@example.org>: 550 Recipient not found', 'userunknown'],
    ['a bare line under a security status', '550 5.7.1 No such user!', 'userunknown'],
    ['a few lines of plain text', 'Delivery to the following recipient failed permanently:\n\n     a@example.org\n\n550 Mailbox not found', 'userunknown'],
    ['a bare line naming a banned sending IP', 'Access denied, banned sending IP [192.0.2.1]', 'blocked'],
    ['a bare line that names DATA', '550 Unknown user a@example.org (in reply to end of DATA command)', 'filtered'],
    ["a report's fields pasted without the email", 'Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.0.0\nDiagnostic-Code: smtp; 550 No such user here', 'filtered'],
    ['a whole report that names no command', REPORT_WITHOUT_COMMAND, 'filtered'],
  ])('reads %s as %s', async (_name, text, reason) => {
    expect((await diagnoseBounce(text, [])).reason).toBe(reason);
  });
});

describe('findServerFormat', () => {
  it('recognises each format by its own example header, and nothing in ordinary headers', () => {
    expect(findServerFormat(new Map([['x-mailer', '<SMTP32 v8.22>']]))).toBe('IMail Server');
    expect(findServerFormat(new Map([['subject', 'DELIVERY FAILURE: User x not listed in Domino Directory']]))).toBe('Lotus Domino');
    const exchange = new Map([['x-mimeole', 'Produced By Microsoft Exchange V6.5']]);
    expect(findServerFormat(exchange, 'Your message\n\n  did not reach the following recipient(s):\n\na@example.org on 1/1/2004')).toBe('Exchange 2003');
    // The header alone is on any mail an Exchange 2003 client sends, bounces forwarded by hand included.
    expect(findServerFormat(exchange, 'Could not deliver message to the following recipient(s):')).toBeNull();
    const received = 'Received: from mx.example.net (unknown [192.0.2.98])\nReceived: by mx.example.net with Internet Mail Service\n (5.5.2657.72)\nSubject: E';
    expect(findServerFormat(new Map(), 'Your message\n\n  did not reach the following recipient(s):', received)).toBe('Exchange 2003');
    expect(findServerFormat(new Map(), '', 'Received: from njbrspamp1.vtext.com (njbrspamp1.vtext.com [192.0.2.146])')).toBe('Verizon');
    expect(findServerFormat(new Map([['subject', 'Returned mail: see transcript for details'], ['from', 'MAILER-DAEMON@example.org']]))).toBeNull();
    for (const format of SERVER_FORMATS) expect(format.pattern.flags.includes('g')).toBe(false);
  });
  // The Received fields are unfolded only when the header block holds what a Received row needs.
  it('finds what unfolding every Received field finds, folded lines and every corpus email included', async () => {
    const blocks = [
      'Received: by mx.example.net with Internet\r\n Mail Service (5.5.2657.72)',
      'Received: by mx.example.net with Internet Mail\n\tService\n (5.5.2657.72)\nSubject: x',
      'Received: from a.vtext.com\n (a.vtext.com [192.0.2.1])',
      'Received: from a.vtext.com [192.0.2.1]\nX-Note: vtext.com (',
      'received: by mx.example.net with Internet Mail Service (5.5)',
      'Subject: Internet Mail Service (x.vtext.com (',
      '',
    ];
    const body = 'Your message\n\n  did not reach the following recipient(s):';
    for (const block of blocks) {
      for (const text of [body, '']) expect(findServerFormat(new Map(), text, block), block).toBe(findServerFormat(new Map(), text, block, { prefilter: false }));
    }
    expect(findServerFormat(new Map(), body, blocks[0])).toBe('Exchange 2003');
    expect(findServerFormat(new Map(), '', blocks[2])).toBe('Verizon');
    const files = corpusEmailFiles();
    expect(files.length).toBeGreaterThan(500);
    let found = 0;
    for (const file of files) {
      const input = readFileSync(file, 'latin1');
      const parts = await readEmail(input);
      const block = input.slice(0, Math.max(0, input.search(/\r?\n\r?\n/)));
      const format = findServerFormat(parts.headers, parts.body, block);
      expect(format, file).toBe(findServerFormat(parts.headers, parts.body, block, { prefilter: false }));
      if (format !== null) found += 1;
    }
    expect(found).toBeGreaterThan(50);
  });
});

// Guards which addresses a bounce reports as failed (RFC 3464 section 2.3 recipient blocks, Exim's
// X-Failed-Recipients, and the failed-recipient lines of human-readable notices in the common formats),
// and that the quoted original's headers, Return-Path, message ids, URLs, mailto: links, contacts and the
// bounce's own sender never count. Addresses keep their non-ASCII letters (RFC 6531).
import { describe, expect, it } from 'vitest';
import { findFailedAddresses, findRecipients, reportAddress } from '../../../src/lib/bounce/find-recipients.ts';
import { emptyRecipient } from '../../../src/lib/bounce/read-delivery-status.ts';

describe('findFailedAddresses', () => {
  it.each([
    ['Postfix', '<kijitora@example.jp>: host mx.example.jp[192.0.2.1] said: 550 5.1.1\n    <kijitora@example.jp>... User unknown (in reply to RCPT TO command)', ['kijitora@example.jp']],
    ['Exim', 'The following address(es) failed:\n\n  kijitora@example.jp\n    host mx.example.jp [192.0.2.1]: 550 5.1.1 unknown\n  neko@example.org\n    retry timeout exceeded', ['kijitora@example.jp', 'neko@example.org']],
    ['qmail', "Sorry, I wasn't able to deliver your message to the following addresses.\n\n<kijitora@example.jp>:\n192.0.2.1 does not like recipient.\nRemote host said: 550 5.1.1 unknown", ['kijitora@example.jp']],
    ['Sendmail', '   ----- The following addresses had permanent fatal errors -----\n<kijitora@example.jp>\n    (reason: 550 5.1.1 User unknown)\n\n   ----- Transcript of session follows -----\n... while talking to mx.example.jp.:\n>>> RCPT To:<kijitora@example.jp>\n<<< 550 5.1.1 <kijitora@example.jp>... User unknown', ['kijitora@example.jp']],
    ['Exchange 2003', 'Your message\n\n  To:      sender@example.org\n  Subject: hello\n\ndid not reach the following recipient(s):\n\nkijitora@example.co.jp on Thu, 29 Apr 2007 16:51:51 -0500\n    The recipient name is not recognized\nmikeneko@example.co.jp on Thu, 29 Apr 2007 16:51:51 -0500\n    The recipient name is not recognized', ['kijitora@example.co.jp', 'mikeneko@example.co.jp']],
    ['Exchange X.400 gateway', 'did not reach the following recipient(s):\nc=US;a= ;p=IKON;o=Nexus2;dda:SMTP=DJBENNETT@IKON.COM; on Fri, 4 Oct 2002', ['DJBENNETT@IKON.COM']],
    ['Notes/Domino', 'Your message\n\n  Subject: Nyaan\n\nwas not delivered to:\n\n  kijitora@neko.example.com\n\nbecause:\n\n  User kijitora (kijitora@neko.example.com) not listed in public Name & Address Book', ['kijitora@neko.example.com']],
    ['Microsoft SMTPSVC', 'Unable to deliver the message to the following recipients.\n\n"midica@example.com" <midica@example.com>', ['midica@example.com']],
    ['IMail', 'Delivery failed 20 attempts: kijitora@example.com', ['kijitora@example.com']],
    ['IMail userid', 'Invalid final delivery userid: kijitora@neko.example.co.jp', ['kijitora@neko.example.co.jp']],
    ['Courier', '<kijitora@example.jp>:\n    mx.example.jp [192.0.2.1]:\n>>> RCPT TO:<kijitora@example.jp>\n<<< 550 5.1.1 <kijitora@example.jp>... User Unknown', ['kijitora@example.jp']],
    ['MDaemon list', 'The following addresses did NOT receive a copy of your message:\n\n> bbbsss@example.com\n\n--- Session Transcript ---\n MAIL From:<list-admin@example.org> SIZE=1861\n 250 <list-admin@example.org>, Sender ok\n RCPT To:<bbbsss@example.com>', ['bbbsss@example.com']],
    ['KDDI (Japanese carrier)', 'Your mail sent on: Thu, 29 Apr 2013 23:45:22 +0900\n     Could not be delivered to: <kijitora@example.dion.ne.jp>\n     As their mailbox is full.', ['kijitora@example.dion.ne.jp']],
    ['a failure stated before it', "User's mailbox is full: <william@example.net>\nUnable to deliver mail.", ['william@example.net']],
    ['two recipients in one paragraph', 'Delivery to the following recipients failed permanently:\n\n     alice@example.com\n     bob@example.net\n\nTechnical details of permanent failure: 550 5.1.1', ['alice@example.com', 'bob@example.net']],
    ['non-ASCII local part and IDN domain', 'Delivery has failed to these recipients or groups:\n\npelé@exemple.fr\n用户@例子.中国\nuser@xn--bcher-kva.example', ['pelé@exemple.fr', '用户@例子.中国', 'user@xn--bcher-kva.example']],
    ['qmail-ldap', 'Hi. This is the qmail-send program.\n\n>>> kijitora@example.org <kijitora@example.org>\n\n550 sorry, no mailbox here by that name (#5.1.1 - chkusr)', ['kijitora@example.org']],
    ['sending-service JSON', '{"notificationType":"Bounce","bounce":{"bouncedRecipients":[{"emailAddress":"kijitora@example.com","status":"5.1.1"}]},"mail":{"source":"sender@example.org"}}', ['kijitora@example.com']],
    ['GroupWise', 'The message that you sent was undeliverable to the following:\n        kijitora@example.com (user not found)\n\nPossibly truncated original message follows:', ['kijitora@example.com']],
    ['Office 365', "Your message to kijitora@example.com couldn't be delivered.\nkijitora wasn't found at example.com.\n\nOriginal Message Details\nCreated Date: 4/29/2021 11:23:45 PM\nSender Address: sender@example.org\nRecipient Address: kijitora@example.com\nSubject: Nyaan\n\nError Details\nReported error: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient kijitora@example.com not found by SMTP address lookup", ['kijitora@example.com']],
    ['localised Exchange (German)', 'Die Zustellung an folgende Empfänger oder Gruppen ist fehlgeschlagen:\n\nkijitora@example.de (kijitora@example.de)\nDie eingegebene E-Mail-Adresse wurde nicht gefunden.', ['kijitora@example.de']],
    ['localised notice (Chinese)', '邮件发送失败。\n收件人：用户@例子.中国\n原因：550 5.1.1 用户不存在', ['用户@例子.中国']],
    ['OpenSMTPD', 'An error has occurred while attempting to deliver a message for\nthe following list of recipients:\n\nkijitora@example.jp: 550 5.1.1 <kijitora@example.jp>: Recipient address rejected: User unknown', ['kijitora@example.jp']],
    ['mobile carrier', 'Message could not be delivered to mobile.\n\n  0000000000@vzwpix.example', ['0000000000@vzwpix.example']],
    ['notice followed by a list footer', 'did not reach the following recipient(s):\n\nomar@example.com on Thu, 11 Jul 2002 16:54:54 -0300\n\n_______________________________________________\nMailman-Developers mailing list\nMailman-Developers@example.org', ['omar@example.com']],
  ])('reads the recipients of a %s notice', (_format, text, expected) => {
    expect(findFailedAddresses(text)).toEqual(expected);
  });

  it.each([
    ['the quoted original headers', 'This is a permanent error.\n\nReturn-Path: <sender@example.org>\nReceived: from mx.example.org by relay.example.net\n\tfor <list@example.org>; Thu, 29 Apr 2010 23:34:45 +0900\nFrom: Sender <sender@example.org>\nTo: list@example.org\nMessage-ID: <20100429.1234@example.org>'],
    ['a URL parameter and a mailto: link', 'Unsubscribe at https://example.com/u?email=reader@example.org or <mailto:list-request@example.org?subject=help>'],
    ['the sender and a contact', 'Your mail to the following recipients could not be delivered because they are not accepting mail from list@example.org:\nFor further assistance, please contact <help@example.net>'],
    ['message ids on lines of their own', '<20080907124011.12abcd8@lsean.ezweb.example>\n  <mailman.0.1037840296.16399.list@example.org>\n<0ae85451-e088-48ae-804e-1f4b713b6c63@example.jp>'],
    ['advice on whom to write', 'Please send questions about this notice to helpdesk@example.net.\nForward this message to your administrator at admin@example.net\nComplaints: abuse@example.net'],
    ['a message id and an alias source', 'Message-Id: <2222CAT-222222-22@neko.example.com>\n    (expanded from: zzzzz@example.nl)\n    generated by owner@example.net'],
  ])('counts nothing from %s', (_name, text) => {
    expect(findFailedAddresses(text)).toEqual([]);
  });
});

describe('findRecipients', () => {
  const source = (headers: Record<string, string>, input = '') => ({ headers: new Map(Object.entries(headers)), from: headers.from ?? '', input });

  it('takes one recipient per delivery-report block, with its own fields', () => {
    const a = { ...emptyRecipient(), finalRecipient: 'a@example.com', status: '5.1.1' };
    const b = { ...emptyRecipient(), finalRecipient: 'b@example.net', status: '4.2.2' };
    expect(findRecipients([a, b], 'b@example.net: mailbox full', source({}), 50)).toEqual([
      { dsn: a, address: 'a@example.com' },
      { dsn: b, address: 'b@example.net' },
    ]);
  });

  it('prefers Original-Recipient only when Final-Recipient is no internet address', () => {
    expect(reportAddress({ ...emptyRecipient(), finalRecipient: 'jimmy@sims-ms-daemon', originalRecipient: 'jimmy@example.com' })).toBe('jimmy@example.com');
    expect(reportAddress({ ...emptyRecipient(), finalRecipient: '/S=zzzzz/OU=zeus/O=hud/', originalRecipient: 'zzzzz@example.ac.uk' })).toBe('zzzzz@example.ac.uk');
    expect(reportAddress({ ...emptyRecipient(), finalRecipient: 'final@example.jp', originalRecipient: 'alias@example.com' })).toBe('final@example.jp');
  });

  it('trusts X-Failed-Recipients, even when it is also the bounce receiver', () => {
    const found = findRecipients([], 'The following address(es) failed:', source({ 'x-failed-recipients': 'a@example.com, b@example.org', to: 'a@example.com' }), 50);
    expect(found.map((r) => r.address)).toEqual(['a@example.com', 'b@example.org']);
  });

  it('never names the bounce sender or receiver', () => {
    const found = findRecipients([], '  sender@example.org\n  MAILER-DAEMON@example.net\n  real@example.com', source({ from: 'MAILER-DAEMON@example.net', to: 'sender@example.org' }), 50);
    expect(found.map((r) => r.address)).toEqual(['real@example.com']);
  });

  it("falls back to the quoted original's single To: address when the notice names none", () => {
    const input = 'From: postmaster@example.net\nTo: sender@example.org\nSubject: failure\n\nMessage could not be delivered to mobile.\n\nOriginal Message:\nFrom: sender@example.org\nTo: 0000000000@example.com\nSubject: hi\n';
    const found = findRecipients([], 'Message could not be delivered to mobile.', source({ from: 'postmaster@example.net', to: 'sender@example.org' }, input), 50);
    expect(found.map((r) => r.address)).toEqual(['0000000000@example.com']);
  });

  it("does not take a mailing list's own address from the quoted original", () => {
    const input = 'From: postmaster@example.net\nTo: list-bounces@example.org\nSubject: failure\n\nNo matches to nameserver query.\n\nTo: list@example.org\nX-BeenThere: list@example.org\nList-Post: <mailto:list@example.org>\n';
    const found = findRecipients([], 'No matches to nameserver query.', source({ from: 'postmaster@example.net', to: 'list-bounces@example.org' }, input), 50);
    expect(found).toEqual([]);
  });
});

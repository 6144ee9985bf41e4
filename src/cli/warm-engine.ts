// Work done once while the command line's start-up snapshot is built (src/cli/snapshot.ts): one pass
// of the engine over a small delivery report, so the first real message does not pay for what a first
// pass sets up (the regular expressions V8 compiles on first use, the lexicon's first scans).
import { diagnoseBounce } from '../lib/bounce/diagnose.ts';
import { findPhrases, normalizeText } from '../lib/bounce/reason-lexicon.ts';
import { bundledCatalogue } from './bundled-catalogue.ts';

// A delivery report (RFC 3464) in the shape most bounces take: a note, the status fields, the returned
// message's headers.
const SAMPLE = [
  'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
  'To: sender@example.com',
  'Subject: Undelivered Mail Returned to Sender',
  'Date: Mon, 7 Dec 2026 10:00:00 +0000',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
  '',
  '--b',
  'Content-Type: text/plain',
  '',
  '<someone@example.org>: host mx.example.org said: 550 5.1.1 User unknown (in reply to RCPT TO command)',
  '--b',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example.net',
  '',
  'Final-Recipient: rfc822; someone@example.org',
  'Action: failed',
  'Status: 5.1.1',
  'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
  '--b',
  'Content-Type: message/rfc822',
  '',
  'From: sender@example.com',
  'To: someone@example.org',
  'Date: Mon, 7 Dec 2026 09:59:00 +0000',
  'Subject: Hello',
  '',
  'Hello',
  '--b--',
  '',
].join('\r\n');

/** Diagnoses the sample once; its result is not needed, only what running it leaves prepared. */
export function warmEngine(): void {
  findPhrases(normalizeText(SAMPLE), undefined, { prefilter: true });
  void diagnoseBounce(SAMPLE, bundledCatalogue);
}

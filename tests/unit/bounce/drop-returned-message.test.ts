// Guards dropReturnedMessage (RFC 6522 section 3): the returned original message of a delivery report
// is left out before MIME parsing only when it is the report's last part and follows the report part,
// so no text the engine reads (the human-readable part, the delivery status) is ever dropped.
import { describe, expect, it } from 'vitest';
import { dropReturnedMessage, unquoteForwarded } from '../../../src/lib/bounce/read-email.ts';

function report(parts: [type: string, body: string][], top = 'multipart/report; report-type=delivery-status;\n\tboundary="R1"'): string {
  const head = `From: MAILER-DAEMON@mx.example.net\nSubject: Undelivered Mail Returned to Sender\nContent-Type: ${top}\n\n`;
  return `${head}${parts.map(([type, body]) => `--R1\nContent-Type: ${type}\n\n${body}\n`).join('')}--R1--\n`;
}

const HUMAN: [string, string] = ['text/plain', '<a@example.org>: 550 5.1.1 User unknown'];
const STATUS: [string, string] = ['message/delivery-status', 'Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1'];
const ORIGINAL: [string, string] = ['message/rfc822', 'From: sender@example.com\nSubject: hello\n\nThe original text, 550 5.7.1 quoted inside.'];

describe('dropReturnedMessage', () => {
  it('leaves out a returned message that ends the report, after the delivery status', () => {
    const text = report([HUMAN, STATUS, ORIGINAL]);
    const kept = dropReturnedMessage(text);
    expect(kept).toContain('Status: 5.1.1');
    expect(kept).not.toContain('The original text');
    expect(text.startsWith(kept)).toBe(true);
  });

  it('also leaves out returned headers only (text/rfc822-headers)', () => {
    expect(dropReturnedMessage(report([HUMAN, STATUS, ['text/rfc822-headers', 'Subject: hello']]))).not.toContain('Subject: hello');
  });

  it('keeps a returned message that another part follows', () => {
    const text = report([HUMAN, STATUS, ORIGINAL, ['text/plain', 'A note after the original']]);
    expect(dropReturnedMessage(text)).toBe(text);
  });

  it('keeps a returned message that comes before the delivery status', () => {
    const text = report([HUMAN, ORIGINAL, STATUS]);
    expect(dropReturnedMessage(text)).toBe(text);
  });

  it('keeps everything in a message that is not a report (a forwarded bounce is read from its attachment)', () => {
    const text = report([HUMAN, STATUS, ORIGINAL], 'multipart/mixed; boundary="R1"');
    expect(dropReturnedMessage(text)).toBe(text);
  });

  it('finds the report type in a folded header, in any case', () => {
    for (const top of ['multipart/report;\n\treport-type=delivery-status; boundary="R1"', 'Multipart/Report; boundary="R1"', 'MULTIPART/REPORT;\r\n boundary=R1']) {
      const text = report([HUMAN, STATUS, ORIGINAL], top);
      expect(dropReturnedMessage(text), top).not.toContain('The original text');
    }
  });

  it('keeps everything when the header only names the type across a fold ("multipart/" then "report")', () => {
    const text = report([HUMAN, STATUS, ORIGINAL], 'multipart/\n report; boundary="R1"');
    expect(dropReturnedMessage(text)).toBe(text);
  });
});

// A text is unquoted only when most of its lines start with ">"; the check for any such line first must
// not change which texts are unquoted.
describe('unquoteForwarded', () => {
  const plain = (text: string): string => {
    const lines = text.split(/\r\n|\r|\n/, 400).filter((line) => line.trim() !== '');
    const quoted = lines.filter((line) => line.startsWith('>')).length;
    return lines.length >= 4 && quoted / lines.length >= 0.6 ? text.replace(/^> ?/gm, '') : text;
  };

  it.each([
    ['> a\n> b\n> c\n> d', 'every line quoted, LF'],
    ['start\r\n> a\r\n> b\r\n> c\r\n> d', 'CRLF, first line not quoted'],
    ['a\r> b\r> c\r> d\r> e', 'CR only, first line not quoted'],
    ['a\nb\nc\nd', 'nothing quoted'],
    ['a > b\nc > d\ne\nf', 'a ">" inside lines only'],
    ['>one line', 'too few lines'],
  ])('unquotes %j as reading every line does (%s)', (text) => {
    expect(unquoteForwarded(text)).toBe(plain(text));
  });
});

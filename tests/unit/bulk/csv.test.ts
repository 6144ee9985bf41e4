// The recipients CSV: RFC 4180 quoting (CRLF rows, quotes doubled, fields with commas or line breaks
// quoted) and the guard against spreadsheet formula injection from untrusted bounce text.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/lib/bulk/build-report.ts';
import { formatAddressList, formatCsv, formatCsvField, formatRecipientsCsv, RECIPIENT_CSV_HEADER } from '../../../src/lib/bulk/csv.ts';
import { message, recipient } from './report-fixtures.ts';

describe('formatCsvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['a=b', 'a=b'],
  ])('writes %j as %j', (value, expected) => {
    expect(formatCsvField(value)).toBe(expected);
  });
});

describe('formatCsv', () => {
  it('ends every row, the last too, with CRLF', () => {
    expect(formatCsv([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n');
  });
});

describe('formatRecipientsCsv', () => {
  it('writes a header and one row per failed recipient', () => {
    const report = buildReport(
      [
        message({ source: 'x,1.eml', recipients: [recipient(), recipient({ address: '=cmd@example.com', reason: 'mailboxfull', permanent: false })] }),
        message({ source: '2.eml', recipients: [recipient({ address: '', domain: null, permanent: null, replyCode: null, enhancedCode: null, provider: null })] }),
      ],
      [],
    );
    const lines = formatRecipientsCsv(report.recipients).split('\r\n');
    expect(lines[0]).toBe(RECIPIENT_CSV_HEADER.join(','));
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe('ann@example.com,example.com,userunknown,The address does not exist,yes,550,5.1.1,Google,2025-03-04T10:00:00.000Z,"x,1.eml",yes');
    expect(lines[2]?.startsWith("'=cmd@example.com,")).toBe(true);
    expect(lines[3]).toBe(',,userunknown,The address does not exist,unknown,,,,2025-03-04T10:00:00.000Z,2.eml,no');
    expect(lines[4]).toBe('');
  });
});

describe('formatAddressList', () => {
  it('writes one address per line, and nothing for none', () => {
    expect(formatAddressList(['a@x.org', 'b@y.org'])).toBe('a@x.org\nb@y.org\n');
    expect(formatAddressList([])).toBe('');
  });
});

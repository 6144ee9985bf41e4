// Sorting and filtering of the failed-recipient table.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/lib/bulk/build-report.ts';
import { filterRecipients, sortRecipients } from '../../../src/lib/bulk/recipient-rows.ts';
import { message, recipient } from './report-fixtures.ts';

const rows = buildReport(
  [
    message({ source: 'b.eml', date: '2025-03-05T00:00:00Z', recipients: [recipient({ address: 'bob@example.org' })] }),
    message({ source: 'a.eml', date: null, recipients: [recipient({ address: 'ann@example.com', reason: 'mailboxfull', permanent: false, replyCode: '452', enhancedCode: '4.2.2' })] }),
    message({ source: 'c.eml', date: '2025-03-01T00:00:00Z', recipients: [recipient({ address: 'cy@example.net', permanent: null })] }),
  ],
  [],
).recipients;

describe('sortRecipients', () => {
  it('sorts by address both ways', () => {
    expect(sortRecipients(rows, 'address', 'ascending').map((row) => row.address)).toEqual(['ann@example.com', 'bob@example.org', 'cy@example.net']);
    expect(sortRecipients(rows, 'address', 'descending').map((row) => row.address)).toEqual(['cy@example.net', 'bob@example.org', 'ann@example.com']);
  });

  it('puts missing dates last in both directions', () => {
    expect(sortRecipients(rows, 'date', 'ascending').map((row) => row.source)).toEqual(['c.eml', 'b.eml', 'a.eml']);
    expect(sortRecipients(rows, 'date', 'descending').map((row) => row.source)).toEqual(['b.eml', 'c.eml', 'a.eml']);
  });

  it('sorts permanent before temporary before not stated', () => {
    expect(sortRecipients(rows, 'permanent', 'ascending').map((row) => row.permanent)).toEqual([true, false, null]);
  });

  it('does not change the rows it is given', () => {
    sortRecipients(rows, 'address', 'descending');
    expect(rows.map((row) => row.source)).toEqual(['b.eml', 'a.eml', 'c.eml']);
  });
});

describe('filterRecipients', () => {
  it('matches every word against address, cause, codes and file', () => {
    expect(filterRecipients(rows, 'example.org').map((row) => row.address)).toEqual(['bob@example.org']);
    expect(filterRecipients(rows, 'MAILBOX full').map((row) => row.address)).toEqual(['ann@example.com']);
    expect(filterRecipients(rows, '4.2.2').map((row) => row.address)).toEqual(['ann@example.com']);
    expect(filterRecipients(rows, 'temporary').map((row) => row.address)).toEqual(['ann@example.com']);
    expect(filterRecipients(rows, '  ')).toHaveLength(3);
    expect(filterRecipients(rows, 'nobody')).toEqual([]);
  });
});

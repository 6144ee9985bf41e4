// CSV of the failed recipients, as RFC 4180 describes it: CRLF line ends, fields with a comma, quote or
// line break quoted, quotes doubled. Cells that a spreadsheet would run as a formula (starting with
// = + - @, tab or CR; OWASP "CSV injection") get a leading apostrophe, because bounce texts are untrusted.
import { REASON_LABELS } from '../content/vocabulary.ts';
import type { FailedRecipient } from './build-report.ts';

// "=HYPERLINK(...)", "+1", "-2", "@SUM(...)", "\t=1": cells a spreadsheet may evaluate
const FORMULA_START = /^[=+\-@\t\r]/;
// a comma, a quote or a line break: the field must be quoted
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: neutralised if it could run as a formula, then quoted if needed. */
export function formatCsvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(formatCsvField).join(',')).join('\r\n') + '\r\n';
}

export const RECIPIENT_CSV_HEADER = ['address', 'domain', 'cause', 'cause_label', 'permanent', 'reply_code', 'enhanced_code', 'provider', 'date', 'file', 'remove'] as const;

const permanence = (value: boolean | null): string => (value === null ? 'unknown' : value ? 'yes' : 'no');

/** The CSV of every failed recipient, one row each, with a header row. */
export function formatRecipientsCsv(rows: readonly FailedRecipient[]): string {
  return formatCsv([
    RECIPIENT_CSV_HEADER,
    ...rows.map((row) => [
      row.address,
      row.domain ?? '',
      row.reason,
      REASON_LABELS[row.reason],
      permanence(row.permanent),
      row.replyCode ?? '',
      row.enhancedCode ?? '',
      row.provider ?? '',
      row.date ?? '',
      row.source,
      row.remove ? 'yes' : 'no',
    ]),
  ]);
}

/** The plain list of addresses to remove: one per line. */
export const formatAddressList = (addresses: readonly string[]): string => (addresses.length === 0 ? '' : `${addresses.join('\n')}\n`);

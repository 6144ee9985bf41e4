// Sorting and filtering of the failed-recipient table, kept pure so the page only renders the result
// and the rules (what a filter matches, how empty values sort) are tested in Node.
import { REASON_LABELS } from '../content/vocabulary.ts';
import { codeLabel, type FailedRecipient } from './build-report.ts';

export const SORT_KEYS = ['address', 'cause', 'permanent', 'codes', 'date', 'source'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';

const collator = new Intl.Collator('en');
const permanenceRank = (value: boolean | null): number => (value === true ? 0 : value === false ? 1 : 2);

const SORT_VALUES: Record<SortKey, (row: FailedRecipient) => string | number> = {
  address: (row) => row.address.toLowerCase(),
  cause: (row) => REASON_LABELS[row.reason],
  permanent: (row) => permanenceRank(row.permanent),
  codes: (row) => codeLabel(row) ?? '',
  date: (row) => row.date ?? '',
  source: (row) => row.source,
};

/** A sorted copy; ties keep the order the messages were read in. Empty values sort last both ways. */
export function sortRecipients(rows: readonly FailedRecipient[], key: SortKey, direction: SortDirection): FailedRecipient[] {
  const valueOf = SORT_VALUES[key];
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: valueOf(row) }))
    .sort((a, b) => {
      if (a.value === '' && b.value !== '') return 1;
      if (b.value === '' && a.value !== '') return -1;
      const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      return order * sign || a.index - b.index;
    })
    .map(({ row }) => row);
}

/** Rows whose address, cause, codes or file contain every word of the query (case-insensitive). */
export function filterRecipients(rows: readonly FailedRecipient[], query: string): FailedRecipient[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const haystack = [row.address, row.reason, REASON_LABELS[row.reason], codeLabel(row) ?? '', row.source, row.provider ?? '', row.permanent === true ? 'permanent' : row.permanent === false ? 'temporary' : '']
      .join(' ')
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

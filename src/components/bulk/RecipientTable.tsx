// Every failed recipient, sortable by any column (buttons in the headers, aria-sort on the sorted one)
// and filtered by a text box. Only the first rows are rendered, with a button for more, so a report of
// tens of thousands of recipients stays quick to render.
import { useDeferredValue, useMemo, useState } from 'react';
import { REASON_LABELS } from '../../lib/content/vocabulary.ts';
import { codeLabel, type FailedRecipient } from '../../lib/bulk/build-report.ts';
import { filterRecipients, sortRecipients, type SortDirection, type SortKey } from '../../lib/bulk/recipient-rows.ts';
import { formatCount } from './format.ts';
import { CELL, HEAD, SCROLLER, TABLE } from './table-styles.ts';

const PAGE = 100;

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'address', label: 'Address' },
  { key: 'cause', label: 'Cause' },
  { key: 'permanent', label: 'Permanent' },
  { key: 'codes', label: 'Codes' },
  { key: 'date', label: 'Date' },
  { key: 'source', label: 'File' },
];

const permanence = (value: boolean | null): string => (value === null ? 'Not stated' : value ? 'Yes' : 'No');

export function RecipientTable({ recipients }: { recipients: readonly FailedRecipient[] }) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection } | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const deferredQuery = useDeferredValue(query);
  const rows = useMemo(() => {
    const filtered = filterRecipients(recipients, deferredQuery);
    return sort ? sortRecipients(filtered, sort.key, sort.direction) : filtered;
  }, [recipients, deferredQuery, sort]);
  const shown = rows.slice(0, limit);

  const toggle = (key: SortKey): void => {
    setSort((previous) => ({ key, direction: previous?.key === key && previous.direction === 'ascending' ? 'descending' : 'ascending' }));
  };

  return (
    <section aria-labelledby="bulk-recipients" className="mt-8">
      <h2 id="bulk-recipients" className="text-xl font-semibold">
        Failed recipients
      </h2>
      <label htmlFor="bulk-filter" className="mt-2 block font-medium">
        Filter recipients
      </label>
      <input
        id="bulk-filter"
        type="search"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setLimit(PAGE);
        }}
        placeholder="An address, domain, cause, code or file"
        className="mt-1 w-full max-w-md rounded border border-slate-500 bg-white px-2 py-1 dark:bg-slate-900"
        aria-describedby="bulk-filter-count"
      />
      <p id="bulk-filter-count" className="mt-1 text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
        {rows.length === recipients.length ? `${formatCount(rows.length)} failed recipients` : `${formatCount(rows.length)} of ${formatCount(recipients.length)} failed recipients match`}
        {shown.length < rows.length ? `; the first ${formatCount(shown.length)} are shown` : ''}
      </p>
      <div className={SCROLLER} tabIndex={0} role="region" aria-label="Failed recipients (table)">
        <table className={`${TABLE} min-w-[44rem]`}>
          <caption className="sr-only">Failed recipients</caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => {
                const sorted = sort?.key === column.key ? sort.direction : undefined;
                return (
                  <th key={column.key} scope="col" className={HEAD} aria-sort={sorted ?? 'none'}>
                    <button type="button" className="flex w-full items-center gap-1 text-left font-semibold" onClick={() => toggle(column.key)}>
                      {column.label}
                      <span aria-hidden="true" className="text-xs">
                        {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, index) => (
              <tr key={`${row.source}\u0000${row.address}\u0000${String(index)}`}>
                <td className={`${CELL} wrap-anywhere`}>{row.address === '' ? <span className="text-slate-700 italic dark:text-slate-300">(no address found)</span> : row.address}</td>
                <td className={CELL}>{REASON_LABELS[row.reason]}</td>
                <td className={CELL}>{permanence(row.permanent)}</td>
                <td className={`${CELL} whitespace-nowrap`}>{codeLabel(row) ?? ''}</td>
                <td className={`${CELL} whitespace-nowrap`}>{row.date?.slice(0, 10) ?? ''}</td>
                <td className={`${CELL} wrap-anywhere`}>{row.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length < rows.length && (
        <button type="button" className="mt-2 rounded border border-slate-500 px-3 py-1 text-sm" onClick={() => setLimit(limit + PAGE * 5)}>
          Show {formatCount(Math.min(PAGE * 5, rows.length - shown.length))} more
        </button>
      )}
    </section>
  );
}

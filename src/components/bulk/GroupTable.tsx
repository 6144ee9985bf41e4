// A table of failed recipients grouped by one key (recipient domain, refusing provider), largest first,
// with a total row. Long lists show the first rows and a button for the rest.
import { useState } from 'react';
import type { GroupRow } from '../../lib/bulk/build-report.ts';
import { formatCount, formatShare } from './format.ts';
import { CELL, FOOT, HEAD, NUMBER, SCROLLER, TABLE } from './table-styles.ts';

const FIRST_ROWS = 15;

export function GroupTable({ id, title, keyHeading, noun, rows, total }: { id: string; title: string; keyHeading: string; noun: [string, string]; rows: readonly GroupRow[]; total: number }) {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      <div className={SCROLLER} tabIndex={0} role="region" aria-label={`${title} (table)`}>
        <table className={TABLE}>
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col" className={HEAD}>
                {keyHeading}
              </th>
              <th scope="col" className={`${HEAD} text-right`}>
                Failed recipients
              </th>
              <th scope="col" className={`${HEAD} text-right`}>
                Share
              </th>
              <th scope="col" className={`${HEAD} text-right`}>
                Permanent
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.key}>
                <th scope="row" className={`${CELL} text-left font-normal wrap-anywhere`}>
                  {row.key}
                </th>
                <td className={NUMBER}>{formatCount(row.count)}</td>
                <td className={NUMBER}>{formatShare(row.share)}</td>
                <td className={NUMBER}>{formatCount(row.permanent)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className={`${FOOT} text-left`}>
                Total ({formatCount(rows.length)} {rows.length === 1 ? noun[0] : noun[1]})
              </th>
              <td className={`${NUMBER} font-semibold`}>{formatCount(total)}</td>
              <td className={`${NUMBER} font-semibold`}>{total === 0 ? '0%' : '100%'}</td>
              <td className={`${NUMBER} font-semibold`}>{formatCount(rows.reduce((sum, row) => sum + row.permanent, 0))}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {rows.length > FIRST_ROWS && (
        <button type="button" className="mt-2 rounded border border-slate-500 px-3 py-1 text-sm" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? `Show the first ${String(FIRST_ROWS)} only` : `Show all ${formatCount(rows.length)}`}
        </button>
      )}
    </section>
  );
}

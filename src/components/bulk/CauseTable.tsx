// The "Bounces by cause" table: count, share, temporary or permanent, who acts, what to do first, and a
// link to the cause's page when the catalogue has one; the total row counts every bounce message.
import { Link } from '@tanstack/react-router';
import { AUDIENCE_LABELS } from '../../lib/content/vocabulary.ts';
import type { CauseRow } from '../../lib/bulk/build-report.ts';
import { formatCount, formatShare } from './format.ts';
import { CELL, FOOT, HEAD, NUMBER, SCROLLER, TABLE } from './table-styles.ts';

function permanence(row: CauseRow): string {
  if (row.permanent === row.count) return 'Permanent';
  if (row.temporary === row.count) return 'Temporary';
  if (row.permanent === 0 && row.temporary === 0) return 'Not stated';
  if (row.temporary === 0) return `Permanent (${formatCount(row.permanent)}; ${formatCount(row.count - row.permanent)} not stated)`;
  if (row.permanent === 0) return `Temporary (${formatCount(row.temporary)}; ${formatCount(row.count - row.temporary)} not stated)`;
  return `Mixed: ${formatCount(row.permanent)} permanent, ${formatCount(row.temporary)} temporary`;
}

/** "The sender, then the recipient's mail admin": the two who act most often. */
const describeActors = (row: CauseRow): string =>
  row.actors.length === 0
    ? 'Nobody'
    : row.actors
        .slice(0, 2)
        .map((actor, index) => (index === 0 ? AUDIENCE_LABELS[actor] : `then ${AUDIENCE_LABELS[actor].replace(/^The /, 'the ')}`))
        .join(', ');

export const CAUSE_TABLE_NAME = 'Bounces by cause';

export function CauseTable({ causes, total, reasonPages }: { causes: readonly CauseRow[]; total: number; reasonPages: ReadonlySet<string> }) {
  return (
    <div className={SCROLLER} tabIndex={0} role="region" aria-label={`${CAUSE_TABLE_NAME} (table)`}>
      <table className={`${TABLE} min-w-[40rem]`}>
        <caption className="sr-only">{CAUSE_TABLE_NAME}</caption>
        <thead>
          <tr>
            <th scope="col" className={HEAD}>
              Cause
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              Bounces
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              Share
            </th>
            <th scope="col" className={HEAD}>
              Temporary or permanent
            </th>
            <th scope="col" className={HEAD}>
              Who acts
            </th>
            <th scope="col" className={HEAD}>
              What to do first
            </th>
          </tr>
        </thead>
        <tbody>
          {causes.map((row) => (
            <tr key={row.reason}>
              <th scope="row" className={`${CELL} text-left font-normal`}>
                {reasonPages.has(row.reason) ? (
                  <Link to="/reasons/$reason" params={{ reason: row.reason }}>
                    {row.label}
                  </Link>
                ) : (
                  row.label
                )}
              </th>
              <td className={NUMBER}>{formatCount(row.count)}</td>
              <td className={NUMBER}>{formatShare(row.share)}</td>
              <td className={CELL}>{permanence(row)}</td>
              <td className={CELL}>{describeActors(row)}</td>
              <td className={CELL}>{row.firstStep}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className={`${FOOT} text-left`}>
              Total
            </th>
            <td className={`${NUMBER} font-semibold`} data-total="bounces">
              {formatCount(total)}
            </td>
            <td className={`${NUMBER} font-semibold`}>{total === 0 ? '0%' : '100%'}</td>
            <td className={FOOT} colSpan={3}>
              {formatCount(causes.reduce((sum, row) => sum + row.permanent, 0))} permanent, {formatCount(causes.reduce((sum, row) => sum + row.temporary, 0))} temporary
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

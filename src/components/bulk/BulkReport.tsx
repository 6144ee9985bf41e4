// The bulk report: totals first (the answer a person came for), the downloads, bounces by cause as a
// chart and a table, then by recipient domain, by refusing provider, top codes, time, every failed
// recipient, and what was not a bounce or could not be read.
import type { BulkReport as Report } from '../../lib/bulk/build-report.ts';
import { CauseChart } from './CauseChart.tsx';
import { CAUSE_TABLE_NAME, CauseTable } from './CauseTable.tsx';
import { Downloads } from './Downloads.tsx';
import { formatCount, formatDuration, formatShare, plural } from './format.ts';
import { GroupTable } from './GroupTable.tsx';
import { RecipientTable } from './RecipientTable.tsx';
import { CELL, HEAD, NUMBER, SCROLLER, TABLE } from './table-styles.ts';
import { TimelineChart } from './TimelineChart.tsx';

type Props = { report: Report; reasonPages: ReadonlySet<string>; elapsed: number | null; cancelled: boolean };

const CATEGORY_LABELS = { 'auto-reply': 'Automatic reply', complaint: 'Spam complaint', other: 'Not a bounce', bounce: 'Bounce' } as const;

export function BulkReport({ report, reasonPages, elapsed, cancelled }: Props) {
  const { totals } = report;
  const cards: [string, number][] = [
    ['Messages read', totals.messages],
    ['Bounces', totals.bounces],
    ['Automatic replies', totals.autoReplies],
    ['Spam complaints', totals.complaints],
    ['Other messages', totals.other],
    ['Unreadable files', totals.unreadable],
    ['Failed recipients', totals.failedRecipients],
    ['Addresses to remove', totals.toRemove],
  ];
  return (
    <section aria-labelledby="bulk-report" className="mt-8">
      <h2 id="bulk-report" className="text-2xl font-bold" tabIndex={-1}>
        {cancelled ? 'Report on the messages read before you cancelled' : 'Report'}
      </h2>
      <p className="mt-2">
        {plural(totals.messages, 'message', 'messages')} read{elapsed === null ? '' : ` in ${formatDuration(elapsed)}`}: {plural(totals.bounces, 'bounce', 'bounces')} for{' '}
        {plural(totals.failedRecipients, 'recipient', 'recipients')}
        {report.causes[0] ? `, most often “${report.causes[0].label.toLowerCase()}” (${formatShare(report.causes[0].share)})` : ''}.
        {totals.toRemove > 0 ? ` ${plural(totals.toRemove, 'address', 'addresses')} failed for good and should be removed from your lists.` : ''}
      </p>
      <dl className="mt-4 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {cards.map(([label, value]) => (
          <div key={label} className="rounded border border-slate-300 px-3 py-2 dark:border-slate-700">
            <dt className="text-sm text-slate-700 dark:text-slate-300">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{formatCount(value)}</dd>
          </div>
        ))}
      </dl>
      <Downloads recipients={report.recipients} />

      <section aria-labelledby="bulk-causes" className="mt-8">
        <h2 id="bulk-causes" className="text-xl font-semibold">
          {CAUSE_TABLE_NAME}
        </h2>
        {report.causes.length === 0 ? (
          <p className="mt-2">None of the messages read is a bounce.</p>
        ) : (
          <>
            <CauseChart causes={report.causes} />
            <CauseTable causes={report.causes} total={totals.bounces} reasonPages={reasonPages} />
          </>
        )}
      </section>

      {report.timeline && <TimelineChart timeline={report.timeline} />}

      {report.recipients.length > 0 && (
        <>
          <GroupTable id="bulk-domains" title="Bounces by recipient domain" keyHeading="Recipient domain" noun={['domain', 'domains']} rows={report.domains} total={totals.failedRecipients} />
          <GroupTable id="bulk-providers" title="Bounces by the provider that refused" keyHeading="Provider (from the refusing or reporting server)" noun={['provider', 'providers']} rows={report.providers} total={totals.failedRecipients} />
        </>
      )}

      {report.codes.length > 0 && (
        <section aria-labelledby="bulk-codes" className="mt-8">
          <h2 id="bulk-codes" className="text-xl font-semibold">
            Top codes
          </h2>
          <div className={SCROLLER}>
            <table className={`${TABLE} max-w-md`}>
              <caption className="sr-only">Top codes, by number of bounces</caption>
              <thead>
                <tr>
                  <th scope="col" className={HEAD}>
                    Codes
                  </th>
                  <th scope="col" className={`${HEAD} text-right`}>
                    Bounces
                  </th>
                  <th scope="col" className={`${HEAD} text-right`}>
                    Share
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.codes.map((row) => (
                  <tr key={row.code}>
                    <th scope="row" className={`${CELL} text-left font-mono font-normal`}>
                      {row.code}
                    </th>
                    <td className={NUMBER}>{formatCount(row.count)}</td>
                    <td className={NUMBER}>{formatShare(row.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {report.recipients.length > 0 && <RecipientTable recipients={report.recipients} />}

      {(report.notBounces.length > 0 || report.skipped.length > 0) && (
        <section aria-labelledby="bulk-others" className="mt-8">
          <h2 id="bulk-others" className="text-xl font-semibold">
            Not counted as bounces
          </h2>
          {report.notBounces.length > 0 && (
            <details className="mt-2">
              <summary className="cursor-pointer">{plural(report.notBounces.length, 'message is not a bounce', 'messages are not bounces')}</summary>
              <ul className="mt-2 list-disc pl-6 text-sm wrap-anywhere">
                {report.notBounces.map((item, index) => (
                  <li key={`${item.source}-${String(index)}`}>
                    {item.source}: {CATEGORY_LABELS[item.category]}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {report.skipped.length > 0 && (
            <details className="mt-2">
              <summary className="cursor-pointer">{plural(report.skipped.length, 'file could not be read', 'files could not be read')}</summary>
              <ul className="mt-2 list-disc pl-6 text-sm wrap-anywhere">
                {report.skipped.map((item, index) => (
                  <li key={`${item.source}-${String(index)}`}>
                    {item.source}: {item.problem}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>
      )}
    </section>
  );
}

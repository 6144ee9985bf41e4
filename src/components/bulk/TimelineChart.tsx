// Bounces over time, as column bars per day (or month), with a one-line summary and the same figures as
// a table for screen readers and anyone who wants the numbers.
import type { Timeline } from '../../lib/bulk/build-report.ts';
import { formatCount, plural } from './format.ts';

export function TimelineChart({ timeline }: { timeline: Timeline }) {
  const { points, unit } = timeline;
  const largest = Math.max(1, ...points.map((point) => point.count));
  const peak = points.reduce((best, point) => (point.count > best.count ? point : best), points[0] ?? { period: '', count: 0 });
  const first = points[0]?.period ?? '';
  const last = points[points.length - 1]?.period ?? '';
  return (
    <section aria-labelledby="bulk-timeline" className="mt-8">
      <h2 id="bulk-timeline" className="text-xl font-semibold">
        Bounces over time
      </h2>
      <figure className="mt-2">
        <figcaption className="text-sm text-slate-700 dark:text-slate-300">
          Bounces per {unit} from {first} to {last}, by the date in each bounce; the most were {unit === 'day' ? 'on' : 'in'} {peak.period} ({plural(peak.count, 'bounce', 'bounces')}).
        </figcaption>
        <div aria-hidden="true" className="mt-3 flex h-32 items-end gap-px border-b border-slate-500">
          {points.map((point) => (
            <span key={point.period} title={`${point.period}: ${String(point.count)}`} className="min-w-0.5 flex-1 rounded-t-sm bg-blue-700 dark:bg-blue-400" style={{ height: `${String((point.count / largest) * 100)}%` }} />
          ))}
        </div>
        <div aria-hidden="true" className="mt-1 flex justify-between text-xs text-slate-700 dark:text-slate-300">
          <span>{first}</span>
          <span>{last}</span>
        </div>
      </figure>
      <details className="mt-2">
        <summary className="cursor-pointer">Bounces per {unit} as a table</summary>
        <table className="mt-2 text-sm">
          <caption className="sr-only">Bounces per {unit}</caption>
          <thead>
            <tr>
              <th scope="col" className="px-2 py-1 text-left">
                {{ day: 'Day', month: 'Month', year: 'Year' }[unit]}
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                Bounces
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.period}>
                <td className="px-2 py-0.5">{point.period}</td>
                <td className="px-2 py-0.5 text-right tabular-nums">{formatCount(point.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

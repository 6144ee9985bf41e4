// A horizontal bar chart of bounces by cause. The bars are decoration over a plain list of causes and
// counts, which is the chart's text alternative; colours keep 3:1 against the page in both modes.
import type { CauseRow } from '../../lib/bulk/build-report.ts';
import { formatCount, formatShare } from './format.ts';

export function CauseChart({ causes }: { causes: readonly CauseRow[] }) {
  const largest = Math.max(1, ...causes.map((cause) => cause.count));
  return (
    <figure className="mt-4" aria-labelledby="bulk-cause-chart">
      <figcaption id="bulk-cause-chart" className="font-semibold">Chart: bounces by cause</figcaption>
      <ol className="mt-2 space-y-2">
        {causes.map((cause) => (
          <li key={cause.reason} className="grid grid-cols-1 gap-1 sm:grid-cols-[16rem_1fr] sm:items-center sm:gap-3">
            <span className="text-sm">
              {cause.label}: <span className="font-semibold">{formatCount(cause.count)}</span> ({formatShare(cause.share)})
            </span>
            <span aria-hidden="true" className="block h-4 rounded-sm bg-slate-100 dark:bg-slate-800">
              <span className="block h-4 rounded-sm bg-blue-700 dark:bg-blue-400" style={{ width: `${String(Math.max(1, (cause.count / largest) * 100))}%` }} />
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

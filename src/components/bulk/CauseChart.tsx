// A horizontal bar chart of bounces by cause: the ten largest, the rest as one bar (the table below lists
// them all). The bars are decoration over a plain list of causes and counts, which is the chart's text
// alternative; colours keep 3:1 against the page in both modes.
import type { CauseRow } from '../../lib/bulk/build-report.ts';
import { formatCount, formatShare } from './format.ts';

const SHOWN = 10;

export function CauseChart({ causes }: { causes: readonly CauseRow[] }) {
  const rest = causes.slice(SHOWN);
  const bars = causes.slice(0, SHOWN).map((cause): { key: string; label: string; count: number; share: number } => ({ key: cause.reason, label: cause.label, count: cause.count, share: cause.share }));
  if (rest.length > 0) {
    bars.push({
      key: 'rest',
      label: `${String(rest.length)} other causes`,
      count: rest.reduce((sum, cause) => sum + cause.count, 0),
      share: rest.reduce((sum, cause) => sum + cause.share, 0),
    });
  }
  const largest = Math.max(1, ...bars.map((bar) => bar.count));
  return (
    <figure className="mt-4" aria-labelledby="bulk-cause-chart">
      <figcaption id="bulk-cause-chart" className="font-semibold">Chart: bounces by cause</figcaption>
      <ol className="mt-2 space-y-2">
        {bars.map((cause) => (
          <li key={cause.key} className="grid grid-cols-1 gap-1 sm:grid-cols-[22rem_1fr] sm:items-center sm:gap-3">
            <span className="text-sm">
              {cause.label}: <span className="font-semibold">{formatCount(cause.count)}</span> ({formatShare(cause.share)})
            </span>
            <span aria-hidden="true" className="block h-4 rounded-sm bg-slate-100 dark:bg-slate-800">
              <span className={`block h-4 rounded-sm ${cause.key === 'rest' ? 'bg-slate-500 dark:bg-slate-400' : 'bg-blue-700 dark:bg-blue-400'}`} style={{ width: `${String(Math.max(1, (cause.count / largest) * 100))}%` }} />
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

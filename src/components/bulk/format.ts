// Number and share formatting shared by the bulk report's tables and charts.
const integer = new Intl.NumberFormat('en-US');

export const formatCount = (value: number): string => integer.format(value);

/** "42%", "0.5%", "<0.1%": a share of a total, readable at a glance. */
export function formatShare(share: number): string {
  if (share === 0) return '0%';
  if (share < 0.001) return '<0.1%';
  return share < 0.1 ? `${(share * 100).toFixed(1)}%` : `${String(Math.round(share * 100))}%`;
}

export const plural = (count: number, one: string, many: string): string => `${formatCount(count)} ${count === 1 ? one : many}`;

/** "1.2 s", "45 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${String(seconds)} s` : `${String(Math.floor(seconds / 60))} min ${String(seconds % 60)} s`;
}

// Renders untrusted text as text, with the given [start, end) ranges wrapped in <mark> elements.
import type { ReactNode } from 'react';

type HighlightProps = { text: string; ranges: readonly (readonly [number, number])[] };

export function Highlight({ text, ranges }: HighlightProps) {
  const parts: ReactNode[] = [];
  let at = 0;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of sorted) {
    if (start < at || end <= start) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

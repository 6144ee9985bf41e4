// A list of catalogue entries as links, with their codes and whether they fix themselves.
import { Link } from '@tanstack/react-router';
import type { EntrySummary } from '../catalogue.ts';
import { PermanenceBadge } from './PermanenceBadge.tsx';

type EntryListProps = { entries: readonly EntrySummary[]; label: string; showProvider?: boolean };

export function EntryList({ entries, label, showProvider = true }: EntryListProps) {
  if (entries.length === 0) return <p>No catalogue entries yet.</p>;
  return (
    <ul aria-label={label} className="divide-y divide-slate-200 dark:divide-slate-800">
      {entries.map((entry) => (
        <li key={entry.id} className="py-3">
          <Link to="/bounces/$provider/$slug" params={splitId(entry.id)} className="font-medium">
            {entry.title}
          </Link>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
            {[entry.reply, entry.enhanced, entry.tag].filter(Boolean).map((code) => (
              <code key={code} className="rounded bg-slate-100 px-1 dark:bg-slate-800">
                {code}
              </code>
            ))}
            <PermanenceBadge permanent={entry.permanent} />
            {showProvider && <span>{entry.providerName}</span>}
          </div>
        </li>
      ))}
    </ul>
  );
}

export function splitId(id: string): { provider: string; slug: string } {
  const slash = id.indexOf('/');
  return { provider: id.slice(0, slash), slug: id.slice(slash + 1) };
}

// Temporary or permanent, said in words (never by colour alone).
export function PermanenceBadge({ permanent }: { permanent: boolean }) {
  return permanent ? (
    <span className="rounded border border-red-700 px-1.5 text-xs font-semibold text-red-800 dark:border-red-400 dark:text-red-200">
      Permanent
    </span>
  ) : (
    <span className="rounded border border-amber-700 px-1.5 text-xs font-semibold text-amber-900 dark:border-amber-300 dark:text-amber-100">
      Temporary
    </span>
  );
}

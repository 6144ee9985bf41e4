// Temporary, permanent, unclear or delivered, said in words and with a shape (never by colour alone),
// the same badge on entry, code and diagnosis pages.
type PermanenceBadgeProps = { permanent: boolean | null; delivered?: boolean };

const BADGES = {
  permanent: { label: 'Permanent', mark: '■', tone: 'badge-permanent' },
  temporary: { label: 'Temporary', mark: '◔', tone: 'badge-temporary' },
  unclear: { label: 'Unclear', mark: '?', tone: 'badge-unclear' },
  delivered: { label: 'Delivered', mark: '✓', tone: 'badge-delivered' },
} as const;

export function PermanenceBadge({ permanent, delivered = false }: PermanenceBadgeProps) {
  const badge = BADGES[delivered ? 'delivered' : permanent === null ? 'unclear' : permanent ? 'permanent' : 'temporary'];
  return (
    <span className={`badge ${badge.tone}`}>
      <span aria-hidden="true">{badge.mark}</span>
      {badge.label}
    </span>
  );
}

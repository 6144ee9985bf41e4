// Where a page's facts come from and when they were last checked, and "This answer is wrong": a link to a
// prefilled report on the project's tracker (REPORT_URL at build time) that carries only the page.
// Sources are shown by host ("senders.yahooinc.com") so a reader sees at a glance whose page it is.

type ProvenanceProps = { sources: readonly string[]; reviewed: string | null | undefined; reportUrl: string };

/** "2026-12-07" -> "7 December 2026", in UTC so the prerendered page and the browser agree. */
export const formatDay = (day: string): string => new Date(day).toLocaleDateString('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

export function Provenance({ sources, reviewed, reportUrl }: ProvenanceProps) {
  return (
    <aside aria-label="Sources and review" className="mt-8 border-t border-slate-300 pt-3 text-sm text-slate-800 dark:border-slate-700 dark:text-slate-200">
      <p>
        <span className="font-semibold">Last reviewed: </span>
        {reviewed ? formatDay(reviewed) : 'not yet'}
      </p>
      <p className="mt-1">
        <span className="font-semibold">Facts from: </span>
        {sources.length === 0
          ? 'not yet checked against a published source'
          : sources.map((source, i) => (
              <span key={source}>
                {i > 0 && '; '}
                {source.startsWith('https://') ? <a href={source}>{new URL(source).host}</a> : source}
              </span>
            ))}
      </p>
      <p className="mt-1">
        <a href={reportUrl}>This answer is wrong</a> (a prefilled report with this page's address only)
      </p>
    </aside>
  );
}

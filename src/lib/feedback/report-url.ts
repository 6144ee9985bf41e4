// Builds the "This answer is wrong" report: a prefilled new-issue address on the project's tracker (set at
// build time). It carries the page and only what the person chose to add. A pasted bounce is added only
// through ./report-bounce.ts, which redacts it as share links are; this module stays tiny for every page.

export type ReportContent = {
  /** The page the answer was on, e.g. "/bounces/yahoo/tss04-temporarily-deferred". */
  pageUrl: string;
  pageTitle: string;
  /** What the person says is wrong, in their words (optional). */
  note?: string;
  /** The pasted bounce, already redacted (see ./report-bounce.ts), only when the person chose to include it. */
  redactedBounce?: string;
};

/** Longest report body sent: a tracker rejects very long addresses, and a report needs the gist only. */
export const REPORT_BODY_LIMIT = 6000;

export function buildReportUrl(base: string, report: ReportContent): string {
  const lines = [`Page: ${report.pageUrl}`, `Answer shown: ${report.pageTitle}`, '', 'What is wrong:', report.note?.trim() || '(not given)'];
  if (report.redactedBounce) lines.push('', 'The bounce (addresses, IPs and host names removed):', '```', report.redactedBounce, '```');
  const body = lines.join('\n').slice(0, REPORT_BODY_LIMIT);
  const title = `Wrong answer: ${report.pageTitle}`.slice(0, 120);
  return `${base}${base.includes('?') ? '&' : '?'}title=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`;
}

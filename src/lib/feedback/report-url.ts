// Builds the "This answer is wrong" report: a prefilled new-issue address on the project's tracker (set at
// build time). It carries the page and only what the person chose to add. A pasted bounce is added only
// through ./report-bounce.ts, which redacts it as share links are; this module stays tiny for every page.

export type ReportContent = {
  /** The page the answer was on, e.g. "/bounces/yahoo/tss04-temporarily-deferred". */
  pageUrl: string;
  pageTitle: string;
  /** What the person says is wrong, in their words (optional). */
  note?: string;
  /** The answer the page gave, one line each (headline, cause, the entry that decided it), when chosen. */
  diagnosis?: readonly string[];
  /** The codes, tags and blocklist names found in the bounce, when chosen. */
  codes?: readonly string[];
  /** The pasted bounce, already redacted (see ./report-bounce.ts), only when the person chose to include it. */
  redactedBounce?: string;
};

/** Longest report body sent: a tracker rejects very long addresses, and a report needs the gist only. */
export const REPORT_BODY_LIMIT = 6000;
/** Longest body once encoded into the address (spaces and line ends take three characters each there). */
export const REPORT_ENCODED_LIMIT = 7000;

const BOUNCE_HEADING = 'The bounce (addresses, IPs and host names removed):';
const CUT_MARK = '[… cut here to fit the report]';

/** The report's text, exactly as it will stand in the new issue (at most REPORT_BODY_LIMIT characters). */
export function buildReportBody(report: ReportContent): string {
  const lines = [`Page: ${report.pageUrl}`, `Answer shown: ${report.pageTitle}`, '', 'What is wrong:', report.note?.trim() || '(not given)'];
  if (report.diagnosis?.length) lines.push('', 'The diagnosis shown:', ...report.diagnosis.map((line) => `- ${line}`));
  if (report.codes?.length) lines.push('', `Codes found: ${report.codes.join(', ')}`);
  const head = lines.join('\n').slice(0, REPORT_BODY_LIMIT);
  const bounce = report.redactedBounce?.trim();
  if (!bounce) return head;
  // The bounce is cut (at a line end when it can be), never the fence that closes it.
  const frame = `\n\n${BOUNCE_HEADING}\n\`\`\`\n\n\`\`\``;
  const withBounce = (kept: string): string => `${head}\n\n${BOUNCE_HEADING}\n\`\`\`\n${kept}\n\`\`\``;
  for (let room = REPORT_BODY_LIMIT - head.length - frame.length; room >= 200; room = Math.floor(room * 0.8)) {
    const body = withBounce(bounce.length > room ? cutBounce(bounce, room) : bounce);
    if (encodeURIComponent(body).length <= REPORT_ENCODED_LIMIT) return body;
  }
  return head;
}

/** The start of a bounce in at most `room` characters, ended at a line end when one is near, and marked as cut. */
function cutBounce(bounce: string, room: number): string {
  const cut = bounce.slice(0, room - CUT_MARK.length - 1);
  const lineEnd = cut.lastIndexOf('\n');
  return `${lineEnd > cut.length / 2 ? cut.slice(0, lineEnd) : cut}\n${CUT_MARK}`;
}

export function buildReportUrl(base: string, report: ReportContent): string {
  const title = `Wrong answer: ${report.pageTitle}`.slice(0, 120);
  return `${base}${base.includes('?') ? '&' : '?'}title=${encodeURIComponent(title)}&body=${encodeURIComponent(buildReportBody(report))}`;
}

// A report that includes the pasted bounce: the text goes through the share-link redaction (addresses,
// IPs, private host names removed; codes, tags and public hosts kept; the returned copy of the original
// message dropped) before it is put into the address. A report holds a few thousand characters, so a
// long bounce is shown from a little above the line with its main code, where the server's reply is.
import { redactBounce } from '../share/redact.ts';
import { buildReportUrl, REPORT_BODY_LIMIT, type ReportContent } from './report-url.ts';

/** Lines kept above the first line that holds the main code, when the bounce must be shortened. */
const CONTEXT_LINES = 8;

export type ReportBounceRequest = { text: string; publicHosts: readonly string[]; /** The main code ("5.7.1"), to start a long bounce near it. */ focus: string | null };

/** The bounce as a report carries it: redacted as share links are, and started near its main code when long. */
export function redactForReport({ text, publicHosts, focus }: ReportBounceRequest): string {
  const redacted = redactBounce(text, { publicHosts, dropOriginal: true }).text.trim();
  if (redacted.length <= REPORT_BODY_LIMIT / 2 || !focus) return redacted;
  const lines = redacted.split('\n');
  const at = lines.findIndex((line) => line.includes(focus));
  const start = Math.max(0, at - CONTEXT_LINES);
  if (start === 0) return redacted;
  return [`[… ${String(start)} lines above left out]`, ...lines.slice(start)].join('\n');
}

export function buildBounceReportUrl(base: string, report: Omit<ReportContent, 'redactedBounce'>, bounce: string, publicHosts: readonly string[]): string {
  return buildReportUrl(base, { ...report, redactedBounce: redactForReport({ text: bounce, publicHosts, focus: null }) });
}

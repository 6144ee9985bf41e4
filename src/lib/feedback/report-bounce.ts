// A report that includes the pasted bounce: the text goes through the share-link redaction (addresses,
// IPs, private host names removed; codes, tags and public hosts kept) before it is put into the address.
import { redactText } from '../share/redact.ts';
import { buildReportUrl, type ReportContent } from './report-url.ts';

export function buildBounceReportUrl(base: string, report: Omit<ReportContent, 'redactedBounce'>, bounce: string, publicHosts: readonly string[]): string {
  return buildReportUrl(base, { ...report, redactedBounce: redactText(bounce, { publicHosts }) });
}

// Redacts a pasted bounce for a "This answer is wrong" report off the page's thread: a large paste (every
// MIME part decoded, redacted and encoded again) would otherwise freeze the page for seconds.
import { redactForReport, type ReportBounceRequest } from '../lib/feedback/report-bounce.ts';

export type ReportRedactResponse = { text: string } | { error: string };

self.addEventListener('message', (event: MessageEvent<ReportBounceRequest>) => {
  try {
    self.postMessage({ text: redactForReport(event.data) } satisfies ReportRedactResponse);
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies ReportRedactResponse);
  }
});

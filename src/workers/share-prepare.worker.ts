// Prepares a share link off the page's thread: redacting a large paste (every MIME part decoded,
// redacted and encoded again) and compressing it would otherwise freeze the page for seconds.
import { prepareShare, type PreparedShare, type ShareRequest } from '../lib/share/prepare-share.ts';

export type SharePrepareRequest = ShareRequest & { id: number };
export type SharePrepareResponse = { id: number; prepared: PreparedShare } | { id: number; error: string };

self.addEventListener('message', (event: MessageEvent<SharePrepareRequest>) => {
  const { id, ...request } = event.data;
  try {
    self.postMessage({ id, prepared: prepareShare(request) } satisfies SharePrepareResponse);
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies SharePrepareResponse);
  }
});

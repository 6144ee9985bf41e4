// Reads every paste off the main thread, so no paste can freeze the page. The page sends the catalogue's
// matchable entries once, then one message per text to diagnose. A code-dense paste can hold a million
// findings: only the first MAX_FINDINGS_SENT cross back (the page marks far fewer), with the full count,
// so copying the answer to the page stays cheap too.
import { diagnoseBounce } from '../lib/bounce/diagnose.ts';
import type { Diagnosis, MatchableEntry } from '../lib/bounce/types.ts';

/** Findings sent back with a diagnosis; the page draws at most a few hundred of them. */
export const MAX_FINDINGS_SENT = 2000;

export type WorkerRequest = { type: 'catalogue'; entries: MatchableEntry[] } | { type: 'diagnose'; id: number; text: string };
export type WorkerResponse =
  | { type: 'result'; id: number; diagnosis: Diagnosis; codeCount: number }
  | { type: 'error'; id: number; message: string };

const scope = globalThis as unknown as {
  addEventListener: (type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void) => void;
  postMessage: (message: WorkerResponse) => void;
};

let catalogue: MatchableEntry[] = [];

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.type === 'catalogue') {
    catalogue = request.entries;
    return;
  }
  diagnoseBounce(request.text, catalogue).then(
    (diagnosis) =>
      scope.postMessage({
        type: 'result',
        id: request.id,
        diagnosis: diagnosis.codes.length > MAX_FINDINGS_SENT ? { ...diagnosis, codes: diagnosis.codes.slice(0, MAX_FINDINGS_SENT) } : diagnosis,
        codeCount: diagnosis.codes.length,
      }),
    (error: unknown) => scope.postMessage({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) }),
  );
});

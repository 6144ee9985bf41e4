// Diagnoses large pastes off the main thread, so the page never freezes while someone types.
// The page sends the catalogue's matchable entries once, then one message per text to diagnose.
import { diagnoseBounce } from '../lib/bounce/diagnose.ts';
import type { Diagnosis, MatchableEntry } from '../lib/bounce/types.ts';

export type WorkerRequest = { type: 'catalogue'; entries: MatchableEntry[] } | { type: 'diagnose'; id: number; text: string };
export type WorkerResponse = { type: 'result'; id: number; diagnosis: Diagnosis } | { type: 'error'; id: number; message: string };

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
    (diagnosis) => scope.postMessage({ type: 'result', id: request.id, diagnosis }),
    (error: unknown) => scope.postMessage({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) }),
  );
});

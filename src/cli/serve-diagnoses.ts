// The worker thread's side of a WorkerLane (worker-lane.ts): loads the engine, says it is ready, then
// diagnoses each message it is sent and answers with the result under the message's position.
import { parentPort, workerData } from 'node:worker_threads';
import { diagnoseMessage } from './diagnose-message.ts';
import { isWorkerSetup } from './worker-lane.ts';
import type { Job, Reply } from './worker-lane.ts';

/** The worker thread's side: diagnoses each message it is sent and answers with the result. */
export function serveDiagnoses(): void {
  const port = parentPort;
  if (!port || !isWorkerSetup(workerData)) return;
  const { mode } = workerData;
  port.on('message', (job: Job) => {
    void diagnoseMessage(job.message, mode).then((result) => {
      const reply: Reply = { id: job.id, result };
      port.postMessage(reply);
    });
  });
  const ready: Reply = { ready: true };
  port.postMessage(ready);
}

// The plain bundle's entry (dist-cli/bouncedoc.mjs, the package's `bouncedoc` bin): runs the command on
// the main thread, or, in a worker thread started by runMessages from this same file, serves diagnoses.
import { isMainThread, workerData } from 'node:worker_threads';
import { runMainThread } from './run-command.ts';

if (isMainThread) await runMainThread(process.argv.slice(2), new URL(import.meta.url));
else {
  const { isWorkerSetup } = await import('./worker-lane.ts');
  if (isWorkerSetup(workerData)) (await import('./serve-diagnoses.ts')).serveDiagnoses();
}

// Worker threads that diagnose messages beside the main thread when the input is large, so a mailbox
// uses more than one core. Each lane holds a few messages at a time (bounded by count and bytes), so
// memory stays bounded by the largest message; results are keyed by the message's position and the
// caller writes them in input order. A lane whose thread fails hands its messages back to be run on the
// main thread: a worker is a speed-up, never a way to lose a message.
import { Worker } from 'node:worker_threads';
import type { MessageResult, Mode } from './diagnose-message.ts';
import type { InputMessage } from './read-inputs.ts';

export const WORKER_ROLE = 'bouncedoc-diagnosis';

/** What a worker thread is started with. */
export type WorkerSetup = { role: typeof WORKER_ROLE; mode: Mode };

/** A message to diagnose, and the thread's answers: first that it is ready, then one per message. */
export type Job = { id: number; message: InputMessage };
export type Reply = { ready: true } | { id: number; result: MessageResult };

// Enough to keep a thread busy between the main thread's turns, few enough to keep memory small.
const MAX_JOBS = 8;
const MAX_JOB_BYTES = 16 << 20;

export function isWorkerSetup(data: unknown): data is WorkerSetup {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === WORKER_ROLE;
}

export class WorkerLane {
  private readonly worker: Worker;
  private ready = false;
  private failed = false;
  private readonly jobs = new Map<number, InputMessage>();
  private jobBytes = 0;
  private wake: (() => void) | null = null;

  constructor(
    entry: URL,
    mode: Mode,
    private readonly onResult: (id: number, result: MessageResult) => void,
  ) {
    const setup: WorkerSetup = { role: WORKER_ROLE, mode };
    this.worker = new Worker(entry, { workerData: setup, stdout: false, stderr: false });
    this.worker.on('message', (reply: Reply) => {
      if ('ready' in reply) this.ready = true;
      else {
        const message = this.jobs.get(reply.id);
        this.jobs.delete(reply.id);
        this.jobBytes -= message?.bytes?.length ?? 0;
        this.onResult(reply.id, reply.result);
      }
      this.notify();
    });
    this.worker.on('error', () => {
      this.failed = true;
      this.notify();
    });
    this.worker.on('exit', () => {
      this.failed = true;
      this.notify();
    });
  }

  /** Messages sent and not yet answered. */
  get pending(): number {
    return this.jobs.size;
  }

  get broken(): boolean {
    return this.failed;
  }

  /** Whether the lane takes a message of `size` bytes now (it is started and not full). */
  hasRoom(size: number): boolean {
    if (!this.ready || this.failed || this.jobs.size >= MAX_JOBS) return false;
    return this.jobs.size === 0 || this.jobBytes + size <= MAX_JOB_BYTES;
  }

  send(id: number, message: InputMessage): void {
    const bytes = message.bytes ?? new Uint8Array(0);
    // An exact copy, moved to the thread: the original may be a view into a larger shared buffer.
    const copy = new Uint8Array(bytes);
    this.jobs.set(id, message);
    this.jobBytes += bytes.length;
    const job: Job = { id, message: { ...message, bytes: copy } };
    this.worker.postMessage(job, [copy.buffer]);
  }

  /** Resolves at the lane's next answer or failure. */
  next(): Promise<void> {
    if (this.failed) return Promise.resolve();
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  /** After a failure: the messages the thread did not answer, to be diagnosed elsewhere. */
  takeBack(): [number, InputMessage][] {
    const left = [...this.jobs];
    this.jobs.clear();
    this.jobBytes = 0;
    return left;
  }

  async close(): Promise<void> {
    this.failed = true;
    await this.worker.terminate();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

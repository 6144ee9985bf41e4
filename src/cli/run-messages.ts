// The command line's main loop: reads the messages, diagnoses each on the main thread or, once the
// input proves large, also on worker threads, and writes the results strictly in input order. Memory
// stays bounded: each worker holds a few messages, and results waiting for an earlier one are capped.
// Output is written in large chunks (and waits when the pipe is full), never a system call per line.
import { availableParallelism, loadavg } from 'node:os';
import { diagnoseMessage } from './diagnose-message.ts';
import type { MessageResult, Mode } from './diagnose-message.ts';
import { csvHeader, Summary } from './format-output.ts';
import { readInputs } from './read-inputs.ts';
import { WorkerLane } from './worker-lane.ts';

export type RunOptions = {
  mode: Mode;
  summary: boolean;
  maxMessageBytes: number;
  targets: string[];
  /** Threads to diagnose on, the main thread included; null to decide from the input and the machine. */
  jobs: number | null;
  /** The compiled command line itself, which a worker thread starts from. */
  entry: URL;
};

// A worker thread costs about half a second of processor time before it runs at full speed (loading the
// engine, compiling its hot paths): worth it for a mailbox, not for a handful of files. So by default
// workers start only once the input has kept the main thread busy for a second, and only as many as
// the machine has idle cores (on a busy machine a second thread slows everything down). An explicit
// --jobs N starts N - 1 workers once past the first messages, whatever the machine.
// By default at most two threads in all: each holds its own engine (about 55 MB more at its peak on a
// 100,000-message mbox), and a mailbox should stay well under 300 MB.
const START_AFTER_MESSAGES = 32;
const START_AFTER_MS = 1000;
const DEFAULT_MAX_JOBS = 2;
// Results held while an earlier message is still being diagnosed elsewhere.
const MAX_WAITING_RESULTS = 256;

/**
 * Buffers output lines and waits when the pipe is full, so a large mailbox does not pile up in memory.
 * The first line goes out at once (a reader of a long run sees it start), the rest in 64 KB writes.
 */
class Output {
  private pending: string[] = [];
  private size = 0;
  private started = false;

  async line(text: string): Promise<void> {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= 1 << 16 || !this.started) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = `${this.pending.join('\n')}\n`;
    this.started = true;
    this.pending = [];
    this.size = 0;
    if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

class Progress {
  private readonly enabled = process.stderr.isTTY;
  // Date.now, not performance.now: the performance global costs milliseconds to load at start-up
  private readonly started = Date.now();
  private last = 0;
  count = 0;

  tick(): void {
    this.count += 1;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 250) return;
    this.last = now;
    const rate = (this.count * 1000) / Math.max(1, now - this.started);
    process.stderr.write(`\r${String(this.count)} messages (${rate.toFixed(0)}/s)`);
  }

  done(): void {
    if (this.enabled && this.last > 0) process.stderr.write('\r\x1b[K');
  }
}

/** How many worker threads to start now (after `count` messages, `elapsedMs` into the run); null: not yet. */
function workersToStart(jobs: number | null, count: number, elapsedMs: number): number | null {
  if (count < START_AFTER_MESSAGES) return null;
  if (jobs !== null) return jobs - 1;
  if (elapsedMs < START_AFTER_MS) return null;
  const cores = availableParallelism();
  const [recentLoad = 0] = loadavg();
  const idle = Math.round(cores - recentLoad);
  return Math.max(0, Math.min(DEFAULT_MAX_JOBS, cores, idle) - 1);
}

export async function runMessages(options: RunOptions): Promise<number> {
  const output = new Output();
  const summary = new Summary();
  const progress = new Progress();
  const finished = new Map<number, MessageResult>();
  const lanes: WorkerLane[] = [];
  const started = Date.now();
  let workersPlanned = false;
  let status = 0;
  let nextToWrite = 0;
  let count = 0;

  const write = async (result: MessageResult): Promise<void> => {
    progress.tick();
    for (const note of result.notes) process.stderr.write(`${note}\n`);
    if (result.summary === null) {
      status = 1;
      summary.addUnreadable();
    } else if (options.summary) summary.add(result.summary);
    for (const line of result.lines) await output.line(line);
  };
  const writeReady = async (): Promise<void> => {
    for (let result = finished.get(nextToWrite); result !== undefined; result = finished.get(nextToWrite)) {
      finished.delete(nextToWrite);
      nextToWrite += 1;
      await write(result);
    }
  };
  // Waits for any lane's next answer; a failed lane's messages are diagnosed here instead.
  const waitForLanes = async (): Promise<void> => {
    const busy = lanes.filter((lane) => lane.pending > 0 && !lane.broken);
    if (busy.length > 0) await Promise.race(busy.map((lane) => lane.next()));
    for (const lane of lanes.filter((l) => l.broken)) {
      for (const [id, message] of lane.takeBack()) finished.set(id, await diagnoseMessage(message, options.mode));
    }
  };
  const lanesPending = (): number => lanes.reduce((sum, lane) => sum + lane.pending, 0);

  if (options.mode === 'csv') await output.line(csvHeader());
  try {
    for await (const message of readInputs(options.targets, { maxMessageBytes: options.maxMessageBytes })) {
      const id = count;
      count += 1;
      const workers = workersPlanned ? null : workersToStart(options.jobs, id, Date.now() - started);
      if (workers !== null) {
        workersPlanned = true;
        for (let i = 0; i < workers; i += 1) lanes.push(new WorkerLane(options.entry, options.mode, (done, result) => finished.set(done, result)));
      }
      // the engine's awaits settle as microtasks: without a turn of the event loop no worker's answer is read
      if (lanes.length > 0) await new Promise((resolve) => setImmediate(resolve));
      const size = message.bytes?.length ?? 0;
      const lane = message.bytes ? lanes.find((l) => l.hasRoom(size)) : undefined;
      if (lane) lane.send(id, message);
      else {
        while (id - nextToWrite > MAX_WAITING_RESULTS && lanesPending() > 0) {
          await waitForLanes();
          await writeReady();
        }
        finished.set(id, await diagnoseMessage(message, options.mode));
      }
      await writeReady();
    }
    while (lanesPending() > 0) {
      await waitForLanes();
      await writeReady();
    }
    await writeReady();
  } finally {
    await Promise.all(lanes.map((lane) => lane.close()));
  }
  progress.done();
  if (options.summary) await output.line(options.mode === 'json' ? summary.toJson() : summary.toText());
  await output.flush();
  return status;
}

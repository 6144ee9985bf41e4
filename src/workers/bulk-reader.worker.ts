// Reads many bounces for the bulk report off the main thread: files one at a time, an mbox split as it
// streams, a zip opened entry by entry, each message diagnosed and summarized, results posted in
// progress in batches and the report, built here, at the end, so the page only renders. The catalogue's diagnosis data is fetched once when the worker starts, before any file is
// given, so reading makes no request. A cancel message stops it between two messages.
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { loadDiagnosisData } from '../catalogue.ts';
import { decodeBytes } from '../lib/bounce/decode-bytes.ts';
import { diagnoseBounce } from '../lib/bounce/diagnose.ts';
import type { MatchableEntry } from '../lib/bounce/types.ts';
import { buildReport, type BulkReport, type FailedRecipient } from '../lib/bulk/build-report.ts';
import { chooseTreatment, isSystemFile, MESSAGE_SIZE_LIMIT } from '../lib/bulk/read-plan.ts';
import { summarizeMessage, type BulkMessage, type SkippedItem } from '../lib/bulk/summarize-message.ts';
import { MboxSplitter, splitMbox, type MboxMessage } from '../lib/mailbox/split-mbox.ts';

export type BulkInput = { file: File; path: string };
export type BulkProgress = { messages: number; bounces: number; bytesDone: number; bytesTotal: number; filesDone: number; filesTotal: number };
export type BulkRequest = { type: 'read'; inputs: BulkInput[] } | { type: 'cancel' };
export type BulkResponse =
  | { type: 'ready' }
  | { type: 'load-error'; message: string }
  | { type: 'progress'; progress: BulkProgress }
  | { type: 'recipients'; rows: FailedRecipient[] }
  | { type: 'done'; cancelled: boolean; progress: BulkProgress; report: BulkReport };

const scope = globalThis as unknown as {
  addEventListener: (type: 'message', listener: (event: MessageEvent<BulkRequest>) => void) => void;
  postMessage: (message: BulkResponse) => void;
};

/** Progress is posted at least this often (ms) while reading, and the worker yields to take a cancel. */
const BATCH_INTERVAL = 100;
/** The report's failed recipients go to the page in slices this size, so no single message takes long to receive. */
const RECIPIENT_SLICE = 1000;

const catalogue: Promise<MatchableEntry[]> = loadDiagnosisData().then((data) => data.match);
catalogue.then(
  () => scope.postMessage({ type: 'ready' }),
  (error: unknown) => scope.postMessage({ type: 'load-error', message: error instanceof Error ? error.message : String(error) }),
);

let cancelled = false;
let running = false;

class Run {
  readonly messages: BulkMessage[] = [];
  readonly skipped: SkippedItem[] = [];
  private lastPost = performance.now();
  readonly progress: BulkProgress;

  constructor(
    private readonly match: MatchableEntry[],
    inputs: readonly BulkInput[],
  ) {
    this.progress = { messages: 0, bounces: 0, bytesDone: 0, bytesTotal: inputs.reduce((sum, input) => sum + input.file.size, 0), filesDone: 0, filesTotal: inputs.length };
  }

  skip(source: string, problem: string): void {
    this.skipped.push({ source, problem });
  }

  async read(source: string, bytes: Uint8Array): Promise<void> {
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) this.skip(source, decoded.error);
    else if (decoded.text.trim() === '') this.skip(source, 'empty: no text to read');
    else {
      try {
        const diagnosis = await diagnoseBounce(decoded.text, this.match);
        const summary = summarizeMessage(source, decoded.text, diagnosis);
        this.messages.push(summary);
        this.progress.messages += 1;
        if (summary.category === 'bounce') this.progress.bounces += 1;
      } catch (error) {
        this.skip(source, `could not be read: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await this.maybePost();
  }

  async maybePost(): Promise<void> {
    if (performance.now() - this.lastPost < BATCH_INTERVAL) return;
    this.post();
    // A macrotask turn, so a waiting cancel message is handled.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  post(): void {
    scope.postMessage({ type: 'progress', progress: { ...this.progress } });
    this.lastPost = performance.now();
  }
}

async function readStream(file: Blob, onChunk: (chunk: Uint8Array, readSoFar: number) => Promise<boolean>): Promise<void> {
  const reader = file.stream().getReader();
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    read += value.length;
    if (!(await onChunk(value, read))) {
      await reader.cancel();
      return;
    }
  }
}

// Messages are named "box.mbox #3"; a file holding a single message (an .eml saved with its "From "
// envelope line) keeps its plain name, so the first message waits until a second one shows up.
async function readMbox(run: Run, path: string, file: Blob, start: number): Promise<void> {
  const splitter = new MboxSplitter();
  let first: MboxMessage | null = null;
  let count = 0;
  const take = async (messages: MboxMessage[]): Promise<void> => {
    for (const message of messages) {
      if (cancelled) return;
      run.progress.bytesDone = start + message.offset;
      count += 1;
      if (count === 1) {
        first = message;
        continue;
      }
      if (first) {
        await run.read(`${path} #1`, first.bytes);
        first = null;
      }
      await run.read(`${path} #${String(message.index + 1)}`, message.bytes);
    }
  };
  await readStream(file, async (chunk, read) => {
    await take(splitter.push(chunk));
    run.progress.bytesDone = start + read;
    return !cancelled;
  });
  if (!cancelled) await take(splitter.end());
  const single = first as MboxMessage | null;
  if (single && !cancelled) await run.read(path, single.bytes);
  if (count === 0 && !cancelled) run.skip(path, 'an mbox mailbox with no messages');
}

async function readEntry(run: Run, path: string, bytes: Uint8Array): Promise<void> {
  if (bytes.length === 0) run.skip(path, 'empty file');
  else if (chooseTreatment(path, bytes.subarray(0, 16)) === 'zip') run.skip(path, 'a zip inside a zip: unpack it first');
  else if (chooseTreatment(path, bytes.subarray(0, 16)) === 'mbox') {
    const messages = splitMbox(bytes);
    for (const message of messages) {
      if (cancelled) return;
      await run.read(messages.length === 1 ? path : `${path} #${String(message.index + 1)}`, message.bytes);
    }
  } else if (bytes.length > MESSAGE_SIZE_LIMIT) run.skip(path, 'too large to be one email');
  else await run.read(path, bytes);
}

async function readZip(run: Run, path: string, file: Blob, start: number): Promise<void> {
  const ready: { name: string; bytes: Uint8Array }[] = [];
  const unzip = new Unzip((entry: UnzipFile) => {
    const name = `${path}/${entry.name}`;
    if (entry.name.endsWith('/') || isSystemFile(entry.name)) return;
    if ((entry.originalSize ?? 0) > MESSAGE_SIZE_LIMIT * 4) {
      run.skip(name, 'too large to read from the archive');
      return;
    }
    const parts: Uint8Array[] = [];
    entry.ondata = (error, data, final) => {
      if (error) {
        run.skip(name, `could not be unpacked: ${error.message}`);
        return;
      }
      parts.push(data);
      if (final) ready.push({ name, bytes: joinParts(parts) });
    };
    try {
      entry.start();
    } catch (error) {
      run.skip(name, `could not be unpacked: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  unzip.register(UnzipInflate);
  const drain = async (): Promise<void> => {
    while (ready.length > 0 && !cancelled) {
      const next = ready.shift();
      if (next) await readEntry(run, next.name, next.bytes);
    }
  };
  try {
    await readStream(file, async (chunk, read) => {
      unzip.push(chunk);
      await drain();
      run.progress.bytesDone = start + read;
      return !cancelled;
    });
    if (!cancelled) {
      unzip.push(new Uint8Array(0), true);
      await drain();
    }
  } catch (error) {
    run.skip(path, `not a readable zip archive: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function joinParts(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

async function readInputs(inputs: readonly BulkInput[]): Promise<void> {
  const run = new Run(await catalogue, inputs);
  let start = 0;
  for (const { file, path } of inputs) {
    if (cancelled) break;
    try {
      if (file.size === 0) run.skip(path, 'empty file');
      else {
        const treatment = chooseTreatment(path, new Uint8Array(await file.slice(0, 1024).arrayBuffer()));
        if (treatment === 'zip') await readZip(run, path, file, start);
        else if (treatment === 'mbox') await readMbox(run, path, file, start);
        else if (file.size > MESSAGE_SIZE_LIMIT) run.skip(path, 'too large to be one email');
        else await run.read(path, new Uint8Array(await file.arrayBuffer()));
      }
    } catch (error) {
      run.skip(path, `could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    start += file.size;
    run.progress.bytesDone = start;
    run.progress.filesDone += 1;
  }
  const report = buildReport(run.messages, run.skipped);
  for (let start = 0; start < report.recipients.length; start += RECIPIENT_SLICE) {
    scope.postMessage({ type: 'recipients', rows: report.recipients.slice(start, start + RECIPIENT_SLICE) });
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  scope.postMessage({ type: 'done', cancelled, progress: { ...run.progress }, report: { ...report, recipients: [] } });
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.type === 'cancel') {
    cancelled = running;
    return;
  }
  if (running) return;
  running = true;
  cancelled = false;
  void readInputs(request.inputs.filter((input) => !isSystemFile(input.path))).finally(() => {
    running = false;
    cancelled = false;
  });
});

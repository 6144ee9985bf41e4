// Turns command-line arguments into a stream of messages: files, directories (recursively), Maildir
// folders (cur/ and new/), mbox mailboxes (RFC 4155, split as the bytes arrive) and standard input.
// Memory stays bounded by the largest message: mailboxes are read in chunks, never whole, and a message
// larger than the limit is refused (reported, not read) instead of being held.
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { looksLikeMbox, MboxSplitter } from '../lib/mailbox/split-mbox.ts';
import type { MboxMessage } from '../lib/mailbox/split-mbox.ts';

export type InputMessage = {
  file: string;
  /** Position and byte offset of the message in a mailbox with more than one message. */
  index?: number;
  offset?: number;
  bytes?: Uint8Array;
  /** Why the message could not be read (then `bytes` is absent). */
  error?: string;
  /** True when the message was refused by a limit rather than failing to read. */
  refused?: boolean;
};

export type ReadOptions = { maxMessageBytes: number };

const CHUNK = 1 << 20;

function describeSize(bytes: number): string {
  return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${String(bytes)} bytes`;
}

function tooLarge(file: string, size: number, options: ReadOptions, where: Partial<InputMessage> = {}): InputMessage {
  return { file, ...where, refused: true, error: `message is ${describeSize(size)}, over the ${describeSize(options.maxMessageBytes)} limit (--max-message-size); not read` };
}

function errorText(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Collects the messages of a mailbox as its chunks arrive. A mailbox holding one message is returned as
 * that whole input (its "From " line included), exactly as a single email file is read.
 */
class MailboxReader {
  private readonly splitter = new MboxSplitter();
  private single: Uint8Array[] | null = [];
  private held: MboxMessage | null = null;
  private seen = 0;

  constructor(
    private readonly file: string,
    private readonly options: ReadOptions,
  ) {}

  push(chunk: Uint8Array): InputMessage[] {
    // a copy: the caller reuses its read buffer
    this.single?.push(chunk.slice());
    return this.take(this.splitter.push(chunk));
  }

  end(): InputMessage[] {
    const last = this.take(this.splitter.end());
    if (this.seen === 1 && this.single !== null && this.held !== null) {
      const whole = Buffer.concat(this.single);
      this.held = null;
      return [whole.length > this.options.maxMessageBytes ? tooLarge(this.file, whole.length, this.options) : { file: this.file, bytes: whole }];
    }
    const out = this.held ? [...last, this.toInput(this.held)] : last;
    this.held = null;
    return out;
  }

  // The first message is held until a second one shows the input is a real mailbox.
  private take(messages: MboxMessage[]): InputMessage[] {
    const out: InputMessage[] = [];
    for (const message of messages) {
      this.seen += 1;
      if (this.seen === 1) {
        this.held = message;
        continue;
      }
      if (this.held) {
        out.push(this.toInput(this.held));
        this.held = null;
        this.single = null;
      }
      out.push(this.toInput(message));
    }
    return out;
  }

  private toInput(message: MboxMessage): InputMessage {
    const where = { index: message.index, offset: message.offset };
    if (message.bytes.length > this.options.maxMessageBytes) return tooLarge(this.file, message.bytes.length, this.options, where);
    return { file: this.file, ...where, bytes: message.bytes };
  }
}

function* readMailboxFile(file: string, fd: number, options: ReadOptions): Generator<InputMessage> {
  const reader = new MailboxReader(file, options);
  const buffer = new Uint8Array(CHUNK);
  for (;;) {
    const read = readSync(fd, buffer, 0, CHUNK, null);
    if (read === 0) break;
    yield* reader.push(buffer.subarray(0, read));
  }
  yield* reader.end();
}

// A file this small is read whole in one go (and split as a mailbox if it is one); a larger one is
// looked at first and read in chunks if it is a mailbox.
const READ_WHOLE = CHUNK;

// Reads to the end of the file: `size` bytes as it stood, and the rest if it grew meanwhile.
function readToEnd(fd: number, size: number): Uint8Array {
  const bytes = new Uint8Array(size + 1);
  let length = 0;
  for (;;) {
    const read = readSync(fd, bytes, length, bytes.length - length, null);
    if (read === 0) return bytes.subarray(0, length);
    length += read;
    if (length === bytes.length) return Buffer.concat([bytes, readFileSync(fd)]);
  }
}

function* readSmallFile(file: string, fd: number, size: number, options: ReadOptions): Generator<InputMessage> {
  const bytes = readToEnd(fd, size);
  if (looksLikeMbox(bytes.subarray(0, 4096))) {
    const reader = new MailboxReader(file, options);
    yield* reader.push(bytes);
    yield* reader.end();
    return;
  }
  yield bytes.length > options.maxMessageBytes ? tooLarge(file, bytes.length, options) : { file, bytes };
}

function* readFile(file: string, options: ReadOptions, knownSize?: number): Generator<InputMessage> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    yield { file, error: errorText(error) };
    return;
  }
  try {
    const size = knownSize ?? fstatSync(fd).size;
    if (size <= READ_WHOLE) {
      yield* readSmallFile(file, fd, size, options);
      return;
    }
    const head = new Uint8Array(4096);
    const headLength = readSync(fd, head, 0, head.length, 0);
    if (looksLikeMbox(head.subarray(0, headLength))) {
      yield* readMailboxFile(file, fd, options);
      return;
    }
    if (size > options.maxMessageBytes) {
      yield tooLarge(file, size, options);
      return;
    }
    yield { file, bytes: readFileSync(fd) };
  } catch (error) {
    yield { file, error: errorText(error) };
  } finally {
    closeSync(fd);
  }
}

function visible(name: string): boolean {
  return !name.startsWith('.');
}

function isMaildir(dir: string, names: readonly string[]): boolean {
  return ['cur', 'new'].some((sub) => names.includes(sub) && statSync(path.join(dir, sub)).isDirectory());
}

function* readDirectory(dir: string, options: ReadOptions): Generator<InputMessage> {
  const names = readdirSync(dir).filter(visible).sort();
  if (isMaildir(dir, names)) {
    // Maildir: delivered messages in new/ and cur/; tmp/ holds messages still being written
    for (const sub of ['cur', 'new']) {
      const folder = path.join(dir, sub);
      if (!names.includes(sub)) continue;
      for (const name of readdirSync(folder).filter(visible).sort()) yield* readFile(path.join(folder, name), options);
    }
    return;
  }
  for (const name of names) yield* readPath(path.join(dir, name), options);
}

function* readPath(target: string, options: ReadOptions): Generator<InputMessage> {
  let stat: Stats;
  try {
    stat = statSync(target);
  } catch (error) {
    yield { file: target, error: errorText(error) };
    return;
  }
  if (stat.isDirectory()) yield* readDirectory(target, options);
  // the size of a regular file is known here; a pipe or device tells its own when opened
  else yield* readFile(target, options, stat.isFile() ? stat.size : undefined);
}

async function* readStandardInput(options: ReadOptions): AsyncGenerator<InputMessage> {
  const file = '-';
  let head: Uint8Array[] = [];
  let headLength = 0;
  let reader: MailboxReader | null = null;
  let plain = false;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    if (reader) {
      yield* reader.push(chunk);
      continue;
    }
    head.push(chunk);
    headLength += chunk.length;
    if (plain) {
      if (headLength > options.maxMessageBytes) {
        yield tooLarge(file, headLength, options);
        process.stdin.destroy();
        return;
      }
      continue;
    }
    if (headLength < 64) continue;
    const start = Buffer.concat(head);
    if (looksLikeMbox(start)) {
      reader = new MailboxReader(file, options);
      head = [];
      yield* reader.push(start);
    } else {
      plain = true;
    }
  }
  if (reader) {
    yield* reader.end();
    return;
  }
  const bytes = Buffer.concat(head);
  if (!plain && looksLikeMbox(bytes)) {
    const short = new MailboxReader(file, options);
    yield* short.push(bytes);
    yield* short.end();
    return;
  }
  yield bytes.length > options.maxMessageBytes ? tooLarge(file, bytes.length, options) : { file, bytes };
}

/** Every message named by the arguments, in order; "-" is standard input. */
export async function* readInputs(targets: readonly string[], options: ReadOptions): AsyncGenerator<InputMessage> {
  for (const target of targets) {
    if (target === '-') yield* readStandardInput(options);
    else yield* readPath(target, options);
  }
}

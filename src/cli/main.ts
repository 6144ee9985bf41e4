// The bouncedoc command line: reads files, directories, mbox mailboxes, Maildir folders and standard
// input message by message, diagnoses each with the same engine the site runs, and prints one result per
// message (or per failed recipient). Exit status: 0 every message read, 1 some unreadable or refused, 2 usage.
import { decodeBytes } from '../lib/bounce/decode-bytes.ts';
import { diagnoseBounce } from '../lib/bounce/diagnose.ts';
import { bundledCatalogue as catalogue } from './bundled-catalogue.ts';
import { csvHeader, Summary, toCsvLines, toHumanError, toHumanNotice, toHumanText, toJsonError, toJsonLine, toRecipientLines } from './format-output.ts';
import type { Source } from './format-output.ts';
import { readInputs } from './read-inputs.ts';

type Mode = 'text' | 'json' | 'recipients' | 'csv';
type Options = { mode: Mode; summary: boolean; maxMessageBytes: number; targets: string[] };

const USAGE = `usage: bouncedoc [--json | --recipients | --csv] [--summary] [--max-message-size SIZE] PATH...

  PATH        an email file, a directory (read recursively), an mbox mailbox, a Maildir folder,
              or - for standard input (the default when input is piped)
  --json      one JSON object per message
  --recipients  one tab-separated line per failed recipient
  --csv       the same as CSV, with a header line
  --summary   counts by reason, by permanence and by recipient domain at the end
  --max-message-size SIZE  refuse messages larger than SIZE (bytes, or with K or M; default 64M)

exit status: 0 every message read, 1 some message unreadable or refused, 2 usage error`;

class UsageError extends Error {}

// "64M", "512K", "1000000"
function parseSize(text: string | undefined): number {
  const match = /^(\d+)([kKmM]?)$/.exec(text ?? '');
  if (!match) throw new UsageError(`--max-message-size needs a size such as 64M, not "${text ?? ''}"`);
  const unit = match[2]?.toLowerCase();
  return Number(match[1]) * (unit === 'm' ? 1 << 20 : unit === 'k' ? 1 << 10 : 1);
}

function parseArguments(args: readonly string[]): Options {
  const options: Options = { mode: 'text', summary: false, maxMessageBytes: 64 << 20, targets: [] };
  const modes: Record<string, Mode> = { '--json': 'json', '--recipients': 'recipients', '--csv': 'csv' };
  let onlyPaths = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) options.targets.push(arg);
    else if (arg === '--') onlyPaths = true;
    else if (arg in modes) {
      const mode = modes[arg] as Mode;
      if (options.mode !== 'text' && options.mode !== mode) throw new UsageError('choose one of --json, --recipients and --csv');
      options.mode = mode;
    } else if (arg === '--summary') options.summary = true;
    else if (arg === '--max-message-size') options.maxMessageBytes = parseSize(args[++i]);
    else if (arg.startsWith('--max-message-size=')) options.maxMessageBytes = parseSize(arg.slice('--max-message-size='.length));
    else throw new UsageError(`unknown option ${arg}`);
  }
  if (options.targets.length === 0) {
    if (process.stdin.isTTY) throw new UsageError('no input named');
    options.targets.push('-');
  }
  return options;
}

/** Buffers output lines and waits when the pipe is full, so a large mailbox does not pile up in memory. */
class Output {
  private pending: string[] = [];
  private size = 0;

  async line(text: string): Promise<void> {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= 1 << 16) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = `${this.pending.join('\n')}\n`;
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

async function run(options: Options): Promise<number> {
  const output = new Output();
  const summary = new Summary();
  const progress = new Progress();
  let status = 0;
  if (options.mode === 'csv') await output.line(csvHeader());
  for await (const message of readInputs(options.targets, { maxMessageBytes: options.maxMessageBytes })) {
    progress.tick();
    const source: Source = message.index === undefined ? { file: message.file } : { file: message.file, index: message.index, offset: message.offset ?? 0 };
    let error = message.error;
    if (message.bytes) {
      try {
        const decoded = decodeBytes(message.bytes);
        if (!decoded.ok) throw new Error(decoded.error);
        const diagnosis = await diagnoseBounce(decoded.text, catalogue);
        if (options.summary) summary.add(diagnosis);
        if (options.mode === 'recipients' || options.mode === 'csv') for (const notice of diagnosis.notices ?? []) process.stderr.write(`${toHumanNotice(source, notice.message)}\n`);
        if (options.mode === 'json') await output.line(toJsonLine(source, diagnosis));
        else if (options.mode === 'recipients') for (const line of toRecipientLines(source, diagnosis)) await output.line(line);
        else if (options.mode === 'csv') for (const line of toCsvLines(source, diagnosis)) await output.line(line);
        else await output.line(toHumanText(source, diagnosis));
        continue;
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
      }
    }
    status = 1;
    summary.addUnreadable();
    const text = error ?? 'unreadable';
    if (options.mode === 'json') await output.line(toJsonError(source, text));
    else if (options.mode === 'text') await output.line(toHumanError(source, text));
    else process.stderr.write(`${toHumanError(source, text)}\n`);
  }
  progress.done();
  if (options.summary) await output.line(options.mode === 'json' ? summary.toJson() : summary.toText());
  await output.flush();
  return status;
}

export async function main(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let options: Options;
  try {
    options = parseArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`bouncedoc: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  return run(options);
}

// Output piped into a program that stops reading early (`bouncedoc --json box.mbox | head`): stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2));

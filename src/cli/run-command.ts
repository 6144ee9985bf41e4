// The bouncedoc command line: reads files, directories, mbox mailboxes, Maildir folders and standard
// input message by message, diagnoses each with the same engine the site runs, and prints one result per
// message (or per failed recipient). Exit status: 0 every message read, 1 some unreadable or refused, 2 usage.
// Shared by both ways it starts: the plain bundle (main.ts) and the start-up snapshot (snapshot.ts).
import type { Mode } from './diagnose-message.ts';
import type { RunOptions } from './run-messages.ts';

type Options = Omit<RunOptions, 'entry'>;

const USAGE = `usage: bouncedoc [--json | --recipients | --csv] [--summary] [--max-message-size SIZE] [--jobs N] PATH...

  PATH        an email file, a directory (read recursively), an mbox mailbox, a Maildir folder,
              or - for standard input (the default when input is piped)
  --json      one JSON object per message
  --recipients  one tab-separated line per failed recipient
  --csv       the same as CSV, with a header line
  --summary   counts by reason, by permanence and by recipient domain at the end
  --max-message-size SIZE  refuse messages larger than SIZE (bytes, or with K or M; default 64M)
  --jobs N    diagnose on N threads once past the first 32 messages (default: one, and
              a second thread for an input that runs over a second when a CPU core is idle)

exit status: 0 every message read, 1 some message unreadable or refused, 2 usage error`;

class UsageError extends Error {}

// "64M", "512K", "1000000"
function parseSize(text: string | undefined): number {
  const match = /^(\d+)([kKmM]?)$/.exec(text ?? '');
  if (!match) throw new UsageError(`--max-message-size needs a size such as 64M, not "${text ?? ''}"`);
  const unit = match[2]?.toLowerCase();
  return Number(match[1]) * (unit === 'm' ? 1 << 20 : unit === 'k' ? 1 << 10 : 1);
}

// "2"
function parseJobs(text: string | undefined): number {
  const jobs = Number(text);
  if (!/^\d+$/.test(text ?? '') || jobs < 1 || jobs > 64) throw new UsageError(`--jobs needs a number of threads from 1 to 64, not "${text ?? ''}"`);
  return jobs;
}

function parseArguments(args: readonly string[]): Options {
  const options: Options = { mode: 'text', summary: false, maxMessageBytes: 64 << 20, targets: [], jobs: null };
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
    else if (arg === '--jobs') options.jobs = parseJobs(args[++i]);
    else if (arg.startsWith('--jobs=')) options.jobs = parseJobs(arg.slice('--jobs='.length));
    else throw new UsageError(`unknown option ${arg}`);
  }
  if (options.targets.length === 0) {
    if (process.stdin.isTTY) throw new UsageError('no input named');
    options.targets.push('-');
  }
  return options;
}

/** Runs the command on `args`; `entry` is the plain bundle, which worker threads start from. */
export async function runCommand(args: readonly string[], entry: URL): Promise<number> {
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
  // loaded only now: --help and usage errors do not pay for loading the engine
  const { runMessages } = await import('./run-messages.ts');
  return runMessages({ ...options, entry });
}

/** Runs the command as the process's main thread: its exit status, and a quiet stop on a closed pipe. */
export async function runMainThread(args: readonly string[], entry: URL): Promise<void> {
  // Output piped into a program that stops reading early (`bouncedoc --json box.mbox | head`): stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  process.exitCode = await runCommand(args, entry);
}

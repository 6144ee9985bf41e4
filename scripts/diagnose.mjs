// `npm run diagnose -- ARGS` (through scripts/diagnose.sh): runs the compiled command line
// (dist-cli/bouncedoc.mjs) in this same process, building it first when it is missing or older than any
// file it was built from (the list scripts/build-cli.mjs writes beside it from the bundler's own record of
// its inputs), so a fresh checkout and an edited engine both work with no separate step. The check is one
// stat per input (about a hundred files, no directory walk): a millisecond or two against npm's own start.
// When this process started from the command's start-up snapshot (dist-cli/snapshot/, made by the same
// build) and that snapshot is current, the command already loaded in it runs instead of the bundle.
// Plain JavaScript: no loader.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, 'dist-cli', 'bouncedoc.mjs');
const inputsList = path.join(root, 'dist-cli', 'inputs.json');

function changedSince(file, builtMs) {
  const stat = statSync(path.join(root, file), { throwIfNoEntry: false });
  return stat === undefined || stat.mtimeMs > builtMs;
}

function isStale() {
  const built = statSync(output, { throwIfNoEntry: false });
  if (built === undefined) return true;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(inputsList, 'utf8'));
  } catch {
    return true;
  }
  return !Array.isArray(inputs) || inputs.some((file) => changedSince(file, built.mtimeMs));
}

// The command the start-up snapshot left on globalThis (src/cli/snapshot.ts), when this process started
// from a snapshot made after the current bundle (so from the same sources); otherwise undefined.
function snapshotCommand() {
  const command = globalThis.bouncedocSnapshot;
  const at = process.execArgv.indexOf('--snapshot-blob');
  if (command === undefined || at < 0) return undefined;
  const blob = statSync(path.resolve(process.execArgv[at + 1] ?? ''), { throwIfNoEntry: false });
  const built = statSync(output, { throwIfNoEntry: false });
  return blob !== undefined && built !== undefined && blob.mtimeMs >= built.mtimeMs ? command : undefined;
}

if (isStale()) {
  process.argv.push('--no-types');
  await import('./build-cli.mjs');
  process.argv.pop();
  await import(output);
} else {
  const command = snapshotCommand();
  if (command === undefined) await import(output);
  else await command.runMainThread(process.argv.slice(2), pathToFileURL(output));
}

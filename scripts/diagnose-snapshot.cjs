// The main script of `npm run diagnose` when it starts from the command line's start-up snapshot
// (scripts/diagnose.sh): runs the command the snapshot holds (src/cli/snapshot.ts) when the bundle is
// current and the snapshot was made after it, so from the same sources; otherwise the plain way
// (diagnose.mjs, which rebuilds what is stale). CommonJS: no ES module machinery to start.
const { statSync } = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { isStale, output } = require('./cli-build-state.cjs');

function isCurrent(command) {
  const at = process.execArgv.indexOf('--snapshot-blob');
  if (command === undefined || at < 0 || isStale()) return false;
  const blob = statSync(path.resolve(process.execArgv[at + 1] ?? ''), { throwIfNoEntry: false });
  const built = statSync(output, { throwIfNoEntry: false });
  return blob !== undefined && built !== undefined && blob.mtimeMs >= built.mtimeMs;
}

const command = globalThis.bouncedocSnapshot;
if (isCurrent(command)) void command.runMainThread(process.argv.slice(2), pathToFileURL(output));
else void import('./diagnose.mjs');

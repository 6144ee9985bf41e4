// `npm run diagnose -- ARGS` (through scripts/diagnose.sh): runs the compiled command line
// (dist-cli/bouncedoc.mjs) in this same process, building it first when it is missing or older than any
// file it was built from (cli-build-state.cjs), so a fresh checkout and an edited engine both work with no
// separate step. Plain JavaScript: no loader.
import buildState from './cli-build-state.cjs';

if (buildState.isStale()) {
  process.argv.push('--no-types');
  await import('./build-cli.mjs');
  process.argv.pop();
}
await import(buildState.output);

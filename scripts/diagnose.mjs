// `npm run diagnose -- ARGS`: runs the compiled command line (dist-cli/bouncedoc.mjs) in this same
// process, building it first when it is missing or older than any file it was built from (the list
// scripts/build-cli.mjs writes beside it from the bundler's own record of its inputs), so a fresh
// checkout and an edited engine both work with no separate step. The check is one stat per input
// (about a hundred files, no directory walk): a millisecond or two against npm's own start. Plain JavaScript: no loader.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

if (isStale()) {
  process.argv.push('--no-types');
  await import('./build-cli.mjs');
  process.argv.pop();
}
await import(output);

// Whether the compiled command line (dist-cli/bouncedoc.mjs) is current: built, and newer than every file
// it was built from (the list scripts/build-cli.mjs writes beside it from the bundler's own record of its
// inputs). One stat per input (about a hundred files, no directory walk): a millisecond or two.
// CommonJS, so the start from the snapshot (diagnose-snapshot.cjs) loads no ES module machinery.
const { readFileSync, statSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const output = path.join(root, 'dist-cli', 'bouncedoc.mjs');
const inputsList = path.join(root, 'dist-cli', 'inputs.json');

function changedSince(file, builtMs) {
  const stat = statSync(path.join(root, file), { throwIfNoEntry: false });
  return stat === undefined || stat.mtimeMs > builtMs;
}

/** True when the bundle is missing, its list of inputs is unreadable, or an input is newer. */
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

module.exports = { output, isStale };

// `npm run diagnose -- ARGS`: runs the compiled command line (dist-cli/bouncedoc.mjs), building it first
// when it is missing or older than the engine, the command line's sources or the catalogue's match data,
// so a fresh checkout and an edited engine both work with no separate step. Plain JavaScript: no loader.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, 'dist-cli', 'bouncedoc.mjs');
const SOURCES = ['src/lib', 'src/cli', 'src/generated/match.json', 'scripts/build-cli.mjs', 'package-lock.json'];

function newestChange(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(target)) newest = Math.max(newest, newestChange(path.join(target, name)));
  return newest;
}

function isStale() {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return SOURCES.some((source) => newestChange(path.join(root, source)) > built);
}

if (!existsSync(path.join(root, 'src', 'generated', 'match.json')) || isStale()) {
  process.argv.push('--no-types');
  await import('./build-cli.mjs');
  process.argv.pop();
}
await import(output);

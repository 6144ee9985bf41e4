// Builds the command line and the library to plain JavaScript (no TypeScript loader at run time):
//   dist-cli/bouncedoc.mjs  the `bouncedoc` command (package.json bin), engine and catalogue bundled in
//   dist-cli/snapshot/      a V8 start-up snapshot of the same command for this Node.js binary, which
//                           `npm run diagnose` starts from (scripts/diagnose.sh); never packed
//   dist-lib/index.js       the library (package.json exports), with declarations in dist-lib/types/
// Plain JavaScript itself, so `npm run diagnose` can rebuild on demand without starting a loader.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { postalMimePatches } from './postal-mime-patches.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const withTypes = !process.argv.includes('--no-types');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

if (!existsSync(path.join(root, 'src', 'generated', 'match.json'))) run('npm', ['run', '--silent', 'content']);

// postal-mime is bundled with the changes of scripts/postal-mime-patches.mjs (decoded parts joined without
// a Blob, lines read and fed without a wait each and gathered in runs, dates written the same on every
// machine, plain headers read without the character-by-character parser, the fields and parts the engine
// never reads left unparsed); the build fails if one no longer applies.
const patchPostalMime = postalMimePatches();

// The catalogue's match index, computed with the engine's own indexCatalogue (bundled and run once here)
// and provided to the bundles as the module 'bouncedoc:catalogue-index'.
async function indexCatalogue() {
  const script = path.join(root, 'dist-cli', 'index-catalogue.mjs');
  await build({
    stdin: {
      contents: "import { indexCatalogue } from './src/lib/bounce/match-entries.ts';\nimport data from './src/generated/match.json' with { type: 'json' };\nprocess.stdout.write(JSON.stringify(indexCatalogue(data)));\n",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: script,
    logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, [script], { encoding: 'utf8', maxBuffer: 1 << 28 });
  rmSync(script, { force: true });
  if (run.status !== 0) throw new Error(`indexing the catalogue failed: ${run.stderr}`);
  return run.stdout;
}

const catalogueIndex = await indexCatalogue();
const provideCatalogueIndex = {
  name: 'catalogue-index',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^bouncedoc:catalogue-index$/ }, (args) => ({ path: args.path, namespace: 'catalogue-index' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'catalogue-index' }, () => ({ contents: `export default JSON.parse(${JSON.stringify(catalogueIndex)});`, loader: 'js' }));
  },
};

// A start-up snapshot only loads into the Node.js binary (version, platform, architecture) that made it,
// so its name says which one: scripts/diagnose.sh picks the one made for the Node.js running npm.
function snapshotName() {
  return `bouncedoc-${process.version}-${process.platform}-${process.arch}.blob`;
}

// The snapshot's script: one plain script (`--build-snapshot` takes no ES modules), run once by
// `node --build-snapshot`. The snapshot replaces the previous one in one rename (a run starting meanwhile
// reads one or the other whole). One made earlier for another Node.js binary stays, older than the
// bundle, and scripts/diagnose-snapshot.cjs does not use it. A failure leaves no snapshot for this
// binary (the plain bundle runs instead) and is reported.
async function buildSnapshot() {
  const dir = path.join(root, 'dist-cli', 'snapshot');
  mkdirSync(dir, { recursive: true });
  const name = snapshotName();
  const script = path.join(dir, `snapshot-${String(process.pid)}.cjs`);
  const made = path.join(dir, `${name}.${String(process.pid)}.tmp`);
  await build({ ...common, format: 'iife', entryPoints: [path.join(root, 'src', 'cli', 'snapshot.ts')], outfile: script });
  const run = spawnSync(process.execPath, ['--snapshot-blob', made, '--build-snapshot', script], { cwd: dir, encoding: 'utf8' });
  rmSync(script, { force: true });
  if (run.status === 0 && existsSync(made)) renameSync(made, path.join(dir, name));
  else {
    rmSync(made, { force: true });
    rmSync(path.join(dir, name), { force: true });
    process.stderr.write(`build-cli: no start-up snapshot (the plain bundle will run): ${run.stderr.trim().split('\n')[0] ?? ''}\n`);
  }
}

const common = { plugins: [patchPostalMime, provideCatalogueIndex], bundle: true, minifyWhitespace: true, minifySyntax: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', legalComments: 'none', absWorkingDir: root };
const cli = await build({
  ...common,
  entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
  outfile: path.join(root, 'dist-cli', 'bouncedoc.mjs'),
  banner: { js: '#!/usr/bin/env node\n// Generated by scripts/build-cli.mjs from src/cli/main.ts; do not edit.' },
  metafile: true,
});
await buildSnapshot();
// Every file the command line was built from, for scripts/diagnose.mjs's staleness check (not packed).
const inputs = Object.keys(cli.metafile.inputs)
  .map((input) => path.resolve(root, input))
  .filter((file) => existsSync(file))
  .map((file) => path.relative(root, file));
writeFileSync(path.join(root, 'dist-cli', 'inputs.json'), `${JSON.stringify([...inputs, 'scripts/build-cli.mjs', 'scripts/postal-mime-patches.mjs', 'package-lock.json'].sort(), null, 1)}\n`);
await build({
  ...common,
  platform: 'neutral',
  mainFields: ['module', 'main'],
  entryPoints: [path.join(root, 'src', 'cli', 'library.ts')],
  outfile: path.join(root, 'dist-lib', 'index.js'),
  banner: { js: '// Generated by scripts/build-cli.mjs from src/cli/library.ts; do not edit.' },
});

if (withTypes) {
  const types = path.join(root, 'dist-lib', 'types');
  rmSync(types, { recursive: true, force: true });
  mkdirSync(types, { recursive: true });
  run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.lib.json']);
  // The declarations keep the sources' "./x.ts" specifiers; a consumer resolves "./x.js" to x.d.ts.
  for (const entry of readdirSync(types, { recursive: true })) {
    const file = path.join(types, String(entry));
    if (!file.endsWith('.d.ts')) continue;
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(from '\.{1,2}\/[^']+)\.ts'/g, "$1.js'"));
  }
  writeFileSync(path.join(root, 'dist-lib', 'index.d.ts'), "// Generated by scripts/build-cli.mjs; do not edit.\nexport * from './types/cli/library.js';\n");
}

// The entry of the command line's V8 start-up snapshot (dist-cli/snapshot/, made by scripts/build-cli.mjs
// with `node --build-snapshot`): the engine loaded, the catalogue primed and the lexicon compiled before
// the snapshot is taken, so a run started from it (scripts/diagnose.sh) begins with all of that in its
// heap instead of compiling and computing it again. It leaves the command on globalThis for the main
// script (scripts/diagnose-snapshot.cjs) to call, after that script has checked that the snapshot is current.
import { runMainThread } from './run-command.ts';
import { warmEngine } from './warm-engine.ts';

/** What the snapshot leaves on globalThis under SNAPSHOT_KEY (read by scripts/diagnose-snapshot.cjs). */
type SnapshotCommand = { runMainThread: typeof runMainThread };

const SNAPSHOT_KEY = 'bouncedocSnapshot';

warmEngine();
const command: SnapshotCommand = { runMainThread };
Object.defineProperty(globalThis, SNAPSHOT_KEY, { value: command });

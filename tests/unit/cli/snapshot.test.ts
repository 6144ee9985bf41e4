// The command line's start-up snapshot (dist-cli/snapshot/, src/cli/snapshot.ts) and the way `npm run
// diagnose` starts from it (scripts/diagnose.sh, scripts/diagnose-snapshot.cjs): a run from the snapshot prints exactly what the plain
// bundle prints, in every output mode, with the same exit status; and the launcher falls back to the plain
// bundle when there is no snapshot for the running Node.js, when NODE_OPTIONS is set, and when Node.js
// refuses the snapshot it found (made with other V8 settings).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BUNDLE = path.join(root, 'dist-cli', 'bouncedoc.mjs');
const SNAPSHOTS = path.join(root, 'dist-cli', 'snapshot');
const SNAPSHOT = path.join(SNAPSHOTS, `bouncedoc-${process.version}-${process.platform}-${process.arch}.blob`);
// npm's user agent, as `npm run` passes it to its scripts
const AGENT = `npm/11.0.0 node/${process.version} ${process.platform} ${process.arch} workspaces/false`;
const FAKE_VERSION = 'v0.0.0-snapshot-test';
const MISMATCHED = path.join(SNAPSHOTS, `bouncedoc-${FAKE_VERSION}-${process.platform}-${process.arch}.blob`);
let dir = '';

type Run = { status: number | null; stdout: string; stderr: string };

function run(command: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const done = spawnSync(command, args, { cwd: dir, input: options.input, env: options.env ?? process.env, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: done.status, stdout: done.stdout, stderr: done.stderr };
}

function plain(args: string[], input?: string): Run {
  return run(process.execPath, [BUNDLE, ...args], { input });
}

// The command the snapshot holds, called directly (not through diagnose.mjs's freshness check).
function fromSnapshot(args: string[], input?: string): Run {
  return run(process.execPath, ['--snapshot-blob', SNAPSHOT, path.join(dir, 'start.mjs'), ...args], { input });
}

// The environment `npm run` gives scripts/diagnose.sh, without any NODE_OPTIONS of the test runner's.
function npmEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...process.env, npm_node_execpath: process.execPath, npm_config_user_agent: AGENT, ...env };
  if (env.NODE_OPTIONS === undefined) delete result.NODE_OPTIONS;
  return result;
}

function launcher(args: string[], env: NodeJS.ProcessEnv, input?: string): Run {
  return run('sh', [path.join(root, 'scripts', 'diagnose.sh'), ...args], { input, env: npmEnvironment(env) });
}

const corpus = path.resolve(root, '../shared/bounces');
const files = existsSync(path.join(corpus, 'expected.jsonl'))
  ? readFileSync(path.join(corpus, 'expected.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .slice(0, 40)
      .map((line) => path.join(corpus, (JSON.parse(line) as { file: string }).file))
  : [];

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bouncedoc-snapshot-'));
  // builds when stale (the bundle and its snapshot together)
  spawnSync(process.execPath, [path.join(root, 'scripts', 'diagnose.mjs'), '--help'], { stdio: 'ignore' });
  writeFileSync(path.join(dir, 'start.mjs'), `await globalThis.bouncedocSnapshot.runMainThread(process.argv.slice(2), new URL(${JSON.stringify(pathToFileURL(BUNDLE).href)}));\n`);
  writeFileSync(path.join(dir, 'one.eml'), 'Subject: Undelivered\n\n<someone@example.org>: host mx.example.org said: 550 5.1.1 User unknown\n');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(MISMATCHED, { force: true });
});

describe('the start-up snapshot', () => {
  it('is made by the build for the running Node.js', () => {
    expect(existsSync(SNAPSHOT)).toBe(true);
  });

  it.runIf(files.length > 0)('prints exactly what the plain bundle prints, in every mode', () => {
    for (const args of [['--json'], ['--recipients'], ['--csv', '--summary'], [], ['--json', '--summary', '--jobs', '2']]) {
      const expected = plain([...args, ...files]);
      const got = fromSnapshot([...args, ...files]);
      expect(got.stdout, args.join(' ')).toBe(expected.stdout);
      expect(got.stderr, args.join(' ')).toBe(expected.stderr);
      expect(got.status, args.join(' ')).toBe(expected.status);
    }
  });

  it('reads standard input and gives the same exit statuses for an unreadable file and a usage error', () => {
    const input = readFileSync(path.join(dir, 'one.eml'), 'utf8');
    expect(fromSnapshot(['--json'], input)).toEqual(plain(['--json'], input));
    const missing = fromSnapshot(['--json', 'one.eml', 'missing.eml']);
    expect(missing).toEqual(plain(['--json', 'one.eml', 'missing.eml']));
    expect(missing.status).toBe(1);
    const usage = fromSnapshot(['--jobs', 'many', 'one.eml']);
    expect(usage).toEqual(plain(['--jobs', 'many', 'one.eml']));
    expect(usage.status).toBe(2);
  });
});

describe('scripts/diagnose.sh (npm run diagnose)', () => {
  it('prints the same lines from the snapshot and from the plain bundle when there is none for this Node.js', () => {
    const expected = plain(['--json', 'one.eml', 'missing.eml']);
    const snapshot = launcher(['--json', 'one.eml', 'missing.eml'], {});
    expect(snapshot).toEqual(expected);
    const none = launcher(['--json', 'one.eml', 'missing.eml'], { npm_config_user_agent: AGENT.replace(process.version, FAKE_VERSION) });
    expect(none).toEqual(expected);
    const outsideNpm = launcher(['--json', 'one.eml', 'missing.eml'], { npm_node_execpath: '', npm_config_user_agent: '' });
    expect(outsideNpm).toEqual(expected);
  });

  it('runs the plain way when its main script starts without the snapshot', () => {
    const got = run(process.execPath, [path.join(root, 'scripts', 'diagnose-snapshot.cjs'), '--json', 'one.eml']);
    expect(got).toEqual(plain(['--json', 'one.eml']));
  });

  it('runs the plain bundle when NODE_OPTIONS is set (the snapshot needs the V8 settings it was made with)', () => {
    const got = launcher(['--json', 'one.eml'], { NODE_OPTIONS: '--max-old-space-size=512' });
    expect(got).toEqual(plain(['--json', 'one.eml']));
  });

  it('runs the plain bundle when Node.js refuses the snapshot it found', () => {
    // a snapshot made with other V8 settings, under the name the launcher looks for
    writeFileSync(path.join(dir, 'tiny.js'), 'globalThis.made = true;\n');
    const made = spawnSync(process.execPath, ['--max-old-space-size=64', '--snapshot-blob', MISMATCHED, '--build-snapshot', path.join(dir, 'tiny.js')], { cwd: dir });
    expect(made.status).toBe(0);
    const input = readFileSync(path.join(dir, 'one.eml'), 'utf8');
    const got = launcher(['--json', '-', 'missing.eml'], { npm_config_user_agent: AGENT.replace(process.version, FAKE_VERSION) }, input);
    const expected = plain(['--json', '-', 'missing.eml'], input);
    expect(got.stdout).toBe(expected.stdout);
    expect(got.status).toBe(1);
  });
});

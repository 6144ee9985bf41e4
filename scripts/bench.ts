// Engine and command-line benchmarks, printed as figures: `npm run bench`. Over both real corpora
// (../shared/bounces and ../shared/bounces-more): the engine's warm in-process rate (library build and
// source); the whole-process time of `npm run --silent diagnose -- --json FILES` and of the compiled
// `bouncedoc` (by default, on one thread and on two); what Node, npm (a no-op script) and --help cost
// before any bounce is read, and the time to the first output line (plain bundle and start-up snapshot); and, when Perl's Sisimai is
// installed, Sisimai's whole-process time and in-process rate on the same files with the ratios (by CPU
// time, steadier on a shared machine, and by wall clock). Then an mbox of 100,000 messages generated from
// the corpora (BENCH_MBOX_MESSAGES=N for another size) goes through the command line (time, peak memory,
// summary counts), and 1 MB and 10 MB pastes are timed.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pathToFileURL } from 'node:url';
import { decodeBytes } from '../src/lib/bounce/decode-bytes.ts';
import { diagnoseBounce } from '../src/lib/bounce/diagnose.ts';
import type { Diagnosis, MatchableEntry } from '../src/lib/bounce/types.ts';

type Figure = { name: string; value: string };
type Benchmark = { name: string; run: () => Promise<Figure[]> };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(root, 'dist-cli', 'bouncedoc.mjs');
// The start-up snapshot `npm run diagnose` starts from (scripts/diagnose.sh), made by the build for this Node.js.
const SNAPSHOT = path.join(root, 'dist-cli', 'snapshot', `bouncedoc-${process.version}-${process.platform}-${process.arch}.blob`);
const SNAPSHOT_START = ['--snapshot-blob', SNAPSHOT, path.join(root, 'scripts', 'diagnose-snapshot.cjs')];
const CORPORA = ['../shared/bounces', '../shared/bounces-more'].map((dir) => path.resolve(root, dir));
const MBOX_MESSAGES = Number(process.env.BENCH_MBOX_MESSAGES ?? 100_000);

// Sisimai over files named on the command line, one JSON line per file (as a caller of the CLI would use it).
const SISIMAI_FILES = `use strict; use Sisimai; use JSON::PP; my $js = JSON::PP->new->canonical;
for my $f (@ARGV) { my $v = Sisimai->make($f, delivered => 1, vacation => 1); my $d = $v && @$v ? $v->[0] : undef;
print $js->encode({file => $f, reason => $d ? $d->reason : undef}), "\\n"; }`;
// Sisimai in one process on emails already in memory, measured as our engine is (rateOf): three warm-up passes,
// then five timed passes; prints the median emails/s by wall clock and by CPU time.
const SISIMAI_RATE = `use strict; use Sisimai; use Time::HiRes qw(time);
my @mails = map { local $/; open my $fh, '<:raw', $_ or die; my $t = <$fh>; close $fh; $t } @ARGV;
for (1 .. 3) { Sisimai->make(\\$_, delivered => 1, vacation => 1) for @mails; }
my (@wall, @cpu);
for (1 .. 5) { my $t0 = time; my @c0 = times; Sisimai->make(\\$_, delivered => 1, vacation => 1) for @mails; my @c1 = times;
push @wall, @mails / (time - $t0); push @cpu, @mails / ((($c1[0] + $c1[1]) - ($c0[0] + $c0[1])) || 1e-9); }
my @w = sort { $a <=> $b } @wall; my @c = sort { $a <=> $b } @cpu;
printf "%.1f %.1f\\n", $w[2], $c[2];`;

function loadCatalogue(): MatchableEntry[] {
  const file = path.join(root, 'src', 'generated', 'match.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as MatchableEntry[]) : [];
}

function corpusFiles(): string[] {
  return CORPORA.flatMap((dir) => {
    const expected = path.join(dir, 'expected.jsonl');
    if (!existsSync(expected)) return [];
    return readFileSync(expected, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => path.join(dir, (JSON.parse(line) as { file: string }).file));
  });
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

type Timed = { ms: number; cpuMs: number; stdout: string; status: number | null };

// Wall time, and the CPU time (user + system) of the command and its children when /usr/bin/time is
// there: on a machine shared with other work the CPU time is the steadier figure.
function timeCommand(command: string, args: string[]): Timed {
  const timed = existsSync('/usr/bin/time');
  const started = performance.now();
  const run = timed
    ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', command, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - started;
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(run.stderr);
  return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : Number.NaN, stdout: run.stdout, status: run.status };
}

// `rounds` runs of each command, one of each per round.
function timeInTurns(rounds: number, commands: [string, string[]][]): Timed[][] {
  const runs = commands.map((): Timed[] => []);
  for (let round = 0; round < rounds; round++) commands.forEach(([command, args], i) => runs[i]?.push(timeCommand(command, args)));
  return runs;
}

function describeRuns(runs: Timed[]): string {
  const cpu = median(runs.map((r) => r.cpuMs));
  return `${seconds(median(runs.map((r) => r.ms)))} wall, ${Number.isNaN(cpu) ? '?' : seconds(cpu)} CPU (medians of ${String(runs.length)})`;
}

function cpuNow(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

type Engine = (text: string) => Promise<Diagnosis>;

// Warm emails per second, by wall clock and by CPU time. V8 keeps optimising the engine during its first
// passes over the corpora (measured: the pass after one warm-up ran about 30% below the steady rate), so
// three passes warm it up, then five timed passes give the median.
async function rateOf(engine: Engine, texts: readonly string[]): Promise<{ wall: number; cpu: number }> {
  for (let pass = 0; pass < 3; pass++) for (const text of texts) await engine(text);
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    const started = performance.now();
    const cpu = cpuNow();
    for (const text of texts) await engine(text);
    walls.push((texts.length * 1000) / (performance.now() - started));
    cpus.push((texts.length * 1000) / (cpuNow() - cpu));
  }
  return { wall: median(walls), cpu: median(cpus) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

// Milliseconds from spawning the command line (the plain bundle, or `start` instead) until its first line of output.
function timeToFirstLine(args: string[], start: string[] = [CLI]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...start, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    let seen = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (!seen && chunk.includes(0x0a)) {
        seen = true;
        resolve(performance.now() - started);
      }
    });
    child.on('error', reject);
    child.on('close', () => {
      if (!seen) reject(new Error('no output'));
    });
  });
}

function hasSisimai(): boolean {
  return spawnSync('perl', ['-MSisimai', '-e', '1']).status === 0;
}

async function benchCorpus(): Promise<Figure[]> {
  const files = corpusFiles();
  if (files.length === 0) return [{ name: 'corpora', value: 'not found' }];
  const catalogue = loadCatalogue();
  const texts = files.flatMap((file) => {
    const decoded = decodeBytes(readFileSync(file));
    return decoded.ok ? [decoded.text] : [];
  });
  timeCommand('npm', ['run', '--silent', 'diagnose', '--', '--json', files[0] ?? '']); // builds when stale
  const library = (await import(pathToFileURL(path.join(root, 'dist-lib', 'index.js')).href)) as { diagnoseBounce: Engine };
  const bundled = await rateOf((text) => library.diagnoseBounce(text), texts);
  const source = await rateOf((text) => diagnoseBounce(text, catalogue), texts);
  const ours = bundled.cpu;
  const figures: Figure[] = [
    { name: 'emails (both corpora)', value: String(files.length) },
    { name: 'in-process, warm (library build)', value: `${bundled.cpu.toFixed(0)} emails/s by CPU time, ${bundled.wall.toFixed(0)} by wall clock` },
    { name: 'in-process, warm (from source)', value: `${source.cpu.toFixed(0)} emails/s by CPU time, ${source.wall.toFixed(0)} by wall clock` },
  ];

  const sisimai = hasSisimai();
  // taken in turns, so a spell of load from elsewhere on a shared machine falls on every command alike
  const [npmRuns = [], binRuns = [], oneThreadRuns = [], twoThreadRuns = [], sisimaiRuns = []] = timeInTurns(3, [
    ['npm', ['run', '--silent', 'diagnose', '--', '--json', ...files]],
    [process.execPath, [CLI, '--json', ...files]],
    [process.execPath, [CLI, '--json', '--jobs', '1', ...files]],
    [process.execPath, [CLI, '--json', '--jobs', '2', ...files]],
    ...(sisimai ? [['perl', ['-e', SISIMAI_FILES, ...files]] as [string, string[]]] : []),
  ]);
  figures.push(
    { name: 'whole process, npm run diagnose', value: describeRuns(npmRuns) },
    { name: 'whole process, bouncedoc', value: describeRuns(binRuns) },
    { name: 'whole process, bouncedoc --jobs 1', value: describeRuns(oneThreadRuns) },
    { name: 'whole process, bouncedoc --jobs 2', value: describeRuns(twoThreadRuns) },
    ...startUp(),
  );
  const firstLines: number[] = [];
  for (let i = 0; i < 9; i++) firstLines.push(await timeToFirstLine(['--json', files[0] ?? '']));
  figures.push({ name: 'start-up to first line (one file)', value: `${median(firstLines).toFixed(0)} ms (median of 9)` });
  if (existsSync(SNAPSHOT)) {
    const fromSnapshot: number[] = [];
    for (let i = 0; i < 9; i++) fromSnapshot.push(await timeToFirstLine(['--json', files[0] ?? ''], SNAPSHOT_START));
    figures.push({ name: 'first line (one file, snapshot)', value: `${median(fromSnapshot).toFixed(0)} ms (median of 9)` });
  } else figures.push({ name: 'start-up snapshot', value: 'none for this Node.js (npm run build:cli makes it)' });
  if (!sisimai) {
    figures.push({ name: 'Sisimai', value: 'not installed (apt-get install -y libsisimai-perl)' });
    return figures;
  }
  const [sisimaiWall = Number.NaN, sisimaiCpu = Number.NaN] = timeCommand('perl', ['-e', SISIMAI_RATE, ...files]).stdout.trim().split(' ').map(Number);
  const ratio = (theirs: Timed[], ours: Timed[]): string =>
    `${(median(theirs.map((r) => r.cpuMs)) / median(ours.map((r) => r.cpuMs))).toFixed(2)}x by CPU time, ${(median(theirs.map((r) => r.ms)) / median(ours.map((r) => r.ms))).toFixed(2)}x by wall clock`;
  figures.push(
    { name: 'Sisimai whole process', value: describeRuns(sisimaiRuns) },
    { name: 'Sisimai in-process', value: `${sisimaiCpu.toFixed(0)} emails/s by CPU time, ${sisimaiWall.toFixed(0)} by wall clock` },
    { name: 'whole: Sisimai / npm run diagnose', value: ratio(sisimaiRuns, npmRuns) },
    { name: 'whole: Sisimai / bouncedoc', value: ratio(sisimaiRuns, binRuns) },
    { name: 'in-process: ours / Sisimai', value: `${(ours / sisimaiCpu).toFixed(2)}x by CPU time, ${(bundled.wall / sisimaiWall).toFixed(2)}x by wall clock` },
  );
  return figures;
}

// What the process costs before any bounce is read: Node itself, npm's own start (a no-op script run the
// way `npm run --silent diagnose` runs, in a scratch package), and the command line's --help.
function startUp(): Figure[] {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bouncedoc-npm-'));
  try {
    writeFileSync(path.join(scratch, 'package.json'), JSON.stringify({ name: 'noop', private: true, scripts: { noop: 'node -e 0' } }));
    const times = { node: [] as Timed[], npm: [] as Timed[], help: [] as Timed[] };
    for (let i = 0; i < 7; i++) {
      times.node.push(timeCommand(process.execPath, ['-e', '0']));
      times.npm.push(timeCommand('npm', ['run', '--silent', '--prefix', scratch, 'noop']));
      times.help.push(timeCommand(process.execPath, [CLI, '--help']));
    }
    const ms = (runs: Timed[]): number => median(runs.map((r) => r.ms));
    return [
      { name: 'node -e 0', value: `${ms(times.node).toFixed(0)} ms wall (median of 7)` },
      { name: "npm's own cost (no-op script)", value: `${ms(times.npm).toFixed(0)} ms wall for npm run --silent of \`node -e 0\`: ${(ms(times.npm) - ms(times.node)).toFixed(0)} ms more than node alone` },
      { name: 'bouncedoc --help', value: `${ms(times.help).toFixed(0)} ms wall (median of 7)` },
    ];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// An mbox of `count` messages cycling through the corpora, with body "From " lines escaped (mboxrd).
async function writeMbox(file: string, count: number): Promise<void> {
  const messages = corpusFiles().map((f) => readFileSync(f, 'latin1').replace(/^From [^\n]*\n/, '').replace(/^(>*From )/gm, '>$1').replace(/\n*$/, '\n'));
  const out = createWriteStream(file, { encoding: 'latin1' });
  for (let i = 0; i < count; i++) {
    const ok = out.write(`From MAILER-DAEMON Mon Dec  7 00:00:00 2026\n${messages[i % messages.length] ?? ''}\n`);
    if (!ok) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

async function benchMailbox(): Promise<Figure[]> {
  if (corpusFiles().length === 0) return [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bouncedoc-bench-'));
  try {
    const mbox = path.join(dir, 'bounces.mbox');
    await writeMbox(mbox, MBOX_MESSAGES);
    const timed = existsSync('/usr/bin/time');
    const args = [process.execPath, CLI, '--json', '--summary', mbox];
    const started = performance.now();
    const run = spawnSync(timed ? '/usr/bin/time' : args[0] ?? '', timed ? ['-v', ...args] : args.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = performance.now() - started;
    const lines = run.stdout.split('\n').filter(Boolean);
    const summary = (JSON.parse(lines.at(-1) ?? '{}') as { summary?: { messages: number; unreadable: number; byReason: Record<string, number> } }).summary;
    const byReason = Object.values(summary?.byReason ?? {}).reduce((a, b) => a + b, 0);
    const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1];
    const user = /User time \(seconds\): ([\d.]+)/.exec(run.stderr)?.[1];
    const system = /System time \(seconds\): ([\d.]+)/.exec(run.stderr)?.[1];
    const cpuMs = user && system ? (Number(user) + Number(system)) * 1000 : Number.NaN;
    const cpu = Number.isNaN(cpuMs) ? '' : `; ${seconds(cpuMs)} CPU (${((MBOX_MESSAGES * 1000) / cpuMs).toFixed(0)} messages/s)`;
    return [
      { name: `mbox of ${String(MBOX_MESSAGES)} messages`, value: `${seconds(ms)} wall (${((MBOX_MESSAGES * 1000) / ms).toFixed(0)} messages/s)${cpu}` },
      { name: 'peak memory', value: peak ? `${(Number(peak) / 1024).toFixed(0)} MB` : 'not measured (no /usr/bin/time)' },
      { name: 'JSON lines', value: String(lines.length - 1) },
      { name: 'summary: read + unreadable', value: `${String(summary?.messages)} + ${String(summary?.unreadable)} (by reason adds to ${String(byReason)})` },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPastes(): Promise<Figure[]> {
  const catalogue = loadCatalogue();
  const bounce = '550 5.1.1 <a@example.org>: User unknown\n';
  const filler = 'Lorem ipsum dolor sit amet, 192.0.2.1 at 10:45:12 on Tue, 02 Apr 2024 (v2.5.5).\n';
  const figures: Figure[] = [];
  for (const megabytes of [1, 10]) {
    const paste = filler.repeat(Math.ceil((megabytes * 1_000_000) / filler.length)) + bounce;
    await diagnoseBounce(paste.slice(0, 100_000), catalogue);
    const started = performance.now();
    await diagnoseBounce(paste, catalogue);
    figures.push({ name: `${String(megabytes)} MB paste`, value: `${(performance.now() - started).toFixed(0)} ms` });
  }
  return figures;
}

const BENCHMARKS: Benchmark[] = [
  { name: 'diagnosis engine and command line, both corpora (timings on a shared machine vary)', run: benchCorpus },
  { name: 'command line on a generated mailbox', run: benchMailbox },
  { name: 'large pastes', run: benchPastes },
];

for (const benchmark of BENCHMARKS) {
  console.log(benchmark.name);
  for (const figure of await benchmark.run()) console.log(`  ${figure.name.padEnd(34)} ${figure.value}`);
}

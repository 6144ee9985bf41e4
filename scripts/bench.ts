// Benchmarks, one function each, printed as figures: `npm run bench`. The engine benchmark diagnoses
// the whole real-bounce corpus (../shared/bounces) in one process after a warm-up, and times a 1 MB
// and a 10 MB paste. Further benchmarks (search, bundle size, page load) are added as functions to BENCHMARKS.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBytes } from '../src/lib/bounce/decode-bytes.ts';
import { diagnoseBounce } from '../src/lib/bounce/diagnose.ts';
import type { MatchableEntry } from '../src/lib/bounce/types.ts';

type Figure = { name: string; value: string };
type Benchmark = { name: string; run: () => Promise<Figure[]> };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function loadCatalogue(): MatchableEntry[] {
  const file = path.join(root, 'src', 'generated', 'match.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as MatchableEntry[]) : [];
}

function listEmails(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listEmails(full);
    return name.endsWith('.eml') ? [full] : [];
  });
}

async function timeMs(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function benchDiagnosis(): Promise<Figure[]> {
  const catalogue = loadCatalogue();
  const emails = listEmails(path.resolve(root, '../shared/bounces')).flatMap((file) => {
    const decoded = decodeBytes(readFileSync(file));
    return decoded.ok ? [decoded.text] : [];
  });
  const figures: Figure[] = [{ name: 'catalogue entries', value: String(catalogue.length) }];
  if (emails.length > 0) {
    for (const text of emails.slice(0, 50)) await diagnoseBounce(text, catalogue);
    const rounds = 3;
    const ms = await timeMs(async () => {
      for (let round = 0; round < rounds; round++) for (const text of emails) await diagnoseBounce(text, catalogue);
    });
    figures.push({ name: `corpus (${String(emails.length)} emails x ${String(rounds)})`, value: `${((emails.length * rounds * 1000) / ms).toFixed(0)} emails/s` });
  }
  const bounce = emails[0] ?? '550 5.1.1 <a@example.org>: User unknown\n';
  const filler = 'Lorem ipsum dolor sit amet, 192.0.2.1 at 10:45:12 on Tue, 02 Apr 2024 (v2.5.5).\n';
  for (const megabytes of [1, 10]) {
    const paste = filler.repeat(Math.ceil((megabytes * 1_000_000) / filler.length)) + bounce;
    await diagnoseBounce(paste.slice(0, 100_000), catalogue);
    const ms = await timeMs(() => diagnoseBounce(paste, catalogue));
    figures.push({ name: `${String(megabytes)} MB paste`, value: `${ms.toFixed(0)} ms` });
  }
  return figures;
}

const BENCHMARKS: Benchmark[] = [{ name: 'diagnosis engine', run: benchDiagnosis }];

for (const benchmark of BENCHMARKS) {
  console.log(benchmark.name);
  for (const figure of await benchmark.run()) console.log(`  ${figure.name.padEnd(32)} ${figure.value}`);
}

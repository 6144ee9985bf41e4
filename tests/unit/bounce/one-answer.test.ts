// One answer: when the closest catalogue entry is a strong match (score >= 0.8) the page leads with it,
// so the diagnosis must name a cause of the same family (REASON_FAMILY). Checked over both real-bounce
// corpora; at most 1% exceptions, listed when the check fails. Also prints the per-kind agreement of
// ../shared/bounces-more, the corpus of older and unusual servers.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/lib/bounce/decode-bytes.ts';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';
import { REASON_FAMILY } from '../../../src/lib/content/vocabulary.ts';
import type { Reason } from '../../../src/lib/content/vocabulary.ts';
import { loadCatalogue } from '../../fixtures/load-catalogue.ts';

type Row = { file: string; agent: string; reason: Reason };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const corpora = ['../shared/bounces', '../shared/bounces-more'].map((dir) => path.resolve(root, dir));
const catalogue = loadCatalogue();

function rowsOf(dir: string): Row[] {
  const file = path.join(dir, 'expected.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Row);
}

const samples = corpora.flatMap((dir) => rowsOf(dir).map((row) => ({ ...row, path: path.join(dir, row.file) })));

describe.skipIf(samples.length === 0)('diagnoseBounce and the catalogue give one answer', () => {
  it('names a cause of the strong match family on both corpora (at most 1% exceptions)', async () => {
    const exceptions: string[] = [];
    let strong = 0;
    for (const sample of samples) {
      const decoded = decodeBytes(readFileSync(sample.path));
      if (!decoded.ok) continue;
      const diagnosis = await diagnoseBounce(decoded.text, catalogue);
      const best = diagnosis.matches[0];
      if (!best || best.score < 0.8) continue;
      strong += 1;
      const entry = catalogue.find((e) => e.id === best.id);
      const families = entry ? [REASON_FAMILY[entry.reason], REASON_FAMILY[diagnosis.reason]] : [];
      // The 'unknown' family (onhold, syntaxerror, undefined) contradicts nothing.
      if (entry && !families.includes('unknown') && families[0] !== families[1]) exceptions.push(`${sample.file}: ${diagnosis.reason} vs ${entry.id} (${entry.reason})`);
    }
    expect(strong).toBeGreaterThan(0);
    expect(exceptions.length, exceptions.join('\n')).toBeLessThanOrEqual(Math.floor(samples.length / 100));
  });
});

const more = rowsOf(corpora[1] ?? '');

describe.skipIf(more.length === 0)('diagnoseBounce on the older and unusual servers corpus', () => {
  it('agrees with the expected reason often enough, per kind printed', async () => {
    const perKind = new Map<string, { hits: number; total: number }>();
    let hits = 0;
    for (const row of more) {
      const decoded = decodeBytes(readFileSync(path.join(corpora[1] ?? '', row.file)));
      // A file the byte decoder refuses counts as a miss.
      const diagnosis = await diagnoseBounce(decoded.ok ? decoded.text : '', catalogue);
      const tally = perKind.get(row.agent) ?? { hits: 0, total: 0 };
      tally.total += 1;
      if (diagnosis.reason === row.reason) {
        tally.hits += 1;
        hits += 1;
      }
      perKind.set(row.agent, tally);
    }
    console.log([...perKind].map(([kind, t]) => `${kind}: ${String(t.hits)}/${String(t.total)}`).join(', '));
    // Floor just under the level reached (85.6%); the goal is 90%.
    expect(hits / more.length).toBeGreaterThanOrEqual(0.85);
  });
});

// The library bundle (dist-lib/index.js, made by scripts/build-cli.mjs) primes its catalogue with a match
// index computed when it is built; ranking with it must be exactly ranking with a catalogue prepared at
// run time from the same data, scores included, for every catalogue text and a sample of real bounces.
// `npm run test:unit` builds the bundle first.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractCodes } from '../../../src/lib/bounce/extract-codes.ts';
import { matchEntries } from '../../../src/lib/bounce/match-entries.ts';
import type { EntryMatch, Finding, MatchableEntry } from '../../../src/lib/bounce/types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const LIBRARY = path.join(root, 'dist-lib', 'index.js');

type Library = {
  catalogue: readonly MatchableEntry[];
  matchEntries: (text: string, findings: readonly Finding[], catalogue: readonly MatchableEntry[], options?: { limit?: number; minScore?: number }) => EntryMatch[];
};

function sampleBounces(): string[] {
  const dir = path.resolve(root, '../shared/bounces');
  const expected = path.join(dir, 'expected.jsonl');
  if (!existsSync(expected)) return [];
  return readFileSync(expected, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, 150)
    .map((line) => readFileSync(path.join(dir, (JSON.parse(line) as { file: string }).file), 'latin1'));
}

describe('the bundled catalogue', () => {
  it('ranks with its build-time index as a catalogue prepared at run time does', async () => {
    const library = (await import(LIBRARY)) as Library;
    const fresh = library.catalogue.map((entry) => ({ ...entry }));
    const options = { limit: 1000, minScore: 0 };
    for (const text of [...library.catalogue.flatMap((entry) => entry.texts), ...sampleBounces()]) {
      const findings = extractCodes(text);
      expect(library.matchEntries(text, findings, library.catalogue, options), text.slice(0, 120)).toEqual(matchEntries(text, findings, fresh, options));
    }
  });
});

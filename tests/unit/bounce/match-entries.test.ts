// Guards the catalogue index of matchEntries: scoring only the indexed candidates (entries sharing a
// token or a tag with the input) must give exactly the ranking of scoring every entry, over both real
// corpora (raw and decoded) and every catalogue text, including with no score threshold.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/lib/bounce/decode-bytes.ts';
import { extractCodes } from '../../../src/lib/bounce/extract-codes.ts';
import { matchEntries } from '../../../src/lib/bounce/match-entries.ts';
import { readEmail } from '../../../src/lib/bounce/read-email.ts';
import { loadCatalogue } from '../../fixtures/load-catalogue.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const catalogue = loadCatalogue();

function corpusTexts(dir: string): string[] {
  const expected = path.join(dir, 'expected.jsonl');
  if (!existsSync(expected)) return [];
  return readFileSync(expected, 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      const decoded = decodeBytes(readFileSync(path.join(dir, (JSON.parse(line) as { file: string }).file)));
      return decoded.ok ? [decoded.text] : [];
    });
}

const corpus = [...corpusTexts(path.resolve(root, '../shared/bounces')), ...corpusTexts(path.resolve(root, '../shared/bounces-more'))];

function expectSameRanking(texts: readonly string[]): void {
  for (const text of texts) {
    const findings = extractCodes(text);
    for (const options of [{ limit: 1000 }, { limit: 1000, minScore: 0 }]) {
      expect(matchEntries(text, findings, catalogue, options), text.slice(0, 120)).toEqual(matchEntries(text, findings, catalogue, { ...options, exhaustive: true }));
    }
  }
}

describe('matchEntries through the catalogue index', () => {
  it('ranks every catalogue text as scoring every entry does', () => {
    expectSameRanking(catalogue.flatMap((entry) => entry.texts));
  });

  it('ranks every corpus email, raw and decoded, as scoring every entry does', async () => {
    const decoded = await Promise.all(corpus.map(async (text) => {
      const parts = await readEmail(text);
      return [parts.body, parts.deliveryStatus, parts.feedbackReport].join('\n\n');
    }));
    expectSameRanking([...corpus, ...decoded]);
  });

  it('finds an entry by its provider tag alone', () => {
    const tagged = catalogue.find((entry) => (entry.tag ?? '').length >= 4 && !entry.tag?.includes(';'));
    expect(tagged?.tag).toBeTruthy();
    const text = `Remote server said: ${tagged?.tag ?? ''}`;
    const ids = matchEntries(text, extractCodes(text), catalogue, { limit: 1000, minScore: 0 }).map((m) => m.id);
    expect(ids).toContain(tagged?.id);
  });
});

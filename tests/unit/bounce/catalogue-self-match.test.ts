// Guards the catalogue and the matcher against each other (STYLE.md habit 8): every literal server
// text of every entry in src/generated/match.json, pasted alone, ranks its own entry first. Texts of
// different entries that normalise to the same words and codes cannot be told apart by any sound
// rule; such entries only have to tie at the top (they are listed so they can be merged).
import { describe, expect, it } from 'vitest';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';
import { extractCodes } from '../../../src/lib/bounce/extract-codes.ts';
import { tokenizeForMatch } from '../../../src/lib/bounce/match-entries.ts';
import { loadCatalogue } from '../../fixtures/load-catalogue.ts';

const catalogue = loadCatalogue();

// The words and codes a text is matched on: equal keys mean the matcher cannot prefer either entry.
function matchKey(text: string): string {
  const codes = extractCodes(text)
    .filter((finding) => finding.kind !== 'blocklist')
    .map((finding) => finding.value.toLowerCase());
  return `${tokenizeForMatch(text).join(' ')} | ${codes.join(' ')}`;
}

const entriesByKey = new Map<string, Set<string>>();
for (const entry of catalogue) {
  for (const text of entry.texts) {
    const key = matchKey(text);
    const ids = entriesByKey.get(key) ?? new Set<string>();
    ids.add(entry.id);
    entriesByKey.set(key, ids);
  }
}

const rows = catalogue.flatMap((entry) => entry.texts.map((text) => [`${entry.id}: ${text.slice(0, 90)}`, entry.id, text] as const));

describe('diagnoseBounce on the catalogue texts', () => {
  it.each(rows)('ranks its own entry first for %s', async (_name, id, text) => {
    const { matches } = await diagnoseBounce(text, catalogue);
    const twins = entriesByKey.get(matchKey(text)) ?? new Set([id]);
    const top = matches[0];
    expect(top).toBeDefined();
    if (twins.size === 1) {
      expect(top?.id).toBe(id);
    } else {
      // Identical normalised texts of several entries: the own entry ties with the one ranked first.
      expect(twins.has(top?.id ?? '')).toBe(true);
      expect(matches.find((match) => match.id === id)?.score).toBe(top?.score);
    }
  });

  it('lists the entries whose texts normalise identically', () => {
    const shared = [...entriesByKey.values()].filter((ids) => ids.size > 1).map((ids) => [...ids].sort());
    // Each group names entries that should be merged; the list only shrinks.
    expect(shared.length).toBeLessThanOrEqual(5);
  });
});

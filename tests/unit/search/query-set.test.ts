// The query set: realistic searches of every kind, each with the page that answers it, run through the
// real generated search documents. TUNING_QUERIES may guide the ranking weights; HELD_OUT_QUERIES never do,
// so their figure is the honest estimate of first-result accuracy on searches we have not seen.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../../src/lib/content/build.ts';
import { createSearcher } from '../../../src/lib/search/search.ts';
import { HELD_OUT_QUERIES, TUNING_QUERIES, type SearchCase } from '../../fixtures/search-queries.ts';

const docs = JSON.parse(readFileSync('public/data/search.json', 'utf8')) as SearchDocument[];
const search = createSearcher(docs);

function accuracy(cases: readonly SearchCase[]): { rate: number; misses: string[] } {
  const misses = cases.flatMap(({ query, answers }) => {
    const top = search(query)[0]?.doc.url ?? '(nothing)';
    return answers.includes(top) ? [] : [`"${query}" -> ${top} (wanted ${answers.join(' or ')})`];
  });
  return { rate: 1 - misses.length / cases.length, misses };
}

describe('first-result accuracy of the query set', () => {
  it('has at least 60 queries, a third of them held out', () => {
    expect(TUNING_QUERIES.length + HELD_OUT_QUERIES.length).toBeGreaterThanOrEqual(60);
    expect(HELD_OUT_QUERIES.length * 3).toBeGreaterThanOrEqual(TUNING_QUERIES.length + HELD_OUT_QUERIES.length - 2);
  });

  it('puts the answering page first for at least 90% of the tuning queries and of the held-out ones', () => {
    const tuned = accuracy(TUNING_QUERIES);
    const held = accuracy(HELD_OUT_QUERIES);
    console.log(`search accuracy: tuning ${(tuned.rate * 100).toFixed(0)}% of ${String(TUNING_QUERIES.length)}, held out ${(held.rate * 100).toFixed(0)}% of ${String(HELD_OUT_QUERIES.length)}`);
    for (const miss of [...tuned.misses, ...held.misses]) console.log(`  miss: ${miss}`);
    expect(tuned.misses).toEqual([]);
    expect(held.rate).toBeGreaterThanOrEqual(0.9);
  });
});

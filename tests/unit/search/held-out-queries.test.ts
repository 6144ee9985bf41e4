// Search accuracy on queries the ranking was not tuned on (the JSON sets of HELD_OUT_SETS in
// tests/fixtures/search-queries.ts), written from the site's real pages before any result was looked at.
// Prints the share of queries whose first result, and whose first three results, include a page that
// answers them, with every miss, and holds the first-result share to the floor each set reaches today, so
// a change cannot lower it unseen.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../../src/lib/content/build.ts';
import { createSearcher } from '../../../src/lib/search/search.ts';
import { HELD_OUT_SETS, readQuerySet, type SearchCase } from '../../fixtures/search-queries.ts';

const docs = JSON.parse(readFileSync('public/data/search.json', 'utf8')) as SearchDocument[];
const routes = new Set(JSON.parse(readFileSync('src/generated/routes.json', 'utf8')) as string[]);
const search = createSearcher(docs);

function measure(cases: readonly SearchCase[]): { first: number; top3: number; misses: string[] } {
  let first = 0;
  let top3 = 0;
  const misses: string[] = [];
  for (const { query, answers } of cases) {
    const urls = search(query, 3).map((hit) => hit.doc.url);
    if (answers.includes(urls[0] ?? '')) first++;
    else misses.push(`"${query}" -> ${urls.join(', ') || '(nothing)'} (wanted ${answers.join(' or ')})`);
    if (urls.some((url) => answers.includes(url))) top3++;
  }
  return { first: first / cases.length, top3: top3 / cases.length, misses };
}

const percent = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

describe('createSearcher on held-out queries', () => {
  const cases = readQuerySet('search-queries-heldout.json');

  it('has at least 120 distinct queries, each answered by pages the site has', () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
    expect(new Set(cases.map((c) => c.query.toLowerCase())).size).toBe(cases.length);
    const unknown = cases.flatMap((c) => c.answers.filter((url) => !routes.has(url)).map((url) => `${c.query}: ${url}`));
    expect(unknown).toEqual([]);
  });

  it.each(HELD_OUT_SETS)('puts an answering page first for the queries of %s, at least as often as its floor', (file, floor) => {
    const set = readQuerySet(file);
    const { first, top3, misses } = measure(set);
    console.log(`${file} (${String(set.length)} queries): first ${percent(first)}, top 3 ${percent(top3)}`);
    for (const miss of misses) console.log(`  miss: ${miss}`);
    expect(set.flatMap((c) => c.answers.filter((url) => !routes.has(url)))).toEqual([]);
    expect(first).toBeGreaterThanOrEqual(floor);
  });
});

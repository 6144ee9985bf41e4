// Search accuracy on queries the ranking was not tuned on (tests/fixtures/search-queries-heldout.json):
// written from the site's real pages before any result was looked at. Prints the share of queries whose
// first result, and whose first three results, include a page that answers them, with every miss, and
// holds the first-result share to the floor the ranking reaches today, so a change cannot lower it unseen.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../../src/lib/content/build.ts';
import { createSearcher } from '../../../src/lib/search/search.ts';

type HeldOutCase = { query: string; answers: string[] };
type HeldOutFile = { about: string; queries: HeldOutCase[] };

const docs = JSON.parse(readFileSync('public/data/search.json', 'utf8')) as SearchDocument[];
const routes = new Set(JSON.parse(readFileSync('src/generated/routes.json', 'utf8')) as string[]);
const search = createSearcher(docs);

function readCases(file: string): HeldOutCase[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as HeldOutFile).queries;
}

function measure(cases: readonly HeldOutCase[]): { first: number; top3: number; misses: string[] } {
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
  const cases = readCases('tests/fixtures/search-queries-heldout.json');

  it('has at least 120 distinct queries, each answered by pages the site has', () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
    expect(new Set(cases.map((c) => c.query.toLowerCase())).size).toBe(cases.length);
    const unknown = cases.flatMap((c) => c.answers.filter((url) => !routes.has(url)).map((url) => `${c.query}: ${url}`));
    expect(unknown).toEqual([]);
  });

  it('puts an answering page first for most of them', () => {
    const { first, top3, misses } = measure(cases);
    console.log(`held-out search (${String(cases.length)} queries): first ${percent(first)}, top 3 ${percent(top3)}`);
    for (const miss of misses) console.log(`  miss: ${miss}`);
    expect(first).toBeGreaterThanOrEqual(0.95);
  });

  // Thirty more, written before the ranking changed and first run after: the least biased figure.
  it('puts an answering page first for the fresh queries kept apart until the ranking was done', () => {
    const fresh = readCases('tests/fixtures/search-queries-fresh.json');
    const { first, top3, misses } = measure(fresh);
    console.log(`fresh held-out search (${String(fresh.length)} queries): first ${percent(first)}, top 3 ${percent(top3)}`);
    for (const miss of misses) console.log(`  miss: ${miss}`);
    expect(fresh.flatMap((c) => c.answers.filter((url) => !routes.has(url)))).toEqual([]);
    expect(first).toBeGreaterThanOrEqual(0.9);
  });

  // Each written after one round of ranking changes and first run after the next.
  it.each([
    ['search-queries-fresh-2.json', 0.85],
    ['search-queries-fresh-3.json', 0.83],
    ['search-queries-fresh-4.json', 0.86],
    ['search-queries-fresh-5.json', 0.86],
    // 44 of 56 on its first run; four of the misses are codes one entry carries, where that entry comes
    // first and the code page second. 53 of 56 after the round that worked on its other misses (removal
    // guides, sentences copied from a bounce, "domain name").
    ['search-queries-fresh-6.json', 0.94],
    // First run 54 of 59 (91.5%), with a rule that also favoured a guide whose subject the query holds;
    // that rule cost one query here that the ranking before the round got right, so it was taken out:
    // 55 of 59 (93.2%, top 3 96.6%), the same as before the round.
    ['search-queries-fresh-7.json', 0.93],
  ] as const)('puts an answering page first for the queries of %s, kept apart from the changes after them', (name, floor) => {
    const fresh = readCases(`tests/fixtures/${name}`);
    const { first, top3, misses } = measure(fresh);
    console.log(`${name} (${String(fresh.length)} queries): first ${percent(first)}, top 3 ${percent(top3)}`);
    for (const miss of misses) console.log(`  miss: ${miss}`);
    expect(fresh.flatMap((c) => c.answers.filter((url) => !routes.has(url)))).toEqual([]);
    expect(first).toBeGreaterThanOrEqual(floor);
  });
});

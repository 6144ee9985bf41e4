// Catalogue search over the real generated catalogue: codes and tags match exactly, words match with
// typos and while being typed, and each result says what matched.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../../src/lib/content/build.ts';
import { createSearcher, tokenize } from '../../../src/lib/search/search.ts';
import { SEARCH_CASES } from '../../fixtures/search-queries.ts';

const docs = JSON.parse(readFileSync('public/data/search.json', 'utf8')) as SearchDocument[];
const search = createSearcher(docs);

describe('createSearcher', () => {
  for (const { query, expect: wanted, first } of SEARCH_CASES) {
    it(`puts ${wanted} first for "${query}"`, () => {
      const [top] = search(query);
      expect(top, query).toBeDefined();
      expect(first(top?.doc as SearchDocument), `${query} -> ${top?.doc.id ?? ''}`).toBe(true);
    });
  }

  it('finds an entry by the word being typed', () => {
    expect(search('spamha')[0]?.doc.title).toMatch(/spamhaus/i);
  });

  it('returns nothing for a code that no entry carries', () => {
    expect(search('9.9.9')).toEqual([]);
  });

  it('returns nothing for an empty or one-letter query', () => {
    expect(search('')).toEqual([]);
    expect(search('a')).toEqual([]);
  });

  it('marks the matched words in the field it shows', () => {
    const [top] = search('relay acess denied');
    const matched = top?.matched;
    expect(matched).not.toBeNull();
    const marked = matched?.ranges.map(([start, end]) => matched.text.slice(start, end).toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['relay', 'access', 'denied']));
  });

  it('does not treat an IP address as a code', () => {
    expect(search('10.4.5.1').some((hit) => hit.doc.codes.includes('4.5.1'))).toBe(false);
  });
});

describe('tokenize', () => {
  it('keeps dotted codes whole and splits host names into parts too', () => {
    expect(tokenize('550 5.7.1 via emailsrvr.com')).toEqual(['550', '5.7.1', 'via', 'emailsrvr.com', 'emailsrvr', 'com']);
  });
});

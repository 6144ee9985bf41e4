// Site search over the real generated documents: codes and tags match exactly and put their page first,
// words match with typos and while being typed, every kind of page is searchable, and each result says
// what matched. Accuracy over the query set is in query-set.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../../src/lib/content/build.ts';
import { readQuery, tagKey } from '../../../src/lib/search/intent.ts';
import { createSearcher, tokenize } from '../../../src/lib/search/search.ts';
import { GUIDE_WORDS } from '../../../src/lib/search/topic-words.ts';

const docs = JSON.parse(readFileSync('public/data/search.json', 'utf8')) as SearchDocument[];
const search = createSearcher(docs);

describe('createSearcher', () => {
  it('indexes every kind of page', () => {
    expect(new Set(docs.map((doc) => doc.kind))).toEqual(new Set(['code', 'guide', 'cause', 'provider', 'entry']));
  });

  it('puts the code page first for a pure code, then entries with that code', () => {
    const hits = search('550 5.7.1');
    expect(hits[0]?.doc.url).toBe('/codes/5.7.1');
    expect(hits[1]?.doc.url).toBe('/codes/550');
    expect(hits.slice(2).every((hit) => hit.doc.kind === 'entry' && hit.doc.codes.includes('5.7.1'))).toBe(true);
  });

  it("puts the one entry first for a provider's own code, then its code page", () => {
    const hits = search('5.7.520');
    expect(hits[0]?.doc.url).toBe('/bounces/microsoft365/550-5-7-520-external-forwarding-not-allowed');
    expect(hits[1]?.doc.url).toBe('/codes/5.7.520');
    expect(search('4.7.650')[0]?.doc.url).toBe('/codes/4.7.650');
  });

  it('finds a page by the word being typed', () => {
    expect(search('spamha')[0]?.doc.title).toMatch(/spamhaus/i);
  });

  it('returns nothing for a code that no page carries, and offers the nearest codes and tags', () => {
    expect(search('9.9.9')).toEqual([]);
    expect(search('S3160')).toEqual([]);
    expect(search.nearest('S3160').map((suggestion) => suggestion.label)).toContain('S3150');
    expect(search.nearest('5.7.91').map((suggestion) => suggestion.label)).toContain('5.7.9');
  });

  it('returns nothing for an empty or one-letter query', () => {
    expect(search('')).toEqual([]);
    expect(search('a')).toEqual([]);
  });

  it('marks the matched words in the field it shows', () => {
    const hit = search('relay acess denied').find((candidate) => candidate.doc.kind === 'entry');
    const matched = hit?.matched;
    expect(matched).not.toBeNull();
    const marked = matched?.ranges.map(([start, end]) => matched.text.slice(start, end).toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['relay', 'access', 'denied']));
  });

  it('does not treat an IP address as a code', () => {
    expect(search('10.4.5.1').some((hit) => hit.doc.codes.includes('4.5.1'))).toBe(false);
  });
});

describe('readQuery', () => {
  it('reads codes among filler words, most specific first', () => {
    expect(readQuery(tokenize('smtp error 550 5.1.1'))).toEqual({ intent: 'code', codes: ['5.1.1', '550'], words: ['550', '5.1.1'] });
  });
  it('reads words without question words', () => {
    expect(readQuery(tokenize('how do I set up DMARC'))).toEqual({ intent: 'words', codes: [], words: ['set', 'up', 'dmarc'] });
  });
  it('keys tags without case or punctuation', () => {
    expect(tagKey('AS(201806281)')).toBe('as201806281');
  });
});

describe('GUIDE_WORDS', () => {
  it('names only guides that exist', () => {
    const guides = new Set(docs.filter((doc) => doc.kind === 'guide').map((doc) => doc.id.slice('guide:'.length)));
    expect(Object.keys(GUIDE_WORDS).filter((slug) => !guides.has(slug))).toEqual([]);
  });
});

describe('tokenize', () => {
  it('keeps dotted codes whole and splits host names into parts too', () => {
    expect(tokenize('550 5.7.1 via emailsrvr.com')).toEqual(['550', '5.7.1', 'via', 'emailsrvr.com', 'emailsrvr', 'com']);
  });
});

// Site search over the real generated documents: codes and tags match exactly and put their page first,
// words match with typos and while being typed, every kind of page is searchable, and each result says
// what matched. Accuracy over the query set is in query-set.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../../src/lib/content/build.ts';
import { joinSpacedCodes, readLocalisedCause, readQuery, tagKey } from '../../../src/lib/search/intent.ts';
import { createSearcher, tokenize } from '../../../src/lib/search/search.ts';
import { GUIDE_WORDS, PROVIDER_WORDS, REMOVAL_GUIDE_NAMES } from '../../../src/lib/search/topic-words.ts';

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

  it("puts the code page first for a provider's own code, then the one entry that carries it", () => {
    const hits = search('5.7.520');
    expect(hits[0]?.doc.url).toBe('/codes/5.7.520');
    expect(hits[1]?.doc.url).toBe('/bounces/microsoft365/550-5-7-520-external-forwarding-not-allowed');
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

  it('reads a code among question words and with spaces for dots', () => {
    expect(search('how do I fix a 550 error')[0]?.doc.url).toBe('/codes/550');
    expect(search('550 5 7 1')[0]?.doc.url).toBe('/codes/5.7.1');
  });

  it('finds the page of the range that holds a detail code', () => {
    expect(search('5.7.610').map((hit) => hit.doc.url)).toContain('/codes/5.7.606-649');
    expect(search('5.7.650').some((hit) => hit.doc.url === '/codes/5.7.606-649')).toBe(false);
  });

  it('puts a tag first among other words, and a tag made of words only when typed as it is', () => {
    expect(search('yahoo tss04')[0]?.doc.url).toBe('/bounces/yahoo/tss04-temporarily-deferred');
    expect(search('Invalid-Recipient')[0]?.doc.url).toBe('/bounces/trendmicro/554-5-7-1-invalid-recipient');
    expect(search('invalid recipient')[0]?.doc.kind).not.toBe('entry');
  });

  it('matches other forms of a word, swapped letters and a word typed in two', () => {
    expect(search('mailboxes full')[0]?.doc.url).toMatch(/mailbox-?full/);
    expect(search('dmarc polciy')[0]?.doc.url).toBe('/articles/dmarc');
    expect(search('gmial')[0]?.doc.url).toBe('/providers/google');
    expect(search('delisting from spamhaus')[0]?.doc.url).toBe('/articles/spamhaus-removal');
    expect(search('spam cop')[0]?.doc.url).toBe('/articles/spamcop-removal');
  });

  it('names a provider by the names in its title, not by its other words', () => {
    expect(search('addresses')[0]?.doc.url).not.toBe('/providers/yahoo');
    expect(search('verizon')[0]?.doc.url).toBe('/providers/yahoo');
    expect(search('outlook')[0]?.doc.url).toBe('/providers/outlook');
  });

  it("finds a provider by a nickname or a misspelt name", () => {
    expect(search('o365')[0]?.doc.url).toBe('/providers/microsoft365');
    expect(search('ofice 365')[0]?.doc.url).toBe('/providers/microsoft365');
  });

  it('puts the guide first for a topic with a qualifier, and answers with the best partial match', () => {
    expect(search('TLS required')[0]?.doc.url).toBe('/articles/tls-and-mta-sts');
    expect(search('spf softfail')[0]?.doc.url).toBe('/articles/spf');
  });

  it('puts the guide first when the query names its subject beside a provider or qualifiers', () => {
    expect(search('spf setup for yahoo')[0]?.doc.url).toBe('/articles/spf');
    expect(search('dmarc for gmail')[0]?.doc.url).toBe('/articles/dmarc');
  });

  it('finds the page a sentence names whole, beside qualifiers, a provider and glue words', () => {
    expect(search('outlook says my message was rejected as spam')[0]?.doc.url).toBe('/reasons/spamdetected');
    expect(search('why does my email keep bouncing back when I send to my boss at outlook')[0]?.doc.url).toBe('/articles/reading-a-bounce');
  });

  it('prefers the topic over a page that only shares the provider, and a name holding the provider over the topic', () => {
    expect(search('microsoft 365 dkim setup')[0]?.doc.url).toBe('/articles/dkim');
    expect(search('hotmail blocked my ip')[0]?.doc.url).toBe('/articles/microsoft-delisting');
  });

  it("puts a provider's entry with the code first when a sentence names both", () => {
    expect(search('i got error 550 5.1.1 when sending to gmail')[0]?.doc.url).toBe('/bounces/google/550-5-1-1-account-does-not-exist');
  });

  it("puts an organisation's removal guide first when the query says only that it blocks or lists the sender", () => {
    expect(search('our server ip is blocklisted by cloudmark')[0]?.doc.url).toBe('/articles/cloudmark-removal');
    expect(search('hotmail blacklisted us')[0]?.doc.url).toBe('/articles/microsoft-delisting');
    // Another subject beside the organisation is left to the ranking; so is the organisation alone.
    expect(search('outlook blocked my attachment')[0]?.doc.url).toBe('/articles/blocked-attachments');
    expect(search('barracuda')[0]?.doc.url).toBe('/providers/barracuda');
  });

  it('reads a sentence copied from a bounce as the cause whose name it holds whole', () => {
    expect(search('delivery failed because recipient address rejected user unknown in local recipient table')[0]?.doc.url).toBe('/reasons/userunknown');
    expect(search('domain name does not exist')[0]?.doc.url).toBe('/reasons/hostunknown');
  });

  it('counts a word found only in a summary as half a word', () => {
    expect(search('microsoft blocked my domain')[0]?.doc.url).toBe('/articles/microsoft-delisting');
  });

  it('reads a cause in another language with the diagnosis wordings', () => {
    expect(search('Postfach voll')[0]?.doc.url).toBe('/reasons/mailboxfull');
    expect(search('usuario desconocido')[0]?.doc.url).toBe('/reasons/userunknown');
  });

  it('reads a negation with or without its apostrophe as "not"', () => {
    expect(tokenize("doesn't exist")).toEqual(['not', 'exist']);
    expect(tokenize('couldnt be found')).toEqual(['not', 'be', 'found']);
    expect(tokenize("the recipient's mailbox")).toEqual(['the', 'recipients', 'mailbox']);
  });

  it('reads a misspelt word as the index word of the nearest length', () => {
    expect(search('dkim signatur failed')[0]?.doc.url).toBe('/articles/dkim');
  });

  it('does not treat an IP address as a code', () => {
    expect(search('10.4.5.1').some((hit) => hit.doc.codes.includes('4.5.1'))).toBe(false);
  });
});

describe('readQuery', () => {
  it('reads codes among filler words, most specific first', () => {
    expect(readQuery(tokenize('smtp error 550 5.1.1'))).toEqual({ intent: 'code', codes: ['5.1.1', '550'], words: ['550', '5.1.1'] });
  });
  it('reads codes with only qualifiers beside them as codes', () => {
    expect(readQuery(tokenize('554 5.7.1 rejected')).intent).toBe('code');
    expect(readQuery(tokenize('550 mailbox full')).intent).toBe('words');
  });
  it('reads "domain name" and "host name" as the word before "name"', () => {
    expect(readQuery(['domain', 'name', 'not', 'found']).words).toEqual(['domain', 'not', 'found']);
    expect(readQuery(['host', 'name', 'lookup']).words).toEqual(['host', 'lookup']);
    expect(readQuery(['sender', 'name', 'wrong']).words).toEqual(['sender', 'name', 'wrong']);
  });

  it('reads a question about time as its subject', () => {
    expect(readQuery(tokenize('how long does greylisting take'))).toEqual({ intent: 'words', codes: [], words: ['greylisting'] });
  });
  it('reads words without question words', () => {
    expect(readQuery(tokenize('how do I set up DMARC'))).toEqual({ intent: 'words', codes: [], words: ['set', 'up', 'dmarc'] });
  });
  it('joins an enhanced code typed with spaces, and nothing else', () => {
    expect(joinSpacedCodes(['550', '5', '7', '1'])).toEqual(['550', '5.7.1']);
    expect(joinSpacedCodes(['1', '2', '3', 'step'])).toEqual(['1', '2', '3', 'step']);
  });
  it('reads a localised cause only from a wording the diagnosis knows', () => {
    expect(readLocalisedCause('Benutzer unbekannt')).toBe('userunknown');
    expect(readLocalisedCause('casella piena')).toBe('mailboxfull');
    expect(readLocalisedCause('mailbox full')).toBeNull();
  });
  it('keys tags without case or punctuation', () => {
    expect(tagKey('AS(201806281)')).toBe('as201806281');
  });
});

describe('PROVIDER_WORDS', () => {
  it('names only providers that exist', () => {
    const providers = new Set(docs.filter((doc) => doc.kind === 'provider').map((doc) => doc.id.slice('provider:'.length)));
    expect(Object.keys(PROVIDER_WORDS).filter((key) => !providers.has(key))).toEqual([]);
  });
});

describe('GUIDE_WORDS', () => {
  it('names only guides that exist', () => {
    const guides = new Set(docs.filter((doc) => doc.kind === 'guide').map((doc) => doc.id.slice('guide:'.length)));
    expect(Object.keys(GUIDE_WORDS).filter((slug) => !guides.has(slug))).toEqual([]);
  });
});

describe('REMOVAL_GUIDE_NAMES', () => {
  it('names only guides that exist', () => {
    const guides = new Set(docs.filter((doc) => doc.kind === 'guide').map((doc) => doc.id.slice('guide:'.length)));
    expect(Object.keys(REMOVAL_GUIDE_NAMES).filter((slug) => !guides.has(slug))).toEqual([]);
  });
});

describe('tokenize', () => {
  it('keeps dotted codes whole and splits host names into parts too', () => {
    expect(tokenize('550 5.7.1 via emailsrvr.com')).toEqual(['550', '5.7.1', 'via', 'emailsrvr.com', 'emailsrvr', 'com']);
  });
});

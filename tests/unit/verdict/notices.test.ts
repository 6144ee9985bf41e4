// Mail-app notices with no codes: the notice's title, the DNS failure it carries and a "did you mean"
// for a near miss of a common mail domain; questions typed into the paste box go to search.
import { describe, expect, it } from 'vitest';
import { findMistypedDomains, looksLikeQuestion, readAppNotice } from '../../../src/lib/verdict/read-app-notice.ts';
import { countEdits, suggestDomain } from '../../../src/lib/verdict/suggest-domain.ts';

describe('suggestDomain', () => {
  it.each([
    ['gmial.com', 'gmail.com'],
    ['gmail.con', 'gmail.com'],
    ['hotmial.com', 'hotmail.com'],
    ['outlok.com', 'outlook.com'],
    ['yahooo.com', 'yahoo.com'],
    ['icloud.co', 'icloud.com'],
    ['GMAIL.CM', 'gmail.com'],
  ])('suggests the common domain for %s', (typed, wanted) => {
    expect(suggestDomain(typed)).toBe(wanted);
  });

  it.each(['gmail.com', 'example.org', 'acme-corp.com', 'gmx.com', 'mail.example.net', 'me.org'])('leaves %s alone', (domain) => {
    expect(suggestDomain(domain)).toBeNull();
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(countEdits('gmial', 'gmail')).toBe(1);
    expect(countEdits('', 'abc')).toBe(3);
  });
});

describe('readAppNotice', () => {
  it("reads Gmail's Address not found notice with its NXDOMAIN failure", () => {
    const notice = readAppNotice(`Address not found
Your message wasn't delivered to bob@gmial.com because the domain gmial.com couldn't be found. Check for typos or unnecessary spaces and try again.
The response was:
DNS Error: DNS type 'mx' lookup of gmial.com responded with code NXDOMAIN Domain name not found: gmial.com`);
    expect(notice).toEqual({ title: 'Address not found', dns: 'no-such-domain', domain: 'gmial.com', suggestion: 'gmail.com' });
  });

  it("reads Outlook's notice and the address's domain", () => {
    const notice = readAppNotice("Your message couldn't be delivered\nbob@example.org wasn't found at example.org.");
    expect(notice.title).toBe("Your message couldn't be delivered");
    expect(notice.domain).toBe('example.org');
    expect(notice.dns).toBeNull();
    expect(notice.suggestion).toBeNull();
  });

  it('recognises nothing in ordinary prose', () => {
    expect(readAppNotice('Hi Bob, see you at lunch tomorrow.')).toEqual({ title: null, dns: null, domain: null, suggestion: null });
  });

  it('lists each mistyped address domain once', () => {
    expect(findMistypedDomains('To: a@hotmial.com, b@hotmial.com, c@example.org')).toEqual([{ domain: 'hotmial.com', suggestion: 'hotmail.com' }]);
  });
});

describe('looksLikeQuestion', () => {
  it.each(['what does 550 mean', 'Why did my email bounce?', 'how do I fix 5.7.1', '550 or 554?'])('takes "%s" as a question', (text) => {
    expect(looksLikeQuestion(text)).toBe(true);
  });

  it.each(['550 5.1.1 User unknown', 'What follows is the bounce:\n550 5.1.1 User unknown', ''])('does not take "%s" as a question', (text) => {
    expect(looksLikeQuestion(text)).toBe(false);
  });
});

// Guards the build-time table of the phrase prefilter (phrase-literals.ts, written by
// scripts/write-phrase-literals.ts from the lexicon): it must hold exactly what requiredLiteralSets reads from
// every current term, so a fresh process prefilters from its first scan with the literals it would have
// read itself. A term the table lacks (a wording changed since) is read at run time, with the same answers.
import { describe, expect, it } from 'vitest';
import { PROVIDER_GATES, TERM_LITERALS } from '../../../src/lib/bounce/phrase-literals.ts';
import { tabulateProviderGates } from '../../../scripts/write-phrase-literals.ts';
import { rarestSequences, requiredLiteralSets } from '../../../src/lib/bounce/phrase-prefilter.ts';
import { compileLexicon, findPhrases, LEXICON_TERMS, normalizeText } from '../../../src/lib/bounce/reason-lexicon.ts';
import type { LexiconTerm } from '../../../src/lib/bounce/reason-lexicon.ts';

describe('TERM_LITERALS', () => {
  it('holds every lexicon term once, with the sets of literals requiredLiteralSets reads from it (else run npm run content)', () => {
    const sources = [...new Set(LEXICON_TERMS.map((term) => term.pattern))];
    expect(TERM_LITERALS.map(([source]) => source)).toEqual(sources);
    for (const [source, sets] of TERM_LITERALS) expect(sets, source).toEqual(requiredLiteralSets(source));
  });

  it('names where each literal\'s rarest sequence among all the lexicon\'s literals starts', () => {
    const literals = [...new Set(TERM_LITERALS.flatMap(([, sets]) => (sets ?? []).flat()))];
    const keys = rarestSequences(literals);
    const rarest = new Map(literals.map((literal, l) => [literal, keys[l]]));
    for (const [source, sets, keys] of TERM_LITERALS) expect(keys, source).toEqual(sets === null ? undefined : sets.map((set) => set.map((literal) => rarest.get(literal))));
  });
});

describe('PROVIDER_GATES', () => {
  it('holds every provider table pattern with the literals readGateLiterals reads from it now (else run npm run content)', () => {
    expect(PROVIDER_GATES).toEqual(tabulateProviderGates());
    expect(PROVIDER_GATES?.length).toBeGreaterThan(10);
    expect(PROVIDER_GATES?.some(([, sets]) => sets !== null)).toBe(true);
  });
});

describe('findPhrases with terms the build-time table does not know', () => {
  // Wordings absent from the table: their literals are read at run time.
  const added: LexiconTerm[] = [
    { id: 'test:1', reason: 'mailboxfull', strength: 'strong', source: 'project', pattern: '\\bpostbox (?:is )?brimming\\b' },
    { id: 'test:2', reason: 'userunknown', strength: 'strong', source: 'project', pattern: '\\bnobody (?:called|named) \\w+ here\\b' },
    { id: 'test:3', reason: 'blocked', strength: 'weak', source: 'project', pattern: '.{0,3}\\d+ refused' },
  ];
  const lexicon = compileLexicon([...LEXICON_TERMS.slice(0, 40), ...added]);
  const TEXTS = [
    'The postbox is brimming, sorry',
    'There is nobody called jo here. Mailbox full.',
    '550 5.1.1 user unknown; 42 refused',
    'Nothing to see here at all',
    '',
  ];

  it('finds what the plain scan of each group finds', () => {
    for (const text of TEXTS) {
      const normalized = normalizeText(text);
      expect(findPhrases(normalized, lexicon, { prefilter: true })).toEqual(findPhrases(normalized, lexicon, { prefilter: false }));
    }
    expect(findPhrases(normalizeText(TEXTS[0] ?? ''), lexicon).map((hit) => hit.reason)).toContain('mailboxfull');
    expect(findPhrases(normalizeText(TEXTS[1] ?? ''), lexicon).map((hit) => hit.text)).toContain('nobody called jo here');
  });
});

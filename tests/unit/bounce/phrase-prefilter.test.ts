// Guards the phrase prefilter (phrase-prefilter.ts): a pattern is skipped only when a set of literals every
// one of its matches holds one of is absent, so the prefiltered scan finds exactly what the plain scan of
// each group's alternation finds. Checked on hand-picked patterns, on strings generated from every term
// of the lexicon (whatever wording is added later), on both real-bounce corpora and on catalogue texts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findLiterals, gramsOf, literalGrams, mayContain, rarestSequences, requiredLiterals, requiredLiteralSets, tabulateLiterals } from '../../../src/lib/bounce/phrase-prefilter.ts';
import type { LiteralTable } from '../../../src/lib/bounce/phrase-prefilter.ts';
import { compileLexicon, DEFAULT_LEXICON, findPhrases, LEXICON_TERMS, normalizeText, normalizeTransient } from '../../../src/lib/bounce/reason-lexicon.ts';
import type { LexiconTerm } from '../../../src/lib/bounce/reason-lexicon.ts';
import { loadCatalogue } from '../../fixtures/load-catalogue.ts';
import { corpusEmailFiles } from '../../fixtures/corpus-files.ts';


// A small random generator (seeded, so failures repeat) of strings a pattern may match: one branch of each
// alternation, a count within each quantifier's range, a member of each class. A sample the pattern does
// not match (a lookaround or a word boundary was not met) is simply not used.
function makeRandom(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
}

const CLASS_CANDIDATES = ' abcdefghijklmnopqrstuvwxyz0123456789.-_@:;,/[]()<>#\'"=+';

function sampleOf(source: string, random: (n: number) => number): string {
  let at = 0;
  const alternation = (): string => {
    const branches = [sequence()];
    while (source[at] === '|') {
      at += 1;
      branches.push(sequence());
    }
    return branches[random(branches.length)] ?? '';
  };
  const sequence = (): string => {
    let out = '';
    while (at < source.length && source[at] !== '|' && source[at] !== ')') {
      const piece = atom();
      // "?", "*", "+", "{2,5}" (with an optional lazy "?")
      const quantifier = /^(?:\?|\*|\+|\{(\d+)(?:,(\d*))?\})\??/.exec(source.slice(at));
      if (quantifier === null) {
        out += piece;
        continue;
      }
      at += quantifier[0].length;
      const head = quantifier[0][0];
      const min = head === '?' || head === '*' ? 0 : head === '+' ? 1 : Number(quantifier[1]);
      const max = head === '?' ? 1 : head === '{' && quantifier[2] === undefined ? min : head === '{' && quantifier[2] !== '' ? Number(quantifier[2]) : min + 2;
      out += piece.repeat(min + random(Math.min(max, min + 2) - min + 1));
    }
    return out;
  };
  const atom = (): string => {
    const ch = source[at] ?? '';
    if (ch === '(') {
      const look = /^\(\?(?:=|!|<=|<!)/.exec(source.slice(at));
      const open = /^\((?:\?:|\?<[A-Za-z]\w*>)?/.exec(source.slice(at));
      at += look ? look[0].length : (open?.[0].length ?? 1);
      const inner = alternation();
      at += 1;
      return look ? '' : inner;
    }
    if (ch === '[') {
      const end = /^\[(?:\\.|[^\]\\])*\]/.exec(source.slice(at))?.[0] ?? '[';
      at += end.length;
      const members = Array.from(end.slice(1, -1).replace(/\\./g, '')).filter((c) => c !== '^' && c !== '-');
      const test = new RegExp(end);
      return [...members, ...Array.from(CLASS_CANDIDATES)].find((c) => test.test(c)) ?? 'x';
    }
    at += 1;
    if (ch === '\\') {
      const next = source[at] ?? '';
      at += 1;
      if (next === 'b' || next === 'B') return '';
      if (next === 'd') return String(random(10));
      if (next === 'w') return 'a';
      if (next === 's') return ' ';
      return next === 't' ? '\t' : next;
    }
    if (ch === '^' || ch === '$') return '';
    if (ch === '.') return 'x';
    return ch;
  };
  return alternation();
}

describe('requiredLiterals', () => {
  it.each([
    ['\\bno such (?:user|mailbox)', ['no such user', 'no such mailbox']],
    ['\\bover ?quota\\b', ['overquota', 'over quota']],
    ['mailbox[ ]full', ['mailbox full']],
    ['\\bspam\\b.{0,40}\\b(?:score|filter)', ['score', 'filter']],
    ['buzón[^.]{0,30}llen[oa]', ['buzón']],
    ['(?<![\\w.-])cuda_nsu(?![\\w-])', ['cuda_nsu']],
    ['[a-z]+ing', ['ing']],
    ['\\bblocked (?:using|by)\\b', ['blocked using', 'blocked by']],
    ['relay(?:ing)? (?:access )?denied', ['relay denied', 'relay access denied', 'relaying denied', 'relaying access denied']],
    ['x{2,}abc', ['abc']],
  ])('reads %s as needing one of %j', (source, expected) => {
    expect(requiredLiterals(source)).toEqual(expected);
  });

  it.each([
    ['a literal too short to filter by', 'ab'],
    ['an alternation with a branch of no literal', 'quota|\\d+'],
    ['an optional literal', '(?:mailbox )?\\w+'],
    ['an unbalanced group', '(?:mailbox full'],
    ['an escape standing for another character', '\\x41b'],
    ['a character class with a range', '[a-z]{3}'],
  ])('names nothing for %s (%s)', (_label, source) => {
    expect(requiredLiterals(source)).toBeNull();
  });

  it('does not take the digits of a hexadecimal escape as literal text ("\\x41bcd" needs "bcd")', () => {
    expect(requiredLiterals('\\x41bcd')).toEqual(['bcd']);
  });
});

describe('requiredLiteralSets', () => {
  it.each([
    ['\\bspam\\b.{0,40}\\b(?:score|filter)', [['score', 'filter'], ['spam']]],
    ['\\bno such (?:user|mailbox)', [['no such user', 'no such mailbox']]],
    ['\\b(?:spf|dkim)\\b.{0,60}\\bfail(?:ed|ure)?\\b', [['fail'], ['spf', 'dkim']]],
    ['host[ ][^ ]+[ ]refused[ ]to[ ]talk', [[' refused to talk'], ['host ']]],
    ['(?:quota|storage) .{0,9}exceeded(?: quota)+', [['exceeded'], [' quota'], ['quota ', 'storage ']]],
    ['x{2,}abc', [['abc']]],
  ])('reads %s as needing one literal of each of %j', (source, expected) => {
    expect(requiredLiteralSets(source)).toEqual(expected);
  });

  it('leaves out a set another implies, and literals holding another of their set', () => {
    expect(requiredLiteralSets('\\bspamhaus(?: pbl)?\\b.{0,20}spamhaus pbl')).toEqual([['spamhaus pbl']]);
    expect(requiredLiteralSets('\\bunauthenticated senders?\\b')).toEqual([['unauthenticated sender']]);
  });

  it.each(['ab', 'quota|\\d+', '(?:mailbox )?\\w+', '(?:mailbox full', '[a-z]{3}'])('names nothing for %s', (source) => {
    expect(requiredLiteralSets(source)).toBeNull();
  });

  it('names a set wherever requiredLiterals names literals, for every lexicon term', () => {
    for (const term of LEXICON_TERMS) expect(requiredLiteralSets(term.pattern) === null, term.pattern).toBe(requiredLiterals(term.pattern) === null);
  });
});

describe('mayContain', () => {
  it('answers false only for a literal the text cannot hold', () => {
    const grams = gramsOf('550 the mailbox is full');
    expect(mayContain(grams, literalGrams('mailbox'))).toBe(true);
    expect(mayContain(grams, literalGrams('is full'))).toBe(true);
    expect(mayContain(grams, literalGrams('quota'))).toBe(false);
  });

  it('reuses a gram set without keeping the previous text', () => {
    const grams = gramsOf('over quota');
    gramsOf('user unknown', grams);
    expect(mayContain(grams, literalGrams('quota'))).toBe(false);
    expect(mayContain(grams, literalGrams('unknown'))).toBe(true);
  });
});

describe('findLiterals', () => {
  // The reference: every literal of three characters or more that the text holds, by indexOf, in number order.
  const heldIn = (text: string, literals: readonly string[]): number[] => literals.flatMap((literal, l) => (literal.length >= 3 && text.includes(literal) ? [l] : []));
  const listedIn = (text: string, table: LiteralTable): number[] => {
    const listed = new Int32Array(table.literals.length);
    const count = findLiterals(text, table, listed);
    const numbers = [...listed.slice(0, count)];
    expect(new Set(numbers).size, 'each literal listed once').toBe(numbers.length);
    expect([...table.found].every((flag, l) => flag === (numbers.includes(l) ? 1 : 0)), 'found flags the listed literals').toBe(true);
    table.found.fill(0);
    return numbers.sort((a, b) => a - b);
  };

  it('lists exactly the literals the text holds, and flags them', () => {
    const literals = ['mailbox', 'is full', 'quota', 'user unknown', 'the', 'over quota', 'mailbox is full'];
    const table = tabulateLiterals(literals);
    expect(listedIn('550 the mailbox is full', table)).toEqual([0, 1, 4, 6]);
    expect(listedIn('mailbox mailbox; the the', table)).toEqual([0, 4]);
    expect(listedIn('', table)).toEqual([]);
    expect(listedIn('ma', table)).toEqual([]);
  });

  it('lists the same literals whichever of its sequences a literal is keyed by', () => {
    const literals = ['mailbox', 'is full', 'quota', 'user unknown', 'the', 'over quota', 'mailbox is full', 'ab', 'aaa', 'aaaa', 'aaaaaa', 'x.y.z.', 'ox is '];
    const texts = ['550 the mailbox is full', 'user unknown; over quota', 'nothing here', 'mailbox mailbox ab', 'quotaquota', 'aaaaa', 'aaaaaaaa', 'mailbox is ful', 'ailbox is full', 'x.y.z.x.y.z.', 'box is '];
    expect(rarestSequences(literals)).toHaveLength(literals.length);
    expect(rarestSequences(literals)[7]).toBe(-1);
    // Keys at the start, at the end (six characters key a literal of six or more, three a shorter one), the rarest.
    const choices = [undefined, literals.map(() => 0), literals.map((literal) => literal.length - (literal.length >= 6 ? 6 : 3)), rarestSequences(literals)];
    for (const text of texts) {
      for (const keys of choices) expect(listedIn(text, tabulateLiterals(literals, keys)), `${text} ${String(keys)}`).toEqual(heldIn(text, literals));
    }
  });

  it('lists what indexOf finds for generated literals and texts', () => {
    // Few letters, so literals overlap, repeat and share their sequences.
    const letters = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '.', 'é', '宛'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 30 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '.', 'x', 'é', '宛'), maxLength: 200 }), (literals, text) => {
        const unique = [...new Set(literals)];
        expect(listedIn(text, tabulateLiterals(unique))).toEqual(heldIn(text, unique));
      }),
      { numRuns: 300 },
    );
  });

  it('lists every literal of the lexicon in the corpus bounces as indexOf does', () => {
    const literals = [...new Set(LEXICON_TERMS.flatMap((term) => (requiredLiteralSets(term.pattern) ?? []).flat()))];
    const table = tabulateLiterals(literals);
    for (const file of corpusEmailFiles().slice(0, 120)) {
      const text = normalizeText(readFileSync(file, 'latin1')).text;
      expect(listedIn(text, table), file).toEqual(heldIn(text, literals));
    }
  });
});

describe('normalizeText', () => {
  // The reference: one character at a time, each run of white space one space at its first character.
  const reference = (original: string): { text: string; offsets: number[] } => {
    let masked = original.replace(/(?<![\w.])[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3}(?![\w.]))?/g, (code) => ' '.repeat(code.length));
    const lower = masked.toLowerCase();
    masked = lower.length === masked.length ? lower : masked.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
    let text = '';
    const offsets: number[] = [];
    let lastSpace = true;
    for (let i = 0; i < masked.length; i += 1) {
      const space = /[ \t\n\r\f\v\u00a0]/.test(masked[i] ?? '');
      if (space && lastSpace) continue;
      text += space ? ' ' : (masked[i] ?? '');
      offsets.push(i);
      lastSpace = space;
    }
    offsets.push(masked.length);
    return { text, offsets };
  };
  const same = (original: string): void => {
    const normalized = normalizeText(original);
    const expected = reference(original);
    expect(normalized.text).toBe(expected.text);
    expect(normalized.length).toBe(expected.text.length);
    expect([...normalized.offsets.subarray(0, normalized.length + 1)]).toEqual(expected.offsets);
    // The shared buffer holds the same offsets, whatever a longer text left in it before.
    const transient = normalizeTransient(original);
    expect(transient.text).toBe(expected.text);
    expect([...transient.offsets.subarray(0, transient.length + 1)]).toEqual(expected.offsets);
  };

  it('lower-cases, collapses white space and maps every character back, as one character at a time does', () => {
    for (const text of ['', ' ', '  \r\n ', 'A', ' Mailbox  FULL\r\n\t', '550-5.1.1 The\r\n550-5.1.1 user', 'İstanbul  ÄÖ\u00a0x', 'a\u2028b\u000bc\fd']) same(text);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\t', '\r', '\n', '\u00a0', '\u2028', 'İ', '5', '0', '-', '.', '4'), maxLength: 60 }), (text) => {
        same(text);
      }),
      { numRuns: 500 },
    );
  });

  it('normalizes every corpus bounce as one character at a time does', () => {
    for (const file of corpusEmailFiles().slice(0, 60)) same(readFileSync(file, 'latin1'));
    // A text longer than the shared buffer grows it.
    same(`550-5.1.1 ${'Mailbox  full\r\n'.repeat(2000)}`);
  });
});

describe('findPhrases with the prefilter', () => {
  const same = (text: string, lexicon = DEFAULT_LEXICON): void => {
    const normalized = normalizeText(text);
    expect(findPhrases(normalized, lexicon, { prefilter: true })).toEqual(findPhrases(normalized, lexicon, { prefilter: false }));
  };

  it('keeps a required literal in every generated match of every lexicon term', () => {
    let sampled = 0;
    for (const term of LEXICON_TERMS) {
      const pattern = new RegExp(term.pattern);
      const need = requiredLiterals(term.pattern);
      const sets = requiredLiteralSets(term.pattern) ?? [];
      const random = makeRandom(term.id.length * 7919 + term.pattern.length);
      let matched = false;
      for (let n = 0; n < 12; n += 1) {
        const sample = ` ${sampleOf(term.pattern, random)} `;
        const match = pattern.exec(sample);
        if (match === null) continue;
        matched = true;
        if (need !== null) expect(need.some((literal) => match[0].includes(literal)), `${term.id} ${term.pattern} on "${sample}"`).toBe(true);
        for (const set of sets) expect(set.some((literal) => match[0].includes(literal)), `${term.id} ${term.pattern} on "${sample}": ${set.join('|')}`).toBe(true);
        same(sample);
      }
      if (matched) sampled += 1;
    }
    // Nearly every term yields a sample it matches; the few that do not have lookarounds the generator ignores.
    expect(sampled / LEXICON_TERMS.length).toBeGreaterThan(0.95);
  });

  it('finds what the plain scan finds in texts holding all but one set of literals a term needs', () => {
    let texts = 0;
    for (const term of LEXICON_TERMS) {
      const sets = requiredLiteralSets(term.pattern) ?? [];
      if (sets.length < 2) continue;
      const random = makeRandom(term.pattern.length * 31 + sets.length);
      const sample = sampleOf(term.pattern, random);
      sets.forEach((_, missing) => {
        const partial = sets.flatMap((set, k) => (k === missing ? [] : [set[random(set.length)] ?? '']));
        same(`550 ${partial.join(' .. ')} ${sample}`);
        same(partial.reverse().join(' '));
        texts += 1;
      });
    }
    expect(texts).toBeGreaterThan(200);
  });

  it('finds plain-text terms where their patterns would, word boundaries included', () => {
    const sources = ['\\bover quota\\b', '\\bquota', 'quota\\b', 'user_unknown', '\\bno such user\\.', 'a\\\\b', '\\b550\\b', '\\b\\.com\\b', '\\bfoo\\b|\\bquota exceeded\\b'];
    const terms: LexiconTerm[] = sources.map((pattern, n) => ({ id: `test:${String(n)}`, reason: n % 2 === 0 ? 'mailboxfull' : 'userunknown', strength: 'strong', source: 'project', pattern }));
    const lexicon = compileLexicon(terms);
    const texts = [
      'over quota',
      'xover quota over quotas; over quota.',
      '_quota quota_ (quota)',
      'user_unknown2 and user_unknown',
      'no such user. no such user.x',
      'a\\b',
      '1550 550x 550',
      'example.com x.com.y .com',
      'quota exceeded',
      'nothing',
    ];
    for (const text of texts) same(text, lexicon);
    expect(findPhrases(normalizeText('The user is over quota.'), lexicon).map((hit) => hit.text)).toEqual(['over quota', 'quota']);
  });

  it('finds what the plain scan finds in every corpus bounce', () => {
    const files = corpusEmailFiles();
    expect(files.length).toBeGreaterThan(500);
    for (const file of files) same(readFileSync(file, 'latin1'));
  });

  it('finds what the plain scan finds in every catalogue text, and with a lexicon missing some terms', () => {
    const without = compileLexicon(LEXICON_TERMS.filter((term) => term.reason !== 'userunknown'));
    for (const entry of loadCatalogue()) {
      for (const text of entry.texts) {
        same(text);
        same(text, without);
      }
    }
  });
});

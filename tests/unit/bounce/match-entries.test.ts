// Guards the catalogue index of matchEntries: scoring only the indexed candidates (entries sharing a
// token or a tag with the input, and whose best possible score reaches the threshold) must give exactly
// the ranking of scoring every entry, over both real corpora (raw and decoded) and every catalogue text,
// at several thresholds and with none.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractCodes } from '../../../src/lib/bounce/extract-codes.ts';
import { compareIds, findStandingTags, foldSpaces, indexCatalogue, inputTokenIds, inputWeights, matchEntries, primeCatalogue, tokenizeForMatch } from '../../../src/lib/bounce/match-entries.ts';
import { readEmail } from '../../../src/lib/bounce/read-email.ts';
import type { MatchableEntry } from '../../../src/lib/bounce/types.ts';
import { loadCatalogue } from '../../fixtures/load-catalogue.ts';
import { corpusTexts } from '../../fixtures/corpus-files.ts';

const catalogue = loadCatalogue();

const corpus = corpusTexts();

function expectSameRanking(texts: readonly string[]): void {
  for (const text of texts) {
    const findings = extractCodes(text);
    for (const options of [{ limit: 1000 }, { limit: 1000, minScore: 0 }, { limit: 1000, minScore: 0.25 }, { limit: 1000, minScore: 0.6 }]) {
      expect(matchEntries(text, findings, catalogue, options), text.slice(0, 120)).toEqual(matchEntries(text, findings, catalogue, { ...options, exhaustive: true }));
    }
  }
}

describe('matchEntries through the catalogue index', () => {
  it('ranks every catalogue text as scoring every entry does', () => {
    expectSameRanking(catalogue.flatMap((entry) => entry.texts));
  });

  it('ranks every corpus email, raw and decoded, as scoring every entry does', async () => {
    const decoded = await Promise.all(corpus.map(async (text) => {
      const parts = await readEmail(text);
      return [parts.body, parts.deliveryStatus, parts.feedbackReport].join('\n\n');
    }));
    expectSameRanking([...corpus, ...decoded]);
  });

  it('finds an entry by its provider tag alone', () => {
    const tagged = catalogue.find((entry) => (entry.tag ?? '').length >= 4 && !entry.tag?.includes(';'));
    expect(tagged?.tag).toBeTruthy();
    const text = `Remote server said: ${tagged?.tag ?? ''}`;
    const ids = matchEntries(text, extractCodes(text), catalogue, { limit: 1000, minScore: 0 }).map((m) => m.id);
    expect(ids).toContain(tagged?.id);
  });
});

// The "identical" tie-break compares exact forms only for texts equal to the input once folded (case and
// white space); it must still tell two such texts apart by case, and never prefer a text that differs.
describe('matchEntries tie-breaks between texts that normalise alike', () => {
  const entry = (id: string, text: string): MatchableEntry => ({ id, texts: [text], reply: '550', enhanced: null, tag: null, reason: 'userunknown' });
  const twins = [entry('a/lower', '550 mailbox unavailable, user unknown'), entry('b/upper', '550 Mailbox Unavailable, User Unknown'), entry('c/spaced', '550  mailbox unavailable,\nuser unknown here')];

  it('ranks first the text equal to the input with its case, whichever it is', () => {
    for (const wanted of twins.slice(0, 2)) {
      const text = wanted.texts[0] ?? '';
      expect(matchEntries(text, extractCodes(text), twins)[0]?.id).toBe(wanted.id);
      expect(matchEntries(`  ${text.replace(/ /g, '\t ')}\n`, extractCodes(text), twins)[0]?.id).toBe(wanted.id);
    }
  });

  it('prefers neither cased text when the input equals neither with its case', () => {
    const text = '550 MAILBOX UNAVAILABLE, USER UNKNOWN';
    expect(matchEntries(text, extractCodes(text), twins).map((m) => m.id).slice(0, 2)).toEqual(['a/lower', 'b/upper']);
  });
});

// The tokenizer as plain chained replacements: the reference its shortcuts (addresses looked for only
// near an "@", example domains only when named) must agree with.
function tokenizePlainly(text: string): string[] {
  const STOP = new Set('a an the to of is are was were be been for your you our we this that it its in on at by from with and or as please more information visit see http https www html htm com org net if not no'.split(' '));
  return text
    .toLowerCase()
    .replace(/[<{]?\$?\{?[\w.+=$%'-]{1,64}@[\w.$-]{0,253}\}?[>}]?/g, ' zaddress ')
    .replace(/\[?\b(?:\d{1,3}|x{1,3})(?:\.(?:\d{1,3}|x{1,3})){3}\b\]?|\b[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}\b/gi, ' zip ')
    .replace(/\[\$?[\w.]{1,40}\]|\{[\w.]{1,40}\}|\$[a-z][\w]{1,40}|\[x{3,}\]/gi, ' zvalue ')
    .replace(/\b(?:[\w-]{1,63}\.){0,8}(?:example|domain)\.(?:com|org|net)\b/gi, ' zdomain ')
    .replace(/(?<![\w.])(?:[245]\.\d{1,3}\.\d{1,3}(?:-\d{1,3})?|[245]\d\d)(?![\w]|\.\d)/g, ' ')
    .split(/[^a-z0-9\u00c0-\uffff]+/)
    .filter((token) => token.length > 0 && !STOP.has(token));
}

describe('tokenizeForMatch', () => {
  it('tokenizes every corpus email and catalogue text as the plain replacements do', () => {
    for (const text of [...corpus, ...catalogue.flatMap((entry) => entry.texts)]) expect(tokenizeForMatch(text)).toEqual(tokenizePlainly(text));
  });

  it('replaces addresses as the plain pattern does, however the "@" signs and address characters fall', () => {
    const piece = fc.constantFrom('@', 'a', 'B', '.', '-', ' ', '<', '>', '{', '}', '$', "'", 'x'.repeat(70), 'y'.repeat(260), 'example.com', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(tokenizeForMatch(text)).toEqual(tokenizePlainly(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('tokenizeForMatch around IP addresses', () => {
  it('replaces IPv4 and IPv6 addresses as the plain pattern does, however digits, dots and colons fall', () => {
    const piece = fc.oneof(
      fc.constantFrom(':', '::', '.', '1', '12', '255', 'x', 'X', 'a', 'fe80', 'F', 'g', ' ', '[', ']', '-', '\n'),
      fc.constantFrom('192.0.2.1', '[10.0.0.1]', 'xx.xx.xx.xx', '2001:db8::1', '12:34:56', '1234:', 'ffff:', ':abcd', 'é', 'zip'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(tokenizeForMatch(text)).toEqual(tokenizePlainly(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('tokenizeForMatch around example domains', () => {
  it('replaces example domains as the plain pattern does, however labels, dots and names fall', () => {
    const piece = fc.constantFrom('example.', 'domain.', 'EXAMPLE.', 'com', 'org', 'net', 'jp', '.', '-', '_', 'a', 'mx1', 'x'.repeat(64), ' ', '@', '/', '\u212a', 'é', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(tokenizeForMatch(text)).toEqual(tokenizePlainly(text));
      }),
      { numRuns: 4000 },
    );
  });
});

describe('findStandingTags', () => {
  const tags = ['resolver.adr.recipnotfound', 'cuda_nsu', 'id-5.9.2', 'tss04', 'ab-c'];
  const standing = (tag: string): RegExp => new RegExp(`(?<![\\w.-])${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`);

  it('finds every tag of a set exactly where its standing-alone pattern does, however the runs fall', () => {
    const set = new Set([...tags, 'resolver.adr', 'tss0', 'x.y-z']);
    const piece = fc.constantFrom(...set, 'resolver', '.adr', '.', '-', '_', 'x', '4', ' ', '\n', '(', 'é', 'K', '\u212a', 'ts', 'cu');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const text = pieces.join('');
        const found = findStandingTags(text, set);
        for (const tag of set) expect(found.has(tag), `${tag} in ${JSON.stringify(text)}`).toBe(tag.length >= 4 && standing(tag).test(text));
      }),
      { numRuns: 3000 },
    );
  });

  const surroundings = ['', ' ', '.', '-', '_', 'x', '(', ')', '[', ']', '.x', '-2', '..', ':', '@', 'é'];

  it('finds a tag exactly where the standing-alone pattern does', () => {
    for (const tag of tags) {
      const pattern = new RegExp(`(?<![\\w.-])${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`);
      for (const before of surroundings) {
        for (const after of surroundings) {
          const text = `reply ${before}${tag}${after} end`;
          expect(findStandingTags(text, new Set(tags)).has(tag), JSON.stringify(text)).toBe(pattern.test(text));
        }
      }
    }
  });
});

// The command line and the library prime their catalogue with an index computed at build time and
// bundled as JSON; matching with it must give exactly what preparing the catalogue at run time gives.
describe('primeCatalogue', () => {
  const index = indexCatalogue(catalogue);
  const sample = [...catalogue.flatMap((entry) => entry.texts), ...corpus.slice(0, 120)];

  it('survives JSON unchanged (the IDF weights to the last bit)', () => {
    expect(JSON.parse(JSON.stringify(index))).toEqual(index);
  });

  it('ranks as a catalogue prepared at run time does', () => {
    const primed = catalogue.map((entry) => ({ ...entry }));
    primeCatalogue(primed, JSON.parse(JSON.stringify(index)) as typeof index);
    const fresh = catalogue.map((entry) => ({ ...entry }));
    for (const text of sample) {
      const findings = extractCodes(text);
      expect(matchEntries(text, findings, primed, { limit: 1000, minScore: 0 }), text.slice(0, 120)).toEqual(matchEntries(text, findings, fresh, { limit: 1000, minScore: 0 }));
    }
  });

  it('ignores an index made for another catalogue', () => {
    const other = catalogue.slice(1).map((entry) => ({ ...entry }));
    primeCatalogue(other, index);
    const fresh = catalogue.slice(1).map((entry) => ({ ...entry }));
    for (const text of sample.slice(0, 200)) {
      const findings = extractCodes(text);
      expect(matchEntries(text, findings, other, { limit: 1000, minScore: 0 })).toEqual(matchEntries(text, findings, fresh, { limit: 1000, minScore: 0 }));
    }
  });
});

describe('compareIds', () => {
  const sign = (n: number): number => Math.sign(n);

  it('orders every pair of catalogue ids as localeCompare does', () => {
    const ids = catalogue.map((entry) => entry.id);
    const disagreeing: string[] = [];
    for (const a of ids) for (const b of ids) if (sign(compareIds(a, b)) !== sign(a.localeCompare(b))) disagreeing.push(`${a} ${b}`);
    expect(disagreeing).toEqual([]);
  });

  it('orders generated ids, plain or not, as localeCompare does', () => {
    const id = fc.string({ unit: fc.constantFrom(...'-/09az_.AZé '.split('')), maxLength: 8 });
    fc.assert(
      fc.property(id, id, (a, b) => {
        expect(sign(compareIds(a, b))).toBe(sign(a.localeCompare(b)));
      }),
      { numRuns: 5000 },
    );
  });
});

// Matching reads an input's tokens as it splits them, skipping stop words as it goes; they must be
// tokenizeForMatch's tokens, numbered by the catalogue's vocabulary.
describe('inputTokenIds', () => {
  const words = indexCatalogue(catalogue).vocabulary.split(' ');
  const idOf = new Map(words.map((word, id) => [word, id]));
  const expected = (text: string): number[] => tokenizeForMatch(text).map((token) => idOf.get(token) ?? -1);

  it('numbers the tokens of every corpus email and catalogue text as tokenizeForMatch finds them', () => {
    for (const text of [...corpus, ...catalogue.flatMap((entry) => entry.texts)]) expect([...inputTokenIds(text, catalogue)]).toEqual(expected(text));
  });

  it('numbers the tokens of generated text, stop words and unknown words included', () => {
    const piece = fc.constantFrom(...words.slice(0, 40), 'the', 'a', 'of', 'and', 'zzqx', 'Mailbox', ' ', '  ', '.', '-', '\n', '550', '5.1.1', 'user@example.com', '10.0.0.1', 'é', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect([...inputTokenIds(text, catalogue)]).toEqual(expected(text));
      }),
      { numRuns: 2000 },
    );
  });
});

// The input's distinct tokens (catalogue words with their IDF weight, other words with weight 1) are
// told apart where they stand in the text, by hash tables: they must be tokenizeForMatch's distinct tokens.
describe('inputWeights', () => {
  const index = indexCatalogue(catalogue);
  const words = index.vocabulary.split(' ');
  const weightOf = new Map(words.map((word, id) => [word, index.idf[id] ?? 1]));
  const expected = (text: string): number[] => [...new Set(tokenizeForMatch(text))].map((token) => weightOf.get(token) ?? 1);

  it('weighs the distinct tokens of every corpus email and catalogue text as tokenizeForMatch finds them', () => {
    for (const text of [...corpus, ...catalogue.flatMap((entry) => entry.texts)]) expect(inputWeights(text, catalogue)).toEqual(expected(text));
  });

  it('weighs the distinct tokens of generated text, repeated unknown words and non-ASCII included', () => {
    const word = fc.constantFrom('zzqx', 'zzqy', 'qxzz', 'ab', 'ba', 'the', 'of', 'Mailbox', 'MAILBOX', '550', 'é', 'É', '\u00c0', '\ud83d\ude00', '\u212a', '\u0130', ...words.slice(0, 30));
    const piece = fc.oneof(word, fc.constantFrom(' ', '.', '-', '\n', '\u00bf', '_', ''));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        expect(inputWeights(text, catalogue)).toEqual(expected(text));
        expect([...inputTokenIds(text, catalogue)]).toEqual(tokenizeForMatch(text).map((token) => words.indexOf(token)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('foldSpaces', () => {
  it('folds white space as replacing every run by one space does', () => {
    const piece = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\u3000', '\ufeff', 'a', 'é', '550', '.', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(foldSpaces(text)).toBe(text.replace(/\s+/g, ' '));
      }),
      { numRuns: 5000 },
    );
    for (const text of corpus) expect(foldSpaces(text)).toBe(text.replace(/\s+/g, ' '));
  });
});

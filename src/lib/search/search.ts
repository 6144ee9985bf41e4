// Site search over every kind of page (codes, guides, causes, providers, entries), fast enough to run on
// every keystroke over 10,000 documents. Documents are indexed by word (an inverted index weighted by
// field and rarity); each query word is matched exactly, by its stem (./word-forms.ts), by prefix (the
// word being typed) and, with swapped letters or through fuse.js over the vocabulary, fuzzily ("acess"
// finds "access"). Codes and tags ("550", "5.7.1", "g17") count only when exact. What the query asks for
// (./intent.ts) weighs the kinds; a page the query names whole counts one word more. Pure: no DOM.
import Fuse from 'fuse.js';
import { editDistance } from '../content/suggest.ts';
import type { SearchDocument, SearchKind } from '../content/build.ts';
import { KIND_COVERAGE, KIND_WEIGHTS, PROVIDER_NOISE, QUALIFIER_COVERAGE, QUALIFIER_WORDS, STOP_WORDS, readLocalisedCause, readQuery, tagKey, type Intent } from './intent.ts';
import { LISTED_THINGS, LISTING_WORDS, REMOVAL_GUIDE_NAMES } from './topic-words.ts';
import { stem, swapNeighbours } from './word-forms.ts';

type Field = 'codes' | 'tag' | 'title' | 'keywords' | 'texts' | 'summary' | 'provider';

const FIELD_WEIGHTS: Record<Field, number> = { codes: 3, tag: 3, title: 2, keywords: 2, texts: 2, summary: 1, provider: 0.5 };
const FIELD_LABELS: Record<Field, string> = {
  codes: 'code',
  tag: 'tag',
  title: 'title',
  keywords: 'subject',
  texts: 'bounce text',
  summary: 'summary',
  provider: 'provider',
};

/** A word: letters and digits, with inner dots kept, e.g. "5.7.1", "emailsrvr.com", "relay". */
const WORD = /[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*/gu;
/** A code-like word that must match exactly: "550", "5.7.1", "g17", "tss04", "bl21". */
const CODE_WORD = /^(?:\d{3}|\d\.\d{1,3}\.\d{1,3}|[a-z]{1,6}\d{1,9}[a-z]?)$/;

export type SearchHit = {
  doc: SearchDocument;
  score: number;
  /** What matched, for display: the field and its text with [start, end) ranges to highlight. */
  matched: { field: string; text: string; ranges: [number, number][] } | null;
};

export type Suggestion = { label: string; url: string };

export type Searcher = ((query: string, limit?: number) => SearchHit[]) & {
  /** For a query with no result: the codes and tags nearest to what was typed. */
  nearest: (query: string) => Suggestion[];
};

type Posting = { doc: number; weight: number };

/** An apostrophe inside a word, dropped so "doesn't" and "doesnt" read the same: "recipient's" -> "recipients". */
const APOSTROPHE = /(\p{L})['\u2019](\p{L})/gu;
/** Negations written as one word, read as "not": "doesn't exist", "couldnt be found". */
const NEGATIONS = new Set(['dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'cant', 'cannot', 'couldnt', 'wont', 'wouldnt', 'shouldnt', 'hasnt', 'havent', 'hadnt', 'mustnt', 'neednt']);
/** Text with nothing but ASCII, e.g. "550 5.1.1 user unknown". */
const ASCII = /^\p{ASCII}*$/u;

/** Splits text into lower-case words; a dotted word also yields its parts ("emailsrvr.com" -> "emailsrvr", "com"). */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  const lower = text.toLowerCase();
  // Plain ASCII has no accents to strip (NFKD leaves it as it is), so skip the costly normalisation.
  const folded = ASCII.test(lower) ? lower : lower.normalize('NFKD').replace(/\p{M}/gu, '');
  const plain = folded.includes("'") || folded.includes('\u2019') ? folded.replace(APOSTROPHE, '$1$2') : folded;
  for (const match of plain.matchAll(WORD)) {
    const word = match[0];
    if (NEGATIONS.has(word)) {
      words.push('not');
      continue;
    }
    words.push(word);
    if (word.includes('.') && /[a-z]/.test(word)) words.push(...word.split('.'));
  }
  return words;
}

function fieldTexts(doc: SearchDocument): [Field, string][] {
  return [
    ['codes', doc.codes.join(' ')],
    ['tag', doc.tag ?? ''],
    ['title', doc.title],
    ['keywords', doc.keywords.join(' ; ')],
    ...doc.texts.map((text): [Field, string] => ['texts', text]),
    ['summary', doc.summary],
    ['provider', doc.provider],
  ];
}

export function createSearcher(docs: readonly SearchDocument[]): Searcher {
  const postings = new Map<string, Posting[]>();
  const stems = new Map<string, string>();
  const stemOf = (word: string): string => {
    let base = stems.get(word);
    if (base === undefined) stems.set(word, (base = stem(word)));
    return base;
  };
  docs.forEach((doc, index) => {
    // A word's weight in an entry adds up over the fields it appears in (once per field).
    const weights = new Map<string, number>();
    const seen = new Set<string>();
    for (const [field, text] of fieldTexts(doc)) {
      for (const token of new Set(tokenize(text))) {
        // A word also stands in the index as its stem, so "bounced" finds "bounces" and "bouncing".
        const base = stemOf(token);
        for (const word of base === token ? [token] : [token, base]) {
          const key = `${field}:${word}`;
          if (seen.has(key)) continue;
          seen.add(key);
          weights.set(word, (weights.get(word) ?? 0) + FIELD_WEIGHTS[field]);
        }
      }
    }
    for (const [word, weight] of weights) {
      let list = postings.get(word);
      if (!list) postings.set(word, (list = []));
      list.push({ doc: index, weight });
    }
  });
  const vocabulary = [...postings.keys()].sort();
  const words = vocabulary.filter((word) => !CODE_WORD.test(word) && word.length >= 3);
  const wordLetters = Uint32Array.from(words, letterMask);
  const rarity = (word: string): number => Math.log(1 + docs.length / (postings.get(word)?.length ?? docs.length));
  const expansionCache = new Map<string, [string, number][]>();
  // Per entry, worked out on first use: its texts and title as query-normal word strings, and its specificity.
  const phraseTexts: (string[] | undefined)[] = [];
  const specificities: (number | undefined)[] = [];
  const phraseTextsOf = (index: number): string[] => {
    const doc = docs[index] as SearchDocument;
    return (phraseTexts[index] ??= [...doc.texts, doc.title, ...doc.keywords].flatMap((text) => {
      const tokens = tokenize(text);
      return [tokens.join(' '), tokens.map(stem).join(' ')];
    }));
  };
  const specificityOf = (index: number): number =>
    (specificities[index] ??= 1 / (1 + Math.log(1 + (docs[index] as SearchDocument).texts.join(' ').length / 200)));

  /** Words of the index that a query word stands for, with a similarity from 0 to 1. */
  const expand = (word: string, isLast: boolean): [string, number][] => {
    const key = `${word}\u0000${String(isLast)}`;
    const cached = expansionCache.get(key);
    if (cached) return cached;
    const found = new Map<string, number>();
    if (postings.has(word)) found.set(word, 1);
    const base = stem(word);
    if (base !== word && postings.has(base)) found.set(base, 0.95);
    if (!CODE_WORD.test(word)) {
      if (isLast && word.length >= 2) {
        for (let i = lowerBound(vocabulary, word); i < vocabulary.length && (vocabulary[i] ?? '').startsWith(word); i++) {
          const candidate = vocabulary[i] ?? '';
          if (!found.has(candidate)) found.set(candidate, 0.9);
          // A short start stands for many words: take fewer of them, the typed word will narrow it.
          if (found.size >= (PREFIX_WORDS[Math.min(word.length, 4)] ?? 40)) break;
        }
      }
      // A word still being typed that already begins index words is not a typo yet: fuzzy matching (the
      // costly part, over the whole vocabulary) is for words that match nothing as they stand. Numbers
      // ("2018062", an IP's octets) are not misspelt words: a near number means something else.
      // Two neighbouring letters swapped ("gmial") cost fuse.js two edits; look them up directly first.
      if (word.length >= 4 && found.size === 0 && !/\d/.test(word)) {
        for (const swapped of swapNeighbours(word)) if (postings.has(swapped)) found.set(swapped, 0.85);
      }
      if (word.length >= 4 && found.size === 0 && !/\d/.test(word)) {
        for (const result of searchFuzzy(words, wordLetters, word)) {
          const similarity = 0.85 * (1 - result.score);
          if (!found.has(result.item)) found.set(result.item, similarity);
        }
      }
    }
    const expansions = [...found.entries()];
    if (expansionCache.size > 5000) expansionCache.clear();
    expansionCache.set(key, expansions);
    return expansions;
  };

  /**
   * For one query word: each entry it matches, with its best value, the index word that gave it and the
   * share of a word it covers (a word only in a page's summary or provider covers less, and so does a word
   * most pages hold: "not", "send"). Cached.
   */
  type WordHits = { docs: Int32Array; values: Float64Array; words: string[]; shares: Float64Array };
  const hitsCache = new Map<string, WordHits>();
  const bestValue = new Float64Array(docs.length);
  const bestWord: string[] = new Array<string>(docs.length);
  const bestStamp = new Uint32Array(docs.length);
  const bestWeight = new Float64Array(docs.length);
  let stamp = 0;
  const hitsFor = (queryWord: string, isLast: boolean): WordHits => {
    const key = `${queryWord}\u0000${String(isLast)}`;
    const cached = hitsCache.get(key);
    if (cached) return cached;
    const wordId = ++stamp;
    const order: number[] = [];
    for (const [word, similarity] of expand(queryWord, isLast)) {
      const idf = rarity(word);
      for (const posting of postings.get(word) ?? []) {
        const value = similarity * posting.weight * idf;
        const doc = posting.doc;
        if (bestStamp[doc] !== wordId) {
          bestStamp[doc] = wordId;
          bestValue[doc] = value;
          bestWord[doc] = word;
          bestWeight[doc] = posting.weight;
          order.push(doc);
        } else {
          if (value > (bestValue[doc] ?? 0)) {
            bestValue[doc] = value;
            bestWord[doc] = word;
          }
          bestWeight[doc] = Math.max(bestWeight[doc] ?? 0, posting.weight);
        }
      }
    }
    const hits: WordHits = {
      docs: Int32Array.from(order),
      values: Float64Array.from(order, (doc) => bestValue[doc] ?? 0),
      words: order.map((doc) => bestWord[doc] ?? ''),
      shares: Float64Array.from(order, (doc) => Math.min(1, (bestWeight[doc] ?? 0) / FULL_WEIGHT) * Math.min(1, rarity(bestWord[doc] ?? '') / COMMON_RARITY)),
    };
    if (hitsCache.size > 500) hitsCache.clear();
    hitsCache.set(key, hits);
    return hits;
  };

  // Per query: score and coverage per entry, reset lazily by a stamp, and where in each word's hits it is.
  const totalScore = new Float64Array(docs.length);
  const coverage = new Float64Array(docs.length);
  const queryStamp = new Uint32Array(docs.length);
  const MAX_WORDS = 12;
  const hitIndex = new Int32Array(docs.length * MAX_WORDS);
  const hitStamp = new Uint32Array(docs.length * MAX_WORDS);
  const bounds = new Float64Array(docs.length);

  const KINDS: readonly SearchKind[] = ['code', 'guide', 'cause', 'provider', 'entry'];
  const kindOf = Uint8Array.from(docs, (doc) => Math.max(0, KINDS.indexOf(doc.kind)));
  const [GUIDE, CAUSE] = [KINDS.indexOf('guide'), KINDS.indexOf('cause')];
  const weightTables: Record<Intent, Float64Array> = {
    code: Float64Array.from(KINDS, (kind) => KIND_WEIGHTS.code[kind]),
    words: Float64Array.from(KINDS, (kind) => KIND_WEIGHTS.words[kind]),
  };
  const coverageTables: Record<Intent, Float64Array> = {
    code: Float64Array.from(KINDS, (kind) => KIND_COVERAGE.code[kind]),
    words: Float64Array.from(KINDS, (kind) => KIND_COVERAGE.words[kind]),
  };
  // A provider is named by the words of its key, name and domains ("gmail", "outlook.com", "microsoft 365").
  const providerWords = new Map<number, Set<string>>();
  docs.forEach((doc, index) => {
    // From the title, only its names: "Yahoo (Yahoo Mail, AOL Mail and Verizon addresses)" names no "addresses".
    const names = [...doc.title.matchAll(WORD)].map((match) => match[0]).filter((word) => /^[\p{Lu}\d]/u.test(word));
    if (doc.kind === 'provider') providerWords.set(index, new Set([...names, ...doc.keywords].flatMap(tokenize).filter((word) => !PROVIDER_NOISE.has(word))));
  });
  // Each provider's key, domains, nicknames and title as whole phrases of query words: "outlook", "office 365".
  const providerNames = new Map<number, Set<string>>();
  for (const index of providerWords.keys()) {
    const doc = docs[index] as SearchDocument;
    providerNames.set(index, new Set([doc.title, ...doc.keywords].map((name) => tokenize(name).filter((word) => !PROVIDER_NOISE.has(word)).join(' '))));
  }
  const providerVocabulary = new Set([...providerWords.values()].flatMap((named) => [...named]));
  /** The provider word a typed word stands for: itself, or its closest spelling ("gmial" -> "gmail"). */
  const asProviderWord = (word: string): string => {
    // A word the index holds, or begins, is not misspelt (and looking for its spelling is the costly part).
    if (providerVocabulary.has(word) || (vocabulary[lowerBound(vocabulary, word)] ?? '').startsWith(word)) return word;
    let best = word;
    let bestSimilarity = 0.6;
    for (const [candidate, similarity] of expand(word, false)) {
      if (providerVocabulary.has(candidate) && similarity > bestSimilarity) [best, bestSimilarity] = [candidate, similarity];
    }
    return best;
  };
  /** The provider page every query word names, when the query is nothing but a provider's name. */
  const providerFor = (query: readonly string[]): number | null => {
    const words = query.filter((word) => !PROVIDER_NOISE.has(word));
    if (words.length === 0 || words.length > 3) return null;
    const named = words.map(asProviderWord);
    // Of the providers every word names, the one the words name whole ("outlook" is Outlook.com's own key).
    const phrase = named.join(' ');
    let found: number | null = null;
    for (const [index, names] of providerWords) {
      if (!named.every((word) => names.has(word))) continue;
      if (providerNames.get(index)?.has(phrase)) return index;
      found ??= index;
    }
    return found;
  };
  const docIndex = new Map(docs.map((doc, index) => [doc.id, index]));
  const codePages = new Map<string, number>();
  const codeRanges: { prefix: string; low: number; high: number; page: number }[] = [];
  const tagEntries = new Map<string, number[]>();
  // Each page but entries by its title and subjects as bags of stems, so a query that names a page exactly finds it.
  const pagesByName = new Map<string, number[]>();
  docs.forEach((doc, index) => {
    if (doc.kind === 'code' && doc.codes[0]) {
      codePages.set(doc.codes[0], index);
      const range = CODE_RANGE.exec(doc.codes[0]);
      if (range) codeRanges.push({ prefix: range[1] ?? '', low: Number(range[2]), high: Number(range[3]), page: index });
    }
    if (doc.tag) {
      const key = tagKey(doc.tag);
      tagEntries.set(key, [...(tagEntries.get(key) ?? []), index]);
    }
    if (doc.kind !== 'entry') {
      // A guide's or cause's address names its subject in a word or two: /articles/spf, /articles/mailbox-full.
      const slug = doc.kind === 'guide' || doc.kind === 'cause' ? (doc.url.split('/').pop() ?? '').replaceAll('-', ' ') : '';
      for (const name of new Set([doc.title, slug, ...doc.keywords].map(normalPhrase))) {
        if (name) pagesByName.set(name, [...(pagesByName.get(name) ?? []), index]);
      }
    }
  });
  // The same names by each of their words, to find the names a longer query holds whole.
  const namesByWord = new Map<string, { words: string[]; pages: number[] }[]>();
  for (const [name, pages] of pagesByName) {
    const words = name.split(' ');
    for (const word of new Set(words)) namesByWord.set(word, [...(namesByWord.get(word) ?? []), { words, pages }]);
  }
  const providerStems = new Set([...providerVocabulary].map(stem));
  /** The page of a code, or of the range that holds it: "5.7.606" -> the page of 5.7.606-649. */
  const codePageFor = (code: string): number | undefined => {
    const page = codePages.get(code);
    if (page !== undefined) return page;
    const split = code.lastIndexOf('.');
    const detail = Number(code.slice(split + 1));
    return codeRanges.find((range) => range.prefix === code.slice(0, split + 1) && detail >= range.low && detail <= range.high)?.page;
  };
  /** The entries a tag names, when it names few enough to be an answer; a tag without digits only as typed in full. */
  const taggedEntries = (key: string, typed: string | null): number[] => {
    const found = tagEntries.get(key) ?? [];
    if (found.length > MAX_TAG_ENTRIES) return [];
    return found.filter((index) => {
      const tag = docs[index]?.tag ?? '';
      return /\d/.test(tag) || (typed !== null && tag.toLowerCase() === typed);
    });
  };
  // Each removal guide by the names of the organisation it is about, as query words, longest first: "outlook.com", "office 365".
  const removalGuides = Object.entries(REMOVAL_GUIDE_NAMES).flatMap(([slug, names]) => {
    const page = docIndex.get(`guide:${slug}`);
    return page === undefined ? [] : [{ page, names: names.map((name) => tokenize(name).join(' ')).sort((a, b) => b.length - a.length) }];
  });
  /**
   * The removal guide a query asks for when it says nothing but that an organisation blocks or lists the
   * sender: "ip blocked by barracuda", "my ip address is listed on spamhaus", "unblock my ip at outlook.com".
   * Any other subject ("outlook blocked my attachment") leaves the query to the ranking.
   */
  const removalGuideFor = (tokens: readonly string[]): number | null => {
    if (!tokens.some((token) => LISTING.has(token))) return null;
    const text = ` ${tokens.join(' ')} `;
    let found: number | null = null;
    let rest = text;
    for (const { page, names } of removalGuides) {
      for (const name of names) {
        if (!rest.includes(` ${name} `)) continue;
        if (found !== null && found !== page) return null;
        found = page;
        rest = rest.replaceAll(` ${name} `, ' ');
      }
    }
    if (found === null) return null;
    const others = rest.split(' ').filter((word) => word && !LISTING.has(word) && !LISTED.has(word) && !PROVIDER_NOISE.has(word));
    return others.length === 0 ? found : null;
  };
  /** Two neighbouring query words, one of them unknown, that the index holds as one: "mail boxs" -> "mailboxs"... "spam cop" -> "spamcop". */
  const joinCompounds = (tokens: readonly string[]): string[] => {
    const joined: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const [first, second] = [tokens[i] ?? '', tokens[i + 1] ?? ''];
      const compound = first + second;
      const split = !postings.has(first) || !postings.has(second);
      if (split && COMPOUND_PART.test(first) && COMPOUND_PART.test(second) && compound.length >= 6 && postings.has(compound)) {
        joined.push(compound);
        i++;
      } else joined.push(first);
    }
    return joined;
  };

  const search = (rawQuery: string, limit = 10): SearchHit[] => {
    const tokens = [...new Set(tokenize(rawQuery.slice(0, 200)))];
    if (tokens.length === 0 || rawQuery.trim().length < 2 || limit <= 0) return [];
    const read = readQuery(joinCompounds(tokens));
    const first: number[] = [];
    const pin = (index: number): void => {
      if (!first.includes(index)) first.push(index);
    };
    if (read.intent === 'code') {
      for (const code of read.codes) {
        const page = codePageFor(code);
        if (page === undefined) continue;
        // The code page first, as for every code; a provider's own code that one entry carries has that entry next.
        pin(page);
        const answer = docIndex.get(docs[page]?.answeredBy ?? '');
        if (answer !== undefined) pin(answer);
      }
    }
    taggedEntries(tagKey(rawQuery), rawQuery.trim().toLowerCase()).forEach(pin);
    // A tag among other words ("yahoo tss04", a pasted line): a word with letters and digits that is a tag.
    if (tokens.length > 1) for (const token of tokens) if (TAG_LIKE.test(token)) taggedEntries(token, null).forEach(pin);
    const provider = providerFor(read.words);
    if (provider !== null) pin(provider);
    const removal = read.intent === 'words' ? removalGuideFor(tokens) : null;
    if (removal !== null) pin(removal);
    const cause = docIndex.get(`cause:${readLocalisedCause(rawQuery) ?? ''}`);
    if (cause !== undefined) pin(cause);
    const ranked = rankWords(read.words.slice(0, MAX_WORDS), /\s$/.test(rawQuery), limit, read.intent);
    const pinned = first.map((index) => ({ index, words: new Set(tokens), rank: Infinity }));
    const merged = [...pinned, ...ranked.filter((hit) => !first.includes(hit.index))].slice(0, limit);
    const top = ranked[0]?.rank ?? 1;
    return merged.map(({ index, words, rank }) => {
      const doc = docs[index] as SearchDocument;
      return { doc, score: rank === Infinity ? 0 : Math.max(0, 1 - rank / top), matched: describeMatch(doc, words) };
    });
  };

  const nearestKeys = [...codePages.keys(), ...[...tagEntries.keys()]];
  const nearest = (rawQuery: string): Suggestion[] => {
    const typed = tagKey(rawQuery);
    if (!typed) return [];
    return nearestKeys
      .map((key) => ({ key, distance: editDistance(typed, tagKey(key)) }))
      .filter(({ distance }) => distance <= Math.max(1, Math.floor(typed.length / 3)))
      .sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key))
      .slice(0, 6)
      .map(({ key }) => {
        const page = codePages.get(key);
        const doc = docs[page ?? tagEntries.get(key)?.[0] ?? 0] as SearchDocument;
        return { label: page === undefined ? (doc.tag ?? key) : key, url: doc.url };
      });
  };
  return Object.assign(search, { nearest });

  function rankWords(queryWords: readonly string[], endsInSpace: boolean, limit: number, intent: Intent): Ranked[] {
    const kindWeights = weightTables[intent];
    const kindCoverage = coverageTables[intent];
    if (queryWords.length === 0) return [];
    const queryId = ++stamp;
    const perWord = queryWords.map((queryWord, position) => hitsFor(queryWord, position === queryWords.length - 1 && !endsInSpace));
    // A code beside a provider's name asks for that provider's entry with the code: the code counts as two words.
    const withProvider = queryWords.some((word) => providerVocabulary.has(word));
    const wordCoverage = queryWords.map((queryWord) => (QUALIFIERS.has(stem(queryWord)) ? QUALIFIER_COVERAGE : withProvider && /^\d/.test(queryWord) && CODE_WORD.test(queryWord) ? 2 : 1));
    // Pages the query names exactly by their title or one of their subjects, with or without its
    // qualifiers ("email marked as spam" names "marked as spam"), cover one word more.
    // A misspelt word reads as the index word closest to it, of the nearest length ("signatur" -> "signature", not "mcspamsignature").
    const spelt = queryWords.map((queryWord, position) => {
      let best = queryWord;
      let bestValue = 0;
      for (const [word, similarity] of expand(queryWord, position === queryWords.length - 1 && !endsInSpace)) {
        const value = similarity - 0.01 * Math.abs(word.length - queryWord.length);
        if (value > bestValue) [best, bestValue] = [word, value];
      }
      return best;
    });
    // Or a page whose name the query holds whole, beside nothing but qualifiers and a provider it names:
    // "set up spf for office 365" names SPF, "outlook says my message was rejected as spam" names "rejected as spam".
    const named = new Set<number>();
    if (intent === 'words') {
      for (const words of [queryWords, spelt]) {
        const subject = words.filter((word) => !QUALIFIERS.has(stem(word)));
        for (const name of [words, subject]) for (const page of pagesByName.get(normalPhrase(name.join(' '))) ?? []) named.add(page);
        const held = new Set(normalPhrase(words.join(' ')).split(' '));
        const core = [...held].filter((word) => !QUALIFIERS.has(word) && !providerStems.has(word));
        if (core.length === 0) continue;
        for (const name of namesByWord.get(core[0] ?? '') ?? []) {
          if (name.words.every((word) => held.has(word)) && core.every((word) => name.words.includes(word))) for (const page of name.pages) named.add(page);
        }
        // A sentence copied from a bounce holds the general name of its cause among words of its own: "the
        // email account you tried to reach does not exist" holds "account does not exist". A name of two
        // subject words or more, held whole, names its cause or guide in a sentence of five words or more.
        if (core.length >= SENTENCE_WORDS) {
          for (const word of core) {
            for (const name of namesByWord.get(word) ?? []) {
              if (name.words.filter((part) => !QUALIFIERS.has(part)).length < 2 || !name.words.every((part) => held.has(part))) continue;
              for (const page of name.pages) if (kindOf[page] === GUIDE || kindOf[page] === CAUSE) named.add(page);
            }
          }
        }
        // A name with the provider the query names and a word of its subject: "hotmail blocked my ip" names "hotmail blocked".
        for (const provider of [...held].filter((word) => providerStems.has(word))) {
          for (const name of namesByWord.get(provider) ?? []) {
            if (name.words.every((word) => held.has(word)) && core.some((word) => name.words.includes(word))) for (const page of name.pages) named.add(page);
          }
        }
      }
    }
    // Entries in the order they first matched.
    const touched: number[] = [];
    perWord.forEach((hits, position) => {
      for (let i = 0; i < hits.docs.length; i++) {
        const doc = hits.docs[i] ?? 0;
        hitIndex[position * docs.length + doc] = i;
        hitStamp[position * docs.length + doc] = queryId;
        if (queryStamp[doc] !== queryId) {
          queryStamp[doc] = queryId;
          totalScore[doc] = 0;
          coverage[doc] = 0;
          touched.push(doc);
        }
        totalScore[doc] = (totalScore[doc] ?? 0) + (hits.values[i] ?? 0);
        coverage[doc] = (coverage[doc] ?? 0) + (wordCoverage[position] ?? 1) * (hits.shares[i] ?? 1);
      }
    });
    // Most of the query's words must match (qualifiers count less); when no page matches that much, the
    // pages that match the most. A page the query names exactly then counts one word more.
    // A guide or cause counts its kind's credit here too: its page is short, a long question holds words it lacks.
    // Coverage in half words: shares that differ by less are a tie, for the scores to settle.
    for (const doc of touched) coverage[doc] = Math.round((coverage[doc] ?? 0) * 2) / 2;
    const reach = (doc: number): number => (coverage[doc] ?? 0) + (kindCoverage[kindOf[doc] ?? 0] ?? 0);
    let most = 0;
    for (const doc of touched) most = Math.max(most, reach(doc));
    const needed = Math.min(Math.max(1, 0.6 * wordCoverage.reduce((sum, value) => sum + value, 0)), most);
    // A page the query names stands for all of it (the rest qualifies it), and one word more.
    const whole = wordCoverage.reduce((sum, value) => sum + value, 0);
    for (const doc of named) if (queryStamp[doc] === queryId) coverage[doc] = Math.max(coverage[doc] ?? 0, whole) + 1;
    const phraseBonus = queryWords.length > 1 ? 1.5 : 1;
    // The phrase check is the costly part: work it out only for entries whose best possible rank can still
    // reach the top `limit`, taken best bound first.
    const candidates = touched.filter((doc) => reach(doc) >= needed - 1e-9);
    for (const doc of candidates) {
      const kind = kindOf[doc] ?? 0;
      bounds[doc] = ((coverage[doc] ?? 0) + (kindCoverage[kind] ?? 0)) * 1000 + (totalScore[doc] ?? 0) * phraseBonus * (kindWeights[kind] ?? 1) + 1;
    }
    candidates.sort((a, b) => (bounds[b] ?? 0) - (bounds[a] ?? 0));
    const compare = (a: Ranked, b: Ranked): number =>
      b.rank - a.rank || (docs[a.index]?.title ?? '').localeCompare(docs[b.index]?.title ?? '');
    const phrase = queryWords.join(' ');
    const stemmedPhrase = queryWords.map(stem).join(' ');
    const pairs = queryWords.slice(1).map((word, position): [string, string] => {
      const before = queryWords[position] ?? '';
      return [`${before} ${word}`, `${stem(before)} ${stem(word)}`];
    });
    const ranked: Ranked[] = [];
    for (const index of candidates) {
      const last = ranked[limit - 1];
      if (last && (bounds[index] ?? 0) < last.rank) break;
      const words = new Set<string>();
      perWord.forEach((hits, position) => {
        const slot = position * docs.length + index;
        if (hitStamp[slot] === queryId) words.add(hits.words[hitIndex[slot] ?? 0] ?? '');
      });
      // The whole query as a phrase in one of the page's texts counts half as much again; each pair of its
      // neighbouring words found together ("timed out" in "server timed out") a share of that.
      let phraseFactor = 1;
      if (queryWords.length > 1) {
        // The words as matched stand for the phrase only when every query word matched ("mesage rejected" -> "message rejected").
        const corrected = words.size === queryWords.length ? [...words].join(' ') : phrase;
        const texts = phraseTextsOf(index);
        if (texts.some((normal) => normal.includes(phrase) || normal.includes(stemmedPhrase) || normal.includes(corrected))) phraseFactor = 1.5;
        else if (pairs.length > 1) {
          const found = pairs.filter(([plain, stemmed]) => texts.some((normal) => normal.includes(plain) || normal.includes(stemmed))).length;
          phraseFactor = 1 + (PAIR_BONUS * found) / pairs.length;
        }
      }
      const weight = kindWeights[kindOf[index] ?? 0] ?? 1;
      const rank = ((coverage[index] ?? 0) + (kindCoverage[kindOf[index] ?? 0] ?? 0)) * 1000 + (totalScore[index] ?? 0) * phraseFactor * weight + specificityOf(index);
      const candidate = { index, words, rank };
      if (last && compare(candidate, last) >= 0) continue;
      let position = ranked.length;
      while (position > 0 && compare(candidate, ranked[position - 1] as Ranked) < 0) position--;
      ranked.splice(position, 0, candidate);
      if (ranked.length > limit) ranked.pop();
    }
    return ranked;
  }
}

type Ranked = { index: number; words: Set<string>; rank: number };

/** A code page for a range of detail codes, e.g. "5.7.606-649". */
const CODE_RANGE = /^(\d\.\d{1,3}\.)(\d{1,3})-(\d{1,3})$/;
/** A word with letters and digits that may be a provider's tag: "tss04", "s3150", "ib508". */
const TAG_LIKE = /^(?=.*\d)(?=.*[a-z])[a-z\d]{2,20}$/;
/** A part of a word typed in two: letters only, "mail" and "box". */
const COMPOUND_PART = /^[a-z]{2,}$/;
/** The field weight at which a word covers a whole word: a title, subject, bounce text or code; a summary covers half. */
const FULL_WEIGHT = 2;
/** The rarity (log(1 + pages / pages with the word)) below which a word covers less: about one page in eleven holds it. */
const COMMON_RARITY = 2.5;
/** How much more a page counts when it holds every pair of neighbouring query words (short of the whole phrase, 0.5). */
const PAIR_BONUS = 0.4;
/** A tag carried by more entries than this names no one of them ("gsmtp" ends every Gmail bounce). */
const MAX_TAG_ENTRIES = 3;
const QUALIFIERS = new Set(QUALIFIER_WORDS.map(stem));
/** Subject words from which a query reads as a sentence copied from a bounce rather than a search. */
const SENTENCE_WORDS = 4;
const LISTING: ReadonlySet<string> = new Set(LISTING_WORDS);
const LISTED: ReadonlySet<string> = new Set(LISTED_THINGS);

/** Text as a bag of words: without glue, each as its stem, in order ("The mailbox is full" -> "full mailbox"). */
function normalPhrase(text: string): string {
  return tokenize(text)
    .filter((word) => !STOP_WORDS.has(word))
    .map(stem)
    .sort()
    .join(' ');
}

/** How many index words a word being typed stands for, by its length so far (2, 3, then 4 or more letters). */
const PREFIX_WORDS = [0, 0, 8, 20, 40] as const;

const FUZZY_OPTIONS = { includeScore: true, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 3 } as const;

/** A bit per character (its code modulo 32) that a word contains; "mail" sets the bits of m, a, i and l. */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}

/**
 * fuse.js over the vocabulary, with the same results, without running it on every word. fuse.js's bitap
 * accepts a word when some part of it is within i edits of the query with i / length <= 0.3, and scores it
 * max(0.001, i / length); ties go to the earlier word. So no word scores better than its true edit
 * distance to its closest part (Sellers' algorithm) allows. Words are taken level by level of that
 * distance, in vocabulary order, in small batches that fuse.js scores, until no word left could enter
 * the best six.
 */
function searchFuzzy(words: readonly string[], letters: Uint32Array, query: string): { item: string; score: number }[] {
  if (query.length > 32) return new Fuse(words, FUZZY_OPTIONS).search(query, { limit: 6 }).map(({ item, score }) => ({ item, score: score ?? 1 }));
  const length = query.length;
  const most = Math.floor(length * FUZZY_OPTIONS.threshold) + 1; // one more than fuse.js allows, to be safe
  const counts = new Array<number>(32).fill(0);
  for (let i = 0; i < length; i++) counts[query.charCodeAt(i) & 31] = (counts[query.charCodeAt(i) & 31] ?? 0) + 1;
  const bits = counts.flatMap((count, bit) => (count > 0 ? [[1 << bit, count] as const] : []));
  const best: { item: string; score: number; index: number }[] = [];
  const before = (a: { score: number; index: number }, b: { score: number; index: number }): boolean => a.score < b.score || (a.score === b.score && a.index < b.index);
  /** Scores a level of words (all at least `distance` edits away) in batches, until none left can enter the best six. */
  const scoreLevel = (level: readonly number[], distance: number): void => {
    const floor = Math.max(0.001, distance / length);
    for (let from = 0; from < level.length; from += 16) {
      const worst = best[5];
      if (worst && before(worst, { score: floor, index: level[from] ?? 0 })) return;
      const batch = level.slice(from, from + 16);
      for (const result of new Fuse(batch.map((index) => words[index] ?? ''), FUZZY_OPTIONS).search(query, { limit: 6 })) {
        const found = { item: result.item, score: result.score ?? 1, index: batch[result.refIndex] ?? 0 };
        let position = best.length;
        while (position > 0 && before(found, best[position - 1] as { score: number; index: number })) position--;
        best.splice(position, 0, found);
        if (best.length > 6) best.pop();
      }
    }
  };
  // Words that contain the query (no edits) first: when six of them match, no other word can beat them.
  const containing: number[] = [];
  words.forEach((word, index) => {
    if (word.includes(query)) containing.push(index);
  });
  scoreLevel(containing, 0);
  const sixth = best[5];
  if (sixth && sixth.score < 1 / length) return best;
  const levels: number[][] = Array.from({ length: most + 1 }, () => []);
  const row = new Array<number>(length + 1);
  words.forEach((word, index) => {
    // Every edit loses at most one of the query's letters, so a match holds at least (length - most) of them.
    const mask = letters[index] ?? 0;
    let possible = 0;
    for (const [bit, count] of bits) if (mask & bit) possible += count;
    if (possible < length - most || word.includes(query)) return;
    const distance = closestPartDistance(query, word, row);
    if (distance <= most) levels[distance]?.push(index);
  });
  for (const [distance, level] of levels.entries()) scoreLevel(level, distance);
  return best;
}

/** The fewest edits that turn the query into some part of the word (Sellers' algorithm). */
function closestPartDistance(query: string, word: string, row: number[]): number {
  for (let i = 0; i <= query.length; i++) row[i] = i;
  let closest = row[query.length] ?? 0;
  for (let j = 0; j < word.length; j++) {
    const code = word.charCodeAt(j);
    let diagonal = 0; // a part may start anywhere: row 0 stays 0
    for (let i = 1; i <= query.length; i++) {
      const above = row[i] ?? 0;
      const value = Math.min(above + 1, (row[i - 1] ?? 0) + 1, diagonal + (query.charCodeAt(i - 1) === code ? 0 : 1));
      diagonal = above;
      row[i] = value;
    }
    closest = Math.min(closest, row[query.length] ?? 0);
  }
  return closest;
}

/** Picks the field that shows the most matched words and marks them. */
function describeMatch(doc: SearchDocument, words: ReadonlySet<string>): SearchHit['matched'] {
  let best: SearchHit['matched'] = null;
  let bestCount = 0;
  for (const [field, text] of fieldTexts(doc)) {
    if (!text) continue;
    const ranges: [number, number][] = [];
    for (const match of text.matchAll(WORD)) {
      const word = match[0].toLowerCase();
      const parts = word.includes('.') ? [word, ...word.split('.')] : [word, stem(word)];
      if (parts.some((part) => words.has(part))) ranges.push([match.index, match.index + match[0].length]);
    }
    const count = ranges.length * FIELD_WEIGHTS[field];
    if (count > bestCount) {
      best = { field: FIELD_LABELS[field], text, ranges };
      bestCount = count;
    }
  }
  return best;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? '') < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

// Catalogue search, fast enough to run on every keystroke over 10,000 entries. Entries are indexed by
// word (an inverted index weighted by field and rarity); each query word is matched exactly, by prefix
// (the word being typed) and, through fuse.js over the index's vocabulary, fuzzily ("acess" finds
// "access"). Codes and tags ("550", "5.7.1", "g17") count only when exact. Pure: no DOM.
import Fuse from 'fuse.js';
import type { SearchDocument } from '../content/build.ts';

type Field = 'codes' | 'tag' | 'title' | 'texts' | 'summary' | 'provider';

const FIELD_WEIGHTS: Record<Field, number> = { codes: 3, tag: 3, title: 2, texts: 2, summary: 1, provider: 0.5 };
const FIELD_LABELS: Record<Field, string> = {
  codes: 'code',
  tag: 'tag',
  title: 'title',
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

export type Searcher = (query: string, limit?: number) => SearchHit[];

type Posting = { doc: number; weight: number };

/** Splits text into lower-case words; a dotted word also yields its parts ("emailsrvr.com" -> "emailsrvr", "com"). */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  for (const match of text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').matchAll(WORD)) {
    const word = match[0];
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
    ...doc.texts.map((text): [Field, string] => ['texts', text]),
    ['summary', doc.summary],
    ['provider', doc.provider],
  ];
}

export function createSearcher(docs: readonly SearchDocument[]): Searcher {
  const postings = new Map<string, Posting[]>();
  docs.forEach((doc, index) => {
    // A word's weight in an entry adds up over the fields it appears in (once per field).
    const weights = new Map<string, number>();
    const seen = new Set<string>();
    for (const [field, text] of fieldTexts(doc)) {
      for (const word of new Set(tokenize(text))) {
        const key = `${field}:${word}`;
        if (seen.has(key)) continue;
        seen.add(key);
        weights.set(word, (weights.get(word) ?? 0) + FIELD_WEIGHTS[field]);
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
  const fuzzyIndex = new Fuse(words, { includeScore: true, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 3 });
  const rarity = (word: string): number => Math.log(1 + docs.length / (postings.get(word)?.length ?? docs.length));
  const expansionCache = new Map<string, [string, number][]>();

  /** Words of the index that a query word stands for, with a similarity from 0 to 1. */
  const expand = (word: string, isLast: boolean): [string, number][] => {
    const key = `${word}\u0000${String(isLast)}`;
    const cached = expansionCache.get(key);
    if (cached) return cached;
    const found = new Map<string, number>();
    if (postings.has(word)) found.set(word, 1);
    if (!CODE_WORD.test(word)) {
      if (isLast && word.length >= 2) {
        for (let i = lowerBound(vocabulary, word); i < vocabulary.length && (vocabulary[i] ?? '').startsWith(word); i++) {
          const candidate = vocabulary[i] ?? '';
          if (!found.has(candidate)) found.set(candidate, 0.9);
          if (found.size > 40) break;
        }
      }
      if (word.length >= 4 && !found.has(word)) {
        for (const result of fuzzyIndex.search(word, { limit: 6 })) {
          const similarity = 0.85 * (1 - (result.score ?? 1));
          if (!found.has(result.item)) found.set(result.item, similarity);
        }
      }
    }
    const expansions = [...found.entries()];
    if (expansionCache.size > 5000) expansionCache.clear();
    expansionCache.set(key, expansions);
    return expansions;
  };

  return (rawQuery, limit = 10) => {
    const queryWords = [...new Set(tokenize(rawQuery.slice(0, 200)))].slice(0, 12);
    if (queryWords.length === 0 || rawQuery.trim().length < 2) return [];
    const endsInSpace = /\s$/.test(rawQuery);
    const scores = new Map<number, { score: number; covered: number; words: Set<string> }>();
    queryWords.forEach((queryWord, position) => {
      const isLast = position === queryWords.length - 1 && !endsInSpace;
      const best = new Map<number, { value: number; word: string }>();
      for (const [word, similarity] of expand(queryWord, isLast)) {
        const idf = rarity(word);
        for (const posting of postings.get(word) ?? []) {
          const value = similarity * posting.weight * idf;
          const current = best.get(posting.doc);
          if (!current || value > current.value) best.set(posting.doc, { value, word });
        }
      }
      for (const [doc, { value, word }] of best) {
        const entry = scores.get(doc) ?? { score: 0, covered: 0, words: new Set<string>() };
        entry.score += value;
        entry.covered += 1;
        entry.words.add(word);
        scores.set(doc, entry);
      }
    });
    const phrase = queryWords.join(' ');
    const ranked = [...scores.entries()]
      .filter(([, entry]) => entry.covered >= Math.max(1, Math.ceil(queryWords.length * 0.6)))
      .map(([index, entry]) => {
        const doc = docs[index] as SearchDocument;
        const corrected = [...entry.words].join(' ');
        const hasPhrase = queryWords.length > 1 && doc.texts.concat(doc.title).some((text) => {
          const normal = tokenize(text).join(' ');
          return normal.includes(phrase) || normal.includes(corrected);
        });
        const specificity = 1 / (1 + Math.log(1 + doc.texts.join(' ').length / 200));
        return { index, entry, rank: entry.covered * 1000 + entry.score * (hasPhrase ? 1.5 : 1) + specificity };
      })
      .sort((a, b) => b.rank - a.rank || (docs[a.index]?.title ?? '').localeCompare(docs[b.index]?.title ?? ''))
      .slice(0, limit);
    const top = ranked[0]?.rank ?? 1;
    return ranked.map(({ index, entry, rank }) => {
      const doc = docs[index] as SearchDocument;
      return { doc, score: 1 - rank / top, matched: describeMatch(doc, entry.words) };
    });
  };
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
      const parts = word.includes('.') ? [word, ...word.split('.')] : [word];
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

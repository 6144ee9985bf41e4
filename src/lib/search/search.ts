// Catalogue search: fuzzy matching (fuse.js) over titles, literal texts and summaries, combined with exact
// matching of codes and tags, so "550 5.7.1" and "g17" find entries by code while "relay acess denied"
// still finds them by words. Shared by the app and the benchmarks; pure, no DOM.
import Fuse, { type FuseResultMatch, type IFuseOptions } from 'fuse.js';
import type { SearchDocument } from '../content/build.ts';

export const FUSE_OPTIONS: IFuseOptions<SearchDocument> = {
  includeScore: true,
  includeMatches: true,
  ignoreLocation: true,
  ignoreDiacritics: true,
  threshold: 0.34,
  minMatchCharLength: 2,
  keys: [
    { name: 'codes', weight: 3 },
    { name: 'tag', weight: 3 },
    { name: 'title', weight: 2 },
    { name: 'texts', weight: 2 },
    { name: 'summary', weight: 1 },
    { name: 'provider', weight: 0.5 },
  ],
};

/** A code-like query token: reply "550", enhanced "5.7.1", or a tag such as "g17", "tss04", "bl21". */
const CODE_TOKEN = /^(?:[245]\d\d|[245]\.\d{1,3}\.\d{1,3}|[a-z]{1,5}\d{1,9}[a-z]?)$/;

export type SearchHit = {
  doc: SearchDocument;
  score: number;
  /** What matched, for display: the field and the matched text with [start, end) ranges to highlight. */
  matched: { field: string; text: string; ranges: [number, number][] } | null;
};

export type Searcher = (query: string, limit?: number) => SearchHit[];

const FIELD_LABEL: Record<string, string> = {
  codes: 'code',
  tag: 'tag',
  title: 'title',
  texts: 'bounce text',
  summary: 'summary',
  provider: 'provider',
};

export function createSearcher(docs: readonly SearchDocument[]): Searcher {
  const fuse = new Fuse(docs, FUSE_OPTIONS);
  const codeIndex = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    for (const code of [...doc.codes, doc.tag ?? '']) {
      if (!code) continue;
      const key = code.toLowerCase();
      codeIndex.set(key, [...(codeIndex.get(key) ?? []), i]);
    }
  });

  return (rawQuery, limit = 10) => {
    const query = rawQuery.trim().slice(0, 200);
    if (query.length < 2) return [];
    const tokens = query.toLowerCase().split(/\s+/);
    const codeTokens = tokens.filter((token) => CODE_TOKEN.test(token) && codeIndex.has(token));
    const exactHits = new Map<number, string[]>();
    for (const token of codeTokens) {
      for (const i of codeIndex.get(token) ?? []) exactHits.set(i, [...(exactHits.get(i) ?? []), token]);
    }
    const fuzzy = new Map<number, { score: number; matches: readonly FuseResultMatch[] }>();
    const wordsOnly = tokens.filter((token) => !codeTokens.includes(token)).join(' ');
    const fuzzyQuery = codeTokens.length === tokens.length ? query : wordsOnly || query;
    for (const result of fuse.search(fuzzyQuery, { limit: Math.max(limit * 5, 50) })) {
      fuzzy.set(result.refIndex, { score: result.score ?? 1, matches: result.matches ?? [] });
    }
    const candidates = new Set([...exactHits.keys(), ...fuzzy.keys()]);
    const hits: SearchHit[] = [];
    for (const i of candidates) {
      const doc = docs[i];
      if (!doc) continue;
      const exact = exactHits.get(i) ?? [];
      const fuzz = fuzzy.get(i);
      // Exact codes dominate: each matched code token takes a share of the score off.
      const codeShare = codeTokens.length ? exact.length / codeTokens.length : 0;
      const wordScore = fuzz ? fuzz.score : codeTokens.length === tokens.length ? 0.5 : 1;
      const score = wordScore - codeShare * 0.6;
      if (codeTokens.length && !exact.length && codeTokens.length === tokens.length) continue;
      hits.push({ doc, score, matched: describeMatch(doc, exact, fuzz?.matches ?? []) });
    }
    hits.sort((a, b) => a.score - b.score || a.doc.title.localeCompare(b.doc.title));
    return hits.slice(0, limit);
  };
}

function describeMatch(doc: SearchDocument, exact: string[], matches: readonly FuseResultMatch[]): SearchHit['matched'] {
  const best = [...matches].sort((a, b) => longest(b) - longest(a))[0];
  if (best?.value && best.key && (exact.length === 0 || best.key === 'texts' || best.key === 'title')) {
    return { field: FIELD_LABEL[best.key] ?? best.key, text: best.value, ranges: best.indices.map(([s, e]) => [s, e + 1] as [number, number]) };
  }
  if (exact.length) {
    const text = [...doc.codes, doc.tag].filter(Boolean).join(' ');
    const ranges: [number, number][] = [];
    for (const token of exact) {
      const at = text.toLowerCase().indexOf(token);
      if (at >= 0) ranges.push([at, at + token.length]);
    }
    return { field: 'code', text, ranges };
  }
  return null;
}

const longest = (match: FuseResultMatch): number => Math.max(0, ...match.indices.map(([s, e]) => e - s + 1));

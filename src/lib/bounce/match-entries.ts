// Ranks catalogue entries by how well pasted text matches their literal server texts, codes and tags.
// Both sides are normalised (case, white space, addresses, IP addresses and the placeholders the
// sources use: "<user@domain.com>", "[XX.XX.XX.XX]", "x.xx.xx.xx", "{IP}", "[$SenderDomain]"), then
// scored by IDF-weighted token coverage and the longest common run of tokens. An exact provider tag
// with agreeing codes outranks a fuzzy phrase. The catalogue is passed in, so the engine stays pure.
// Speed: the catalogue is prepared once (tokens, IDF, tag patterns) and indexed from token and tag to
// entries, so a paste is scored only against the entries that could reach the score threshold.
import type { EntryMatch, Finding, MatchableEntry } from './types.ts';

type PreparedText = {
  tokens: string[];
  unique: string[];
  /** IDF weight of each token of `unique`, and their sum (summed in that order). */
  weights: number[];
  total: number;
  squashed: string;
  exact: string;
};
type PreparedEntry = { entry: MatchableEntry; texts: PreparedText[]; tags: string[]; longestText: number };
type PreparedCatalogue = {
  entries: PreparedEntry[];
  idf: Map<string, number>;
  /** Every entry text in one list, with the index of its entry. */
  texts: PreparedText[];
  entryOfText: number[];
  /** Token -> the texts containing it and the token's weight (postings for summing coverage). */
  byToken: Map<string, { texts: number[]; weight: number }>;
  /** Tag (lower case) -> indices of the entries carrying it. */
  byTag: Map<string, number[]>;
  /** Each tag of four characters or more, with the pattern that finds it standing alone in a text. */
  tagPatterns: Map<string, RegExp>;
  /** Scratch space of candidatesOf, reused by every call (matching is synchronous). */
  coverage: Float64Array;
  seen: Uint8Array;
};

const STOP_WORDS = new Set(
  'a an the to of is are was were be been for your you our we this that it its in on at by from with and or as please more information visit see http https www html htm com org net if not no'.split(' '),
);

// "<user@domain.com>", "${user@example.com}", "<user@nonqualifieddomain>", "kijitora@example.jp"
const ADDRESS = /[<{]?\$?\{?[\w.+=$%'-]{1,64}@[\w.$-]{0,253}\}?[>}]?/g;
// "[192.0.2.1]", "x.xx.xx.xx", "[XX.XX.XX.XX]", "127.5.0.X", "2001:db8::1"
const IP_ADDRESS = /\[?\b(?:\d{1,3}|x{1,3})(?:\.(?:\d{1,3}|x{1,3})){3}\b\]?|\b[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}\b/gi;
// "{IP}", "[$SenderDomain]", "$ConnectingIP", "[XXXXXXX]", "<servername[...]>"
const PLACEHOLDER = /\[\$?[\w.]{1,40}\]|\{[\w.]{1,40}\}|\$[a-z][\w]{1,40}|\[x{3,}\]/gi;
// "example.com", "domain.com", "mail.example.org"; at most eight labels before it, so a long dotted run
// ("a.a.a.a...") is not rescanned from every label
const EXAMPLE_DOMAIN = /\b(?:[\w-]{1,63}\.){0,8}(?:example|domain)\.(?:com|org|net)\b/gi;
// "550", "5.1.1", "5.7.606-649"
const CODES = /(?<![\w.])(?:[245]\.\d{1,3}\.\d{1,3}(?:-\d{1,3})?|[245]\d\d)(?![\w]|\.\d)/g;

const WINDOW = 24_000;

/** Normalises a bounce text into comparable tokens. */
export function tokenizeForMatch(text: string): string[] {
  const normalized = text
    .toLowerCase()
    .replace(ADDRESS, ' zaddress ')
    .replace(IP_ADDRESS, ' zip ')
    .replace(PLACEHOLDER, ' zvalue ')
    .replace(EXAMPLE_DOMAIN, ' zdomain ')
    .replace(CODES, ' ');
  return normalized.split(/[^a-z0-9\u00c0-\uffff]+/).filter((token) => token.length > 0 && !STOP_WORDS.has(token));
}

// Case and white space folded, for the verbatim test that breaks ties between equal normalised texts.
function squash(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}

function prepareText(text: string, known?: string[]): PreparedText {
  const tokens = known ?? tokenizeForMatch(text);
  return { tokens, unique: [...new Set(tokens)], weights: [], total: 0, squashed: squash(text).trim(), exact: text.replace(/\s+/g, ' ').trim() };
}

function weighText(text: PreparedText, idf: Map<string, number>): void {
  text.weights = text.unique.map((token) => idf.get(token) ?? 1);
  let total = 0;
  for (const weight of text.weights) total += weight;
  text.total = total;
}

const preparedCache = new WeakMap<readonly MatchableEntry[], PreparedCatalogue>();

function appendTo(index: Map<string, number[]>, key: string, value: number): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The match tokens of every text of every entry: the costly part of preparing a catalogue. */
export function tokenizeCatalogue(catalogue: readonly MatchableEntry[]): string[][][] {
  return catalogue.map((entry) => entry.texts.map(tokenizeForMatch));
}

/**
 * Prepares a catalogue from tokens computed ahead by tokenizeCatalogue (for a program that should start
 * fast, such as the command line, which computes them when it is built). Tokens that do not fit the
 * catalogue's shape are ignored and the texts tokenized again.
 */
export function primeCatalogue(catalogue: readonly MatchableEntry[], tokens: readonly (readonly (readonly string[])[])[]): void {
  const fits = tokens.length === catalogue.length && catalogue.every((entry, i) => tokens[i]?.length === entry.texts.length);
  prepareCatalogue(catalogue, fits ? tokens : undefined);
}

function prepareCatalogue(catalogue: readonly MatchableEntry[], tokens?: readonly (readonly (readonly string[])[])[]): PreparedCatalogue {
  const cached = preparedCache.get(catalogue);
  if (cached) return cached;
  const entries = catalogue.map((entry, e) => {
    const texts = entry.texts.map((text, t) => prepareText(text, tokens?.[e]?.[t]?.slice()));
    return {
      entry,
      texts,
      tags: (entry.tag ?? '')
        .split(';')
        .map((tag) => tag.trim().toLowerCase())
        .filter(Boolean),
      longestText: Math.max(...texts.map((t) => t.tokens.length)),
    };
  });
  const documentFrequency = new Map<string, number>();
  const byToken = new Map<string, { texts: number[]; weight: number }>();
  const byTag = new Map<string, number[]>();
  const tagPatterns = new Map<string, RegExp>();
  entries.forEach(({ texts, tags }, i) => {
    for (const token of new Set(texts.flatMap((text) => text.unique))) {
      documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
    }
    for (const tag of tags) {
      appendTo(byTag, tag, i);
      // "RESOLVER.ADR.RecipNotFound" standing alone, not inside "x.resolver.adr.recipnotfound-2"
      if (tag.length >= 4 && !tagPatterns.has(tag)) tagPatterns.set(tag, new RegExp(`(?<![\\w.-])${escapeRegExp(tag)}(?![\\w-])`));
    }
  });
  const total = Math.max(1, entries.length);
  const idf = new Map<string, number>();
  for (const [token, count] of documentFrequency) idf.set(token, Math.log(1 + total / count));
  const allTexts: PreparedText[] = [];
  const entryOfText: number[] = [];
  entries.forEach(({ texts }, i) => {
    for (const text of texts) {
      weighText(text, idf);
      for (const token of text.unique) {
        const posting = byToken.get(token) ?? { texts: [], weight: idf.get(token) ?? 1 };
        posting.texts.push(allTexts.length);
        byToken.set(token, posting);
      }
      allTexts.push(text);
      entryOfText.push(i);
    }
  });
  const prepared = { entries, idf, texts: allTexts, entryOfText, byToken, byTag, tagPatterns, coverage: new Float64Array(allTexts.length), seen: new Uint8Array(entries.length) };
  preparedCache.set(catalogue, prepared);
  return prepared;
}

type InputIndex = {
  tokens: string[];
  positions: Map<string, number[]>;
  unique: string[];
  /** Position of each distinct token in `unique`, so sums over the input keep its order. */
  order: Map<string, number>;
  /** Catalogue tags (four characters or more) that stand alone in the lowered text. */
  standingTags: Set<string>;
  tags: Set<string>;
  replies: Set<string>;
  enhanced: Set<string>;
  lowered: string;
  /** The text, for the tie-breaks below (its folded forms are made only when an entry passes). */
  text: string;
};

function indexInput(text: string, findings: readonly Finding[], catalogue: PreparedCatalogue): InputIndex {
  const tokens = tokenizeForMatch(text);
  const positions = new Map<string, number[]>();
  tokens.forEach((token, i) => {
    const list = positions.get(token);
    if (list) list.push(i);
    else positions.set(token, [i]);
  });
  const values = (kind: Finding['kind']): Set<string> => new Set(findings.filter((f) => f.kind === kind).map((f) => f.value.toLowerCase()));
  const unique = [...positions.keys()];
  const lowered = text.toLowerCase();
  const standingTags = new Set<string>();
  for (const [tag, pattern] of catalogue.tagPatterns) {
    if (lowered.includes(tag) && pattern.test(lowered)) standingTags.add(tag);
  }
  return {
    tokens,
    positions,
    unique,
    order: new Map(unique.map((token, i) => [token, i])),
    standingTags,
    tags: values('tag'),
    replies: values('reply'),
    enhanced: values('enhanced'),
    lowered,
    text,
  };
}

// Longest run of consecutive entry tokens that also stand consecutively in the input (from the first 50
// places each entry token stands in the input).
function longestRun(entry: readonly string[], input: InputIndex): number {
  let best = 0;
  for (let i = 0; i < entry.length && entry.length - i > best; i++) {
    const starts = input.positions.get(entry[i] ?? '');
    if (starts === undefined) continue;
    const count = Math.min(50, starts.length);
    for (let s = 0; s < count; s++) {
      const start = starts[s] ?? 0;
      let length = 1;
      while (i + length < entry.length && input.tokens[start + length] === entry[i + length]) length += 1;
      best = Math.max(best, length);
    }
  }
  return best;
}

type TextScore = { score: number; coverage: number; precision: number };

// The IDF weight of every distinct input token, summed in input order (the denominator of precision).
function inputWeight(input: InputIndex, idf: Map<string, number>): number {
  let all = 0;
  for (const token of input.unique) all += idf.get(token) ?? 1;
  return all;
}

// The IDF-weighted share of the text's words found in the input.
function coverageOf(text: PreparedText, input: InputIndex): number {
  let have = 0;
  for (let i = 0; i < text.unique.length; i++) {
    if (input.positions.has(text.unique[i] ?? '')) have += text.weights[i] ?? 0;
  }
  return text.total > 0 ? have / text.total : 0;
}

function textScore(text: PreparedText, input: InputIndex, idf: Map<string, number>, inputAll: number): TextScore {
  if (text.unique.length === 0) return { score: 0, coverage: 0, precision: 0 };
  const coverage = coverageOf(text, input);
  // How much of the input the entry text explains: 1 when every word of a short paste is in the entry.
  // The shared tokens are summed in input order, so the figure is the same to the last bit as a sum over
  // the whole input.
  const shared: number[] = [];
  for (const token of text.unique) {
    const at = input.order.get(token);
    if (at !== undefined) shared.push(at);
  }
  shared.sort((a, b) => a - b);
  let inputHave = 0;
  for (const at of shared) inputHave += idf.get(input.unique[at] ?? '') ?? 1;
  const precision = inputAll > 0 ? inputHave / inputAll : 0;
  // One or two words ("Blocked") say little inside a long bounce: short texts reach full weight from
  // three tokens on, unless they are most of what was pasted.
  const brevity = precision >= 0.8 ? 1 : Math.min(1, text.tokens.length / 3);
  if (coverage < 0.3) return { score: coverage * 0.6 * brevity, coverage, precision };
  const run = longestRun(text.tokens, input) / text.tokens.length;
  return { score: (0.6 * coverage + 0.4 * run) * brevity, coverage, precision };
}

function enhancedMatches(range: string, found: Set<string>): boolean {
  const dash = /^(\d\.\d{1,3}\.)(\d{1,3})-(\d{1,3})$/.exec(range);
  if (!dash) return found.has(range);
  const [, prefix = '', low = '0', high = '0'] = dash;
  for (const code of found) {
    if (!code.startsWith(prefix)) continue;
    const detail = Number(code.slice(prefix.length));
    if (detail >= Number(low) && detail <= Number(high)) return true;
  }
  return false;
}

// -1 disagreeing, 0 unknown, 1 agreeing
function agreement(wanted: string | null, found: Set<string>, test: (value: string) => boolean): number {
  if (wanted === null) return 0;
  if (test(wanted)) return 1;
  return found.size > 0 ? -1 : 0;
}

function tagAgreement(tags: readonly string[], input: InputIndex): number {
  if (tags.length === 0) return 0;
  if (tags.some((tag) => input.tags.has(tag) || input.standingTags.has(tag))) return 1;
  return input.tags.size > 0 ? -1 : -0.2;
}

// Entries that can pass the threshold: one with a text of at least 30% coverage (below that no text
// scores 0.3) or with an agreeing tag. Coverage is summed from the postings of the input's tokens; the
// sums differ from the exact ones only in rounding, hence the small margin. Indices in catalogue order.
function candidatesOf(prepared: PreparedCatalogue, input: InputIndex): number[] {
  const have = prepared.coverage.fill(0);
  for (const token of input.unique) {
    const posting = prepared.byToken.get(token);
    if (posting) for (const t of posting.texts) have[t] = (have[t] ?? 0) + posting.weight;
  }
  const seen = prepared.seen.fill(0);
  prepared.texts.forEach((text, t) => {
    if (text.total > 0 && (have[t] ?? 0) / text.total >= 0.3 - 1e-9) seen[prepared.entryOfText[t] ?? 0] = 1;
  });
  for (const tag of [...input.tags, ...input.standingTags]) for (const i of prepared.byTag.get(tag) ?? []) seen[i] = 1;
  const candidates: number[] = [];
  seen.forEach((flag, i) => {
    if (flag === 1) candidates.push(i);
  });
  return candidates;
}

export type MatchOptions = {
  limit?: number;
  minScore?: number;
  /** Score every entry instead of the indexed candidates (the reference the index is tested against). */
  exhaustive?: boolean;
};

/** Catalogue entries that match `text`, best first, each with a score from 0 to 1. */
export function matchEntries(text: string, findings: readonly Finding[], catalogue: readonly MatchableEntry[], options: MatchOptions = {}): EntryMatch[] {
  const { limit = 10, minScore = 0.4, exhaustive = false } = options;
  if (catalogue.length === 0 || text.trim() === '') return [];
  const prepared = prepareCatalogue(catalogue);
  const input = indexInput(text.length > WINDOW ? text.slice(0, WINDOW) : text, findings, prepared);
  const inputAll = inputWeight(input, prepared.idf);
  const codeless = !findings.some((finding) => finding.kind === 'reply' || finding.kind === 'enhanced' || finding.kind === 'tag');
  const scored: (EntryMatch & { rank: number })[] = [];
  let exact: string | undefined;
  let squashed: string | undefined;
  const indices = exhaustive ? prepared.entries.map((_, i) => i) : candidatesOf(prepared, input);
  for (const i of indices) {
    const { entry, texts, tags, longestText } = prepared.entries[i] as PreparedEntry;
    const tag = tagAgreement(tags, input);
    let bestText: TextScore = { score: 0, coverage: 0, precision: 0 };
    for (const t of texts) {
      const scored = textScore(t, input, prepared.idf, inputAll);
      if (scored.score > bestText.score || (scored.score === bestText.score && scored.precision > bestText.precision)) bestText = scored;
    }
    const best = bestText.score;
    if (best < 0.3 && tag < 1) continue;
    // Without any code in the input, only a text that is mostly present counts (no weak fuzzy matches).
    if (codeless && bestText.coverage < 0.75 && tag < 1) continue;
    const enhanced = agreement(entry.enhanced, input.enhanced, (value) => enhancedMatches(value, input.enhanced));
    const reply = agreement(entry.reply, input.replies, (value) => input.replies.has(value));
    const raw = 0.72 * best + 0.1 * enhanced + 0.06 * reply + (tag > 0 ? 0.3 : tag < 0 ? 0.3 * tag : 0) + (best > 0.999 ? 0.12 : 0);
    const score = Math.round(Math.min(1, Math.max(0, raw)) * 1000) / 1000;
    if (score < minScore) continue;
    // Ties between near-identical texts: the entry that explains more of the input (no words missing
    // from it), then one whose literal equals the input exactly (case included), then one standing
    // verbatim (case folded) in the input, then the longer literal.
    const explains = 0.04 * bestText.precision;
    exact ??= input.text.replace(/\s+/g, ' ').trim();
    squashed ??= squash(input.text);
    const inputExact = exact;
    const inputSquashed = squashed;
    const identical = texts.some((t) => t.exact === inputExact) ? 0.1 : 0;
    const verbatim = texts.some((t) => t.squashed.length > 0 && inputSquashed.includes(t.squashed)) ? 0.02 : 0;
    const length = longestText * 0.0001;
    scored.push({ id: entry.id, score, rank: raw + explains + identical + verbatim + length });
  }
  // A tie-break can rank an entry above one with a slightly higher score; no entry then shows more
  // confidence than the one ranked above it, so the scores read in the same order as the list.
  let ceiling = 1;
  return scored
    .sort((a, b) => b.rank - a.rank || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map(({ id, score }) => {
      ceiling = Math.min(ceiling, score);
      return { id, score: ceiling };
    });
}

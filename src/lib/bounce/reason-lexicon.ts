// The phrase lexicon of the scored diagnosis: wordings mail servers use for each cause, as data
// (reason, strength, source), grouped by (reason, strength, source, language); a group's first match is
// what a diagnosis weighs. Sources: the project's own tables (reason-phrases.ts, reason-phrases-i18n.ts for
// other languages) and Sisimai's reason lists (reason-lexicon-sisimai.ts, BSD-2-Clause).
// Matching runs on lower-cased text with white space collapsed; offsets map back to the original. A
// prefilter (phrase-prefilter.ts, with each term's literals read at build time into phrase-literals.ts) runs
// only the terms a text holds a literal of each required set of ("spam" and one of "score", "filter" ...),
// plain-text terms without a regular expression; the answers are those of each group's combined pattern,
// which the tests run as the reference.
import type { Reason } from '../content/vocabulary.ts';
import { LOCALISED_REASON_PHRASES } from './reason-phrases-i18n.ts';
import { REASON_PHRASES } from './reason-phrases.ts';
import { SISIMAI_REASON_LISTS } from './reason-lexicon-sisimai.ts';
import { TERM_LITERALS } from './phrase-literals.ts';
import { findLiterals, requiredLiteralSets, tabulateLiterals } from './phrase-prefilter.ts';
import type { LiteralTable } from './phrase-prefilter.ts';

export type TermStrength = 'strong' | 'weak';
export type TermSource = 'project' | 'sisimai';

/** One wording: a regular-expression source over normalised text, and the reason it names. */
export type LexiconTerm = { id: string; reason: Reason; strength: TermStrength; source: TermSource; pattern: string; not?: string; /** A wording in another language than English (reason-phrases-i18n.ts). */ localised?: true };

// One term of a group: its own pattern, compiled on first use, or, for a term that is plain text
// ("mailbox full", "\bno such user\."), that text, found without a regular expression (null: not plain).
type CompiledTerm = { source: string; pattern: RegExp | null; plain: PlainTerm | null | undefined };

// Plain text, and whether a word boundary ("\b") stands before it and after it.
type PlainTerm = { text: string; boundedBefore: boolean; boundedAfter: boolean };

type CompiledGroup = {
  reason: Reason;
  strength: TermStrength;
  source: TermSource;
  localised: boolean;
  /** The group's terms as one alternation, in order: the reference the prefiltered scan must agree with. */
  alternation: string;
  /** The alternation compiled, at its first use (the prefiltered scan runs it only when every term of the group may match). */
  pattern: RegExp | null;
  not: RegExp | null;
  terms: readonly LexiconTerm[];
  /** The group's terms are numbers first ... end - 1 of the lexicon's `compiled`. */
  first: number;
  end: number;
};

/** A compiled lexicon: the groups to scan, and the terms behind them (for validation that drops some). */
export type Lexicon = {
  groups: readonly CompiledGroup[];
  terms: readonly LexiconTerm[];
  /** Every term of every group, numbered group by group. */
  compiled: readonly CompiledTerm[];
};

// What the prefilter knows of a lexicon's terms (phrase-prefilter.ts): a term may match only when the text
// holds a literal of each of its sets. Every literal of every set once (the terms' first, most selective,
// sets numbered first), the numbers of the terms whose first set holds each literal, each term's other
// sets as literal numbers (null: none), and the terms with no set, which always run.
// Also, per term, its group's index, and the scratch space of one scan (scanning is synchronous): the
// literals found, the candidate terms (flags and, in term order once sorted, numbers), the refused terms.
type Prefilter = {
  literals: LiteralTable;
  /** The terms needing literal l are termsOfLiterals[termStarts[l]] ... termsOfLiterals[termStarts[l + 1] - 1]. */
  termStarts: Int32Array;
  termsOfLiterals: Int32Array;
  otherSets: readonly (readonly Int32Array[] | null)[];
  alwaysRun: Int32Array;
  groupOf: Int32Array;
  present: Int32Array;
  candidate: Uint8Array;
  chosen: Int32Array;
  refused: Uint8Array;
  refusedList: Int32Array;
};

// The build-time table's rows (phrase-literals.ts) by pattern source: each term's sets of literals (null:
// none can be named) and where each literal's rarest sequence starts. The site's build leaves the table out
// (vite.config.ts; its engine downloads less, and a page scans a few texts).
type KnownTerm = (typeof TERM_LITERALS)[number];
let knownTerms: ReadonlyMap<string, KnownTerm> | null = null;

function readKnownTerms(): ReadonlyMap<string, KnownTerm> {
  knownTerms ??= new Map(TERM_LITERALS.map((row) => [row[0], row]));
  return knownTerms;
}

// A lexicon the build-time table covers gets its prefilter at its first scan. Reading the literals of
// every term costs about as much as a few hundred plain scans, so a lexicon the table does not cover is
// scanned plainly (each group's combined pattern) until it has been scanned this often.
const PREFILTER_AFTER_SCANS = 300;

const prefilters = new WeakMap<Lexicon, { scans: number; covered: boolean; prefilter: Prefilter | null }>();

// The lexicon's prefilter once it is cheap or has earned it (or at once when `force`), else null.
function prefilterOf(lexicon: Lexicon, force: boolean): Prefilter | null {
  let state = prefilters.get(lexicon);
  if (state === undefined) {
    const known = readKnownTerms();
    state = { scans: 0, covered: lexicon.compiled.every((term) => known.has(term.source)), prefilter: null };
    prefilters.set(lexicon, state);
  }
  state.scans += 1;
  if (state.prefilter === null && (force || state.covered || state.scans > PREFILTER_AFTER_SCANS)) state.prefilter = buildPrefilter(lexicon);
  return state.prefilter;
}

function buildPrefilter(lexicon: Lexicon): Prefilter {
  const known = readKnownTerms();
  const termCount = lexicon.compiled.length;
  const always: number[] = [];
  // Every literal once, numbered in the order first needed, with its rarest sequence when the build knows it.
  const numberOf = new Map<string, number>();
  const literals: string[] = [];
  const keys: (number | undefined)[] = [];
  const numberLiteral = (literal: string, key: number | undefined): number => {
    let number = numberOf.get(literal);
    if (number === undefined) {
      number = literals.length;
      numberOf.set(literal, number);
      literals.push(literal);
      keys.push(key);
    }
    return number;
  };
  const rows = lexicon.compiled.map((term) => {
    const row = known.get(term.source);
    // A term the build-time table lacks has its literals read now.
    return { sets: row === undefined ? requiredLiteralSets(term.source) : row[1], keys: row?.[2] };
  });
  // The first sets' literals first, so that termStarts covers them alone; then every other set's.
  const firstSets = rows.map(({ sets, keys: setKeys }) => (sets?.[0] ?? null)?.map((literal, n) => numberLiteral(literal, setKeys?.[0]?.[n])) ?? null);
  const otherSets = rows.map(({ sets, keys: setKeys }) => (sets === null || sets.length < 2 ? null : sets.slice(1).map((set, k) => Int32Array.from(set, (literal, n) => numberLiteral(literal, setKeys?.[k + 1]?.[n])))));
  // The terms needing each first-set literal, literal after literal (termStarts[l] ... termStarts[l + 1] - 1).
  const termStarts = new Int32Array(literals.length + 1);
  firstSets.forEach((numbers, t) => {
    if (numbers === null) always.push(t);
    for (const number of numbers ?? []) termStarts[number + 1] = (termStarts[number + 1] ?? 0) + 1;
  });
  for (let l = 0; l < literals.length; l += 1) termStarts[l + 1] = (termStarts[l + 1] ?? 0) + (termStarts[l] ?? 0);
  const filled = termStarts.slice(0, literals.length);
  const termsOfLiterals = new Int32Array(termStarts[literals.length] ?? 0);
  firstSets.forEach((numbers, t) => {
    for (const number of numbers ?? []) {
      termsOfLiterals[filled[number] ?? 0] = t;
      filled[number] = (filled[number] ?? 0) + 1;
    }
  });
  const knownKeys = keys.filter((key) => key !== undefined);
  const groupOf = new Int32Array(termCount);
  lexicon.groups.forEach((group, g) => {
    groupOf.fill(g, group.first, group.end);
  });
  return {
    // Where a literal's rarest sequence is not known from the build, the literals are read for it now.
    literals: tabulateLiterals(literals, knownKeys.length === keys.length ? knownKeys : undefined),
    termStarts,
    termsOfLiterals,
    otherSets,
    alwaysRun: Int32Array.from(always),
    groupOf,
    present: new Int32Array(literals.length),
    candidate: new Uint8Array(termCount),
    chosen: new Int32Array(termCount),
    refused: new Uint8Array(termCount),
    refusedList: new Int32Array(termCount),
  };
}

export type PhraseHit = { reason: Reason; strength: TermStrength; source: TermSource; localised?: true; text: string; start: number; end: number };

// The characters that structure a pattern source, as character codes.
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const BAR = 0x7c;

// Splits a pattern source at its top-level "|" so each wording is one term: "a|b(c|d)" -> ["a", "b(c|d)"].
function splitAlternatives(source: string): string[] {
  if (!source.includes('|')) return source === '' ? [] : [source];
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source.charCodeAt(i);
    // "\|", "\(", "\[": an escaped character is plain
    if (ch === BACKSLASH) i += 1;
    else if (inClass) inClass = ch !== CLOSE_BRACKET;
    else if (ch === OPEN_BRACKET) inClass = true;
    else if (ch === OPEN_PAREN) depth += 1;
    else if (ch === CLOSE_PAREN) depth -= 1;
    else if (ch === BAR && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts.filter((part) => part !== '');
}

// A Sisimai pattern wrapped whole in one group, "(?:a|b)", is unwrapped before splitting.
function unwrap(source: string): string {
  if (!source.startsWith('(?:') || !source.endsWith(')')) return source;
  const inner = source.slice(3, -1);
  let depth = 0;
  // By character code: a string's iterator is several times slower while the module is first set up.
  for (let i = 0; i < inner.length; i += 1) {
    const ch = inner.charCodeAt(i);
    if (ch === OPEN_PAREN) depth += 1;
    if (ch === CLOSE_PAREN) depth -= 1;
    if (depth < 0) return source;
  }
  return inner;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function projectTerms(): LexiconTerm[] {
  const terms: LexiconTerm[] = [];
  [...REASON_PHRASES, ...LOCALISED_REASON_PHRASES].forEach((table, t) => {
    const localised = t >= REASON_PHRASES.length;
    table.patterns.forEach((pattern, p) => {
      splitAlternatives(pattern.source).forEach((alternative, a) => {
        const term: LexiconTerm = { id: `project:${table.reason}:${String(t)}.${String(p)}.${String(a)}`, reason: table.reason, strength: table.strength, source: 'project', pattern: alternative };
        if (localised) term.localised = true;
        terms.push(term);
      });
    });
  });
  return terms;
}

function sisimaiTerms(): LexiconTerm[] {
  const terms: LexiconTerm[] = [];
  for (const list of SISIMAI_REASON_LISTS) {
    const not = list.not.length > 0 ? list.not.map(escapeRegExp).join('|') : undefined;
    const add = (pattern: string, n: number): void => {
      const term: LexiconTerm = { id: `sisimai:${list.reason}:${String(n)}`, reason: list.reason, strength: 'strong', source: 'sisimai', pattern };
      if (not) term.not = not;
      terms.push(term);
    };
    list.phrases.forEach((phrase, n) => {
      add(escapeRegExp(phrase.trim()), n);
    });
    list.patterns.forEach((pattern, p) => {
      splitAlternatives(unwrap(pattern)).forEach((alternative, a) => {
        add(alternative, 1000 * (p + 1) + a);
      });
    });
  }
  return terms;
}

/** Every term of the lexicon, project terms first. */
export const LEXICON_TERMS: readonly LexiconTerm[] = [...projectTerms(), ...sisimaiTerms()];

/** Compiles terms into one pattern per (reason, strength, source, language); run once per lexicon, not per diagnosis. */
export function compileLexicon(terms: readonly LexiconTerm[]): Lexicon {
  const byKey = new Map<string, LexiconTerm[]>();
  for (const term of terms) {
    const key = `${term.reason}|${term.strength}|${term.source}|${term.localised === true ? 'localised' : ''}`;
    const list = byKey.get(key);
    if (list) list.push(term);
    else byKey.set(key, [term]);
  }
  const groups: CompiledGroup[] = [];
  const compiled: CompiledTerm[] = [];
  for (const list of byKey.values()) {
    const head = list[0];
    if (!head) continue;
    const not = head.not ? new RegExp(head.not) : null;
    const first = compiled.length;
    for (const term of list) compiled.push({ source: term.pattern, pattern: null, plain: undefined });
    groups.push({ reason: head.reason, strength: head.strength, source: head.source, localised: head.localised === true, alternation: list.map((term) => `(?:${term.pattern})`).join('|'), pattern: null, not, terms: list, first, end: compiled.length });
  }
  return { groups, terms, compiled };
}

/** The lexicon used by default, compiled at module load. */
export const DEFAULT_LEXICON: Lexicon = compileLexicon(LEXICON_TERMS);

/** Text prepared for phrase matching: lower case, runs of white space as one space, and a map back to offsets. */
export type NormalizedText = { text: string; offsets: Int32Array; length: number };

// "550-5.1.1 ": the code prefix of a multi-line reply's continuation lines, dropped so phrases can span lines.
const REPLY_PREFIX = /(?<![\w.])[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3}(?![\w.]))?/g;

/** Lower-cases and collapses white space, keeping for each character its offset in the original. */
export function normalizeText(original: string): NormalizedText {
  return normalizeInto(original, null);
}

// The offsets of the text being scanned, shared by every scan (scanning is synchronous): a typed array
// costs more to allocate than the whole normalizing of a short text.
let sharedOffsets = new Int32Array(4096);

/**
 * As normalizeText, but the offsets are written into one buffer shared by every call: valid only until
 * the next call, for a text scanned at once (and longer than the text, its tail left over).
 */
export function normalizeTransient(original: string): NormalizedText {
  return normalizeInto(original, original.length + 1 <= sharedOffsets.length ? sharedOffsets : (sharedOffsets = new Int32Array(2 * (original.length + 1))));
}

function normalizeInto(original: string, buffer: Int32Array | null): NormalizedText {
  let masked = original.replace(REPLY_PREFIX, (code) => ' '.repeat(code.length));
  const lower = masked.toLowerCase();
  masked = lower.length === masked.length ? lower : masked.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
  const offsets = buffer ?? new Int32Array(masked.length + 1);
  let text = '';
  let n = 0;
  let lastSpace = true;
  let chunkStart = 0;
  for (let i = 0; i < masked.length; i += 1) {
    const code = masked.charCodeAt(i);
    const space = code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 160;
    if (space) {
      // The first white space of a run, when a plain space, stays in the chunk as it is; the others are cut out.
      if (code === 32 && !lastSpace) {
        offsets[n] = i;
        n += 1;
        lastSpace = true;
        continue;
      }
      text += masked.slice(chunkStart, i);
      chunkStart = i + 1;
      if (!lastSpace) {
        text += ' ';
        offsets[n] = i;
        n += 1;
      }
      lastSpace = true;
      continue;
    }
    offsets[n] = i;
    n += 1;
    lastSpace = false;
  }
  text += masked.slice(chunkStart);
  offsets[n] = masked.length;
  return { text, offsets, length: n };
}

// The terms that may match a text, in term order in prefilter.chosen (their number is returned): those with
// no required literal, and those each of whose sets has a literal in the text. The scratch flags are left clear.
function markCandidates(prefilter: Prefilter, text: string): number {
  const { candidate, chosen, refused, refusedList, present, termStarts, termsOfLiterals, otherSets, alwaysRun } = prefilter;
  const { found } = prefilter.literals;
  const count = findLiterals(text, prefilter.literals, present);
  let chosenCount = 0;
  let refusedCount = 0;
  for (let k = 0; k < alwaysRun.length; k += 1) {
    const t = alwaysRun[k] ?? 0;
    candidate[t] = 1;
    chosen[chosenCount] = t;
    chosenCount += 1;
  }
  for (let p = 0; p < count; p += 1) {
    const l = present[p] ?? 0;
    for (let k = termStarts[l] ?? 0; k < (termStarts[l + 1] ?? 0); k += 1) {
      const t = termsOfLiterals[k] ?? 0;
      if (candidate[t] === 1 || refused[t] === 1) continue;
      const sets = otherSets[t];
      if (sets != null && !holdsEverySet(sets, found)) {
        refused[t] = 1;
        refusedList[refusedCount] = t;
        refusedCount += 1;
        continue;
      }
      candidate[t] = 1;
      chosen[chosenCount] = t;
      chosenCount += 1;
    }
  }
  for (let p = 0; p < count; p += 1) found[present[p] ?? 0] = 0;
  for (let k = 0; k < chosenCount; k += 1) candidate[chosen[k] ?? 0] = 0;
  for (let k = 0; k < refusedCount; k += 1) refused[refusedList[k] ?? 0] = 0;
  // In term order (a few dozen at most: insertion, without a view of the array).
  for (let k = 1; k < chosenCount; k += 1) {
    const t = chosen[k] ?? 0;
    let j = k - 1;
    for (; j >= 0 && (chosen[j] ?? 0) > t; j -= 1) chosen[j + 1] = chosen[j] ?? 0;
    chosen[j + 1] = t;
  }
  return chosenCount;
}

// Whether the text holds (`found`) a literal of each set.
function holdsEverySet(sets: readonly Int32Array[], found: Uint8Array): boolean {
  for (const set of sets) {
    let held = false;
    for (let k = 0; k < set.length && !held; k += 1) held = found[set[k] ?? 0] === 1;
    if (!held) return false;
  }
  return true;
}

// A pattern source that is plain text: no character with a meaning of its own, punctuation escaped
// ("no such user\.", "mailbox full"). Matches "over quota", not "over quotas?".
const PLAIN_SOURCE = /^(?:[^\\^$.|?*+()[\]{}]|\\[^\w\s])+$/;

// The plain text a source matches, between optional word boundaries ("\bmailbox full\b"), or null.
function plainTermOf(source: string): PlainTerm | null {
  const boundedBefore = source.startsWith('\\b');
  // A final "\b" is a boundary unless its backslash is itself escaped ("a\\b" is "a", "\\", "b"), which
  // leaves a lone backslash before it and so no plain text.
  const boundedAfter = source.endsWith('\\b') && source.length > 2;
  const inner = source.slice(boundedBefore ? 2 : 0, boundedAfter ? -2 : undefined);
  return PLAIN_SOURCE.test(inner) ? { text: inner.replace(/\\(.)/g, '$1'), boundedBefore, boundedAfter } : null;
}

// Whether the character at `at` is a word character for "\b" ([A-Za-z0-9_]); none is outside the text.
function isWordAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || code === 95 || (code >= 97 && code <= 122);
}

// Where a plain term first matches: its first occurrence whose boundaries hold, or -1.
function findPlain(plain: PlainTerm, text: string): number {
  const end = plain.text.length;
  for (let at = text.indexOf(plain.text); at >= 0; at = text.indexOf(plain.text, at + 1)) {
    if (plain.boundedBefore && isWordAt(text, at - 1) === isWordAt(text, at)) continue;
    if (plain.boundedAfter && isWordAt(text, at + end - 1) === isWordAt(text, at + end)) continue;
    return at;
  }
  return -1;
}

/** Where a group matches first, and the text matched. */
type FirstMatch = { index: number; text: string };

// A term's first match in `text`: a plain term's text found as it is, any other by its pattern.
function matchTerm(term: CompiledTerm, text: string): FirstMatch | null {
  if (term.plain === undefined) term.plain = plainTermOf(term.source);
  if (term.plain !== null) {
    const index = findPlain(term.plain, text);
    return index < 0 ? null : { index, text: term.plain.text };
  }
  term.pattern ??= new RegExp(term.source);
  const match = term.pattern.exec(text);
  return match === null ? null : { index: match.index, text: match[0] };
}

// The first match of the terms chosen[from] ... chosen[to - 1] (terms of one group, in order): the leftmost
// match of any of them, the earlier term at the same place, exactly as the group's alternation finds it
// when the other terms cannot match (no required literal is there).
function firstMatch(chosen: Int32Array, from: number, to: number, text: string, compiled: readonly CompiledTerm[]): FirstMatch | null {
  let best: FirstMatch | null = null;
  for (let k = from; k < to; k += 1) {
    const term = compiled[chosen[k] ?? 0];
    if (term === undefined) continue;
    const match = matchTerm(term, text);
    if (match !== null && (best === null || match.index < best.index)) best = match;
  }
  return best;
}

// The group's first match by its combined pattern (the reference).
function matchGroup(group: CompiledGroup, text: string): FirstMatch | null {
  group.pattern ??= new RegExp(group.alternation);
  const match = group.pattern.exec(text);
  return match === null ? null : { index: match.index, text: match[0] };
}

// The hit of a group's first match, its span mapped back to the original text; null when the group's
// exclusions ("not") are in the text.
function hitOf(group: CompiledGroup, match: FirstMatch, normalized: NormalizedText): PhraseHit | null {
  if (group.not?.test(normalized.text)) return null;
  const { offsets } = normalized;
  const start = offsets[match.index] ?? 0;
  const last = match.index + match.text.length - 1;
  const end = (offsets[Math.max(match.index, last)] ?? start) + 1;
  const hit: PhraseHit = { reason: group.reason, strength: group.strength, source: group.source, text: match.text, start, end };
  if (group.localised) hit.localised = true;
  return hit;
}

/**
 * Every group of the lexicon that matches, with the first match's span in the original text. The answer
 * is the same with or without the prefilter; `prefilter` true uses it at once, false never (each group's
 * combined pattern runs: the reference the tests compare with); by default see PREFILTER_AFTER_SCANS.
 */
export function findPhrases(normalized: NormalizedText, lexicon: Lexicon = DEFAULT_LEXICON, options: { prefilter?: boolean } = {}): PhraseHit[] {
  const hits: PhraseHit[] = [];
  if (normalized.length === 0) return hits;
  const { text } = normalized;
  const prefilter = options.prefilter === false ? null : prefilterOf(lexicon, options.prefilter === true);
  if (prefilter === null) {
    for (const group of lexicon.groups) {
      const match = matchGroup(group, text);
      const hit = match === null ? null : hitOf(group, match, normalized);
      if (hit !== null) hits.push(hit);
    }
    return hits;
  }
  // The candidate terms, in term order and so group by group: a group none of whose terms may match is not run.
  const count = markCandidates(prefilter, text);
  const { chosen, groupOf } = prefilter;
  for (let from = 0; from < count; ) {
    const g = groupOf[chosen[from] ?? 0] ?? 0;
    let to = from + 1;
    while (to < count && groupOf[chosen[to] ?? 0] === g) to += 1;
    const group = lexicon.groups[g];
    if (group !== undefined) {
      // Every term of the group may match: its alternation runs as one.
      const match = to - from === group.end - group.first ? matchGroup(group, text) : firstMatch(chosen, from, to, text, lexicon.compiled);
      const hit = match === null ? null : hitOf(group, match, normalized);
      if (hit !== null) hits.push(hit);
    }
    from = to;
  }
  return hits;
}

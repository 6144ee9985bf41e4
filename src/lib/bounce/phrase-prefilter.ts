// A cheap test that rules out most phrase patterns before their regular expressions run. Each pattern's
// source is read once for sets of literal strings, every match containing one string of each set
// ("\bmailbox (?:is )?full" needs "mailbox full" or "mailbox is full"; "\bspam\b.{0,40}\bscore" needs
// "spam" and "score"); a pattern with a set none of whose strings is in the text is skipped. The strings
// a text holds are found in one pass (findLiterals: each string compared in place where its rarest run of
// six, or three, characters stands), or, for a few patterns, a text is summarised by the three-character
// sequences it holds (gramsOf). Sound by construction: anything the reader does not understand counts as
// "may match", so a new wording is never wrongly skipped.

/** Literal strings of which a match must contain at least one, or null when nothing is known. */
export type Requirement = readonly string[] | null;

/** Sets of literal strings, every match holding one string of each set; null when nothing is known. */
export type Requirements = readonly (readonly string[])[] | null;

// What a piece of a pattern can match: `exact` lists every string it can match when that set is small
// (zero-width assertions match ''), `need` the best requirement found inside it, `all` every requirement
// found inside it (each selective enough to filter by).
type Piece = { exact: readonly string[] | null; need: Requirement; all: readonly (readonly string[])[] };

// Largest set of exact strings carried through alternations and concatenations.
const MAX_EXACT = 16;
// Shortest required string worth keeping (the text is summarised by three-character sequences).
const MIN_LITERAL = 3;

const ANY: Piece = { exact: null, need: null, all: [] };
const EMPTY: Piece = { exact: [''], need: null, all: [] };

// Length past which a literal is taken as selective enough: a longer one is not preferred to fewer alternatives.
const SELECTIVE_LENGTH = 10;

// How selective a requirement is: its shortest string (up to SELECTIVE_LENGTH), then fewer alternatives.
function strength(need: Requirement): number {
  if (need === null || need.length === 0) return 0;
  let shortest = Infinity;
  for (const text of need) shortest = Math.min(shortest, text.length);
  return shortest < MIN_LITERAL ? 0 : Math.min(shortest, SELECTIVE_LENGTH) * 100 - need.length;
}

function better(a: Requirement, b: Requirement): Requirement {
  return strength(b) > strength(a) ? b : a;
}

function asNeed(piece: Piece): Requirement {
  return better(piece.need, piece.exact);
}

function product(left: readonly string[], right: readonly string[]): string[] | null {
  if (left.length * right.length > MAX_EXACT) return null;
  if (left.length === 1 && right.length === 1) return [(left[0] ?? '') + (right[0] ?? '')];
  const out: string[] = [];
  for (const a of left) {
    for (const b of right) if (!out.includes(a + b)) out.push(a + b);
  }
  return out;
}

// Adds `need` to `all` when it is selective enough to filter by.
function keep(all: (readonly string[])[], need: Requirement): void {
  if (need !== null && strength(need) > 0) all.push(need);
}

function concatenate(pieces: readonly Piece[]): Piece {
  let need: Requirement = null;
  const all: (readonly string[])[] = [];
  // The exact strings of the pieces read since the last one that was not exact.
  let run: readonly string[] = [''];
  let allExact = true;
  for (const piece of pieces) {
    need = better(need, piece.need);
    all.push(...piece.all);
    const joined = piece.exact === null ? null : product(run, piece.exact);
    if (joined !== null) {
      run = joined;
      continue;
    }
    allExact = false;
    need = better(need, run);
    keep(all, run);
    run = piece.exact ?? [''];
  }
  need = better(need, run);
  keep(all, run);
  return { exact: allExact ? run : null, need, all };
}

function alternate(branches: readonly Piece[]): Piece {
  const exact = new Set<string>();
  let allExact = true;
  const need: string[] = [];
  let needKnown = true;
  for (const branch of branches) {
    if (branch.exact === null) allExact = false;
    else for (const text of branch.exact) exact.add(text);
    const own = asNeed(branch);
    if (own === null || strength(own) === 0) needKnown = false;
    else need.push(...own);
  }
  const known = needKnown ? minimalLiterals(need) : null;
  return { exact: allExact && exact.size <= MAX_EXACT ? [...exact] : null, need: known, all: known === null ? [] : [known] };
}

// One of ["spamhaus", "spamhaus pbl"] is there exactly when "spamhaus" is: a literal holding another is dropped.
function minimalLiterals(literals: readonly string[]): string[] {
  const unique = [...new Set(literals)];
  return unique.filter((literal) => !unique.some((other) => other !== literal && literal.includes(other)));
}

// A repeated piece: "x?" can match what x matches or nothing; "x{2,5}" or "x+" contains x at least once.
function repeat(piece: Piece, min: number, max: number): Piece {
  if (min === 0) return { exact: max === 1 && piece.exact !== null && piece.exact.length < MAX_EXACT ? [...new Set(['', ...piece.exact])] : null, need: null, all: [] };
  if (min === 1 && max === 1) return piece;
  const all = [...piece.all];
  keep(all, asNeed(piece));
  return { exact: null, need: asNeed(piece), all };
}

// The characters "\." "\/" "\[" ... stand for themselves; "\t" "\n" "\r" for white space; other escapes
// ("\d", "\w", "\s", "\u0041", "\A") are read as unknown characters.
function escapedLiteral(ch: string): string | null {
  if (ch === 't') return '\t';
  if (ch === 'n') return '\n';
  if (ch === 'r') return '\r';
  return /^[^\w]$/.test(ch) ? ch : null;
}

type Cursor = { source: string; at: number };

// "[ ]", "[.]", "[oa]": a class of a few plain characters is that set of one-character strings; a
// negated class, a range or a class escape is an unknown character.
function readClass(cursor: Cursor): Piece {
  const { source } = cursor;
  cursor.at += 1;
  const chars: string[] = [];
  let plain = source[cursor.at] !== '^';
  for (; cursor.at < source.length && source[cursor.at] !== ']'; cursor.at += 1) {
    const ch = source[cursor.at] ?? '';
    if (ch === '\\') {
      cursor.at += 1;
      const literal = escapedLiteral(source[cursor.at] ?? '');
      if (literal === null) plain = false;
      else chars.push(literal);
    } else if (ch === '-' && chars.length > 0 && source[cursor.at + 1] !== ']') plain = false;
    else chars.push(ch);
  }
  cursor.at += 1;
  return plain && chars.length > 0 && chars.length <= 8 ? { exact: [...new Set(chars)], need: null, all: [] } : ANY;
}

const OPTIONAL = { min: 0, max: 1 };
const ANY_COUNT = { min: 0, max: Infinity };
const SOME = { min: 1, max: Infinity };

// The digits at `at` as a number and where they end: "30}" -> 30.
function readNumber(source: string, at: number): { value: number; end: number } {
  let end = at;
  while (end < source.length && source.charCodeAt(end) >= 48 && source.charCodeAt(end) <= 57) end += 1;
  return { value: end > at ? Number(source.slice(at, end)) : NaN, end };
}

// "{0,30}", "{3}", "{2,}" at `at`, or null when the brace is a plain character.
function readRange(source: string, at: number): { min: number; max: number; end: number } | null {
  const low = readNumber(source, at + 1);
  if (Number.isNaN(low.value)) return null;
  if (source[low.end] === '}') return { min: low.value, max: low.value, end: low.end + 1 };
  if (source[low.end] !== ',') return null;
  const high = readNumber(source, low.end + 1);
  if (source[high.end] !== '}') return null;
  return { min: low.value, max: Number.isNaN(high.value) ? Infinity : high.value, end: high.end + 1 };
}

// "?", "*", "+", "{2}", "{0,30}" after an atom, with an optional lazy "?".
function readQuantifier(cursor: Cursor): { min: number; max: number } | null {
  const { source } = cursor;
  const ch = source[cursor.at];
  let bounds: { min: number; max: number } | null = null;
  if (ch === '?') bounds = OPTIONAL;
  else if (ch === '*') bounds = ANY_COUNT;
  else if (ch === '+') bounds = SOME;
  else if (ch === '{') {
    const range = readRange(source, cursor.at);
    if (range === null) return null;
    bounds = range;
    cursor.at = range.end - 1;
  }
  if (bounds === null) return null;
  cursor.at += 1;
  if (source[cursor.at] === '?') cursor.at += 1;
  return bounds;
}

function readAtom(cursor: Cursor): Piece {
  const { source } = cursor;
  const ch = source[cursor.at] ?? '';
  if (ch === '(') {
    // "(?=x)", "(?!x)", "(?<=x)", "(?<!x)" match no characters; "(?:x)", "(?<name>x)" and "(x)" match x.
    let look = false;
    if (source[cursor.at + 1] !== '?') cursor.at += 1;
    else {
      const kind = source[cursor.at + 2];
      const after = source[cursor.at + 3];
      look = kind === '=' || kind === '!' || (kind === '<' && (after === '=' || after === '!'));
      if (kind === '<' && !look) cursor.at = source.indexOf('>', cursor.at) + 1;
      else cursor.at += kind === '<' ? 4 : 3;
      if (cursor.at <= 0) throw new Error('unclosed group name');
    }
    const inner = readAlternation(cursor);
    cursor.at += 1;
    return look ? EMPTY : inner;
  }
  if (ch === '[') return readClass(cursor);
  cursor.at += 1;
  if (ch === '\\') {
    const next = source[cursor.at] ?? '';
    cursor.at += 1;
    if (next === 'b' || next === 'B') return EMPTY;
    // "\x41", "\u0041", "\u{41}", "\cJ", "\k<name>": the characters after the letter belong to the escape
    const tail = next === 'x' || next === 'u' || next === 'c' || next === 'k' ? /^(?:x[\da-fA-F]{2}|u(?:[\da-fA-F]{4}|\{[\da-fA-F]{1,6}\})|c[A-Za-z]|k<\w+>)/.exec(source.slice(cursor.at - 1, cursor.at + 10)) : null;
    if (tail) cursor.at += tail[0].length - 1;
    const literal = escapedLiteral(next);
    return literal === null ? ANY : { exact: [literal], need: null, all: [] };
  }
  if (ch === '^' || ch === '$') return EMPTY;
  if (ch === '.') return ANY;
  return { exact: [ch], need: null, all: [] };
}

function readSequence(cursor: Cursor): Piece {
  const pieces: Piece[] = [];
  const { source } = cursor;
  while (cursor.at < source.length && source[cursor.at] !== '|' && source[cursor.at] !== ')') {
    const atom = readAtom(cursor);
    const bounds = readQuantifier(cursor);
    pieces.push(bounds === null ? atom : repeat(atom, bounds.min, bounds.max));
  }
  return concatenate(pieces);
}

function readAlternation(cursor: Cursor): Piece {
  const branches = [readSequence(cursor)];
  while (cursor.source[cursor.at] === '|') {
    cursor.at += 1;
    branches.push(readSequence(cursor));
  }
  return branches.length === 1 ? (branches[0] ?? ANY) : alternate(branches);
}

/**
 * The literal strings (three characters or more) of which every match of `source` (a regular expression
 * without flags) contains at least one, or null when none can be named:
 * "\bno such (?:user|mailbox)" -> ["no such user", "no such mailbox"]; "\bspam\b.{0,40}\bscore" -> ["spam"].
 */
export function requiredLiterals(source: string): Requirement {
  try {
    const cursor = { source, at: 0 };
    const piece = readAlternation(cursor);
    if (cursor.at !== source.length) return null;
    const need = asNeed(piece);
    return strength(need) > 0 ? need : null;
  } catch {
    return null;
  }
}

// Most sets a pattern is filtered by: the most selective ones.
const MAX_REQUIREMENTS = 4;

/**
 * Every set of literal strings (three characters or more) of which each match of `source` contains at
 * least one, the most selective first, or null when none can be named: "\bspam\b.{0,40}\b(?:score|filter)" -> [["score", "filter"], ["spam"]]. A set
 * implied by another ("spam" by "spam score") is left out.
 */
export function requiredLiteralSets(source: string): Requirements {
  let piece: Piece;
  try {
    const cursor = { source, at: 0 };
    piece = readAlternation(cursor);
    if (cursor.at !== source.length) return null;
  } catch {
    return null;
  }
  const sets: (readonly string[])[] = [];
  for (const need of [asNeed(piece), ...piece.all]) keep(sets, need === null ? null : minimalLiterals(need));
  const distinct = [...new Map(sets.map((set) => [JSON.stringify([...set].sort()), set])).values()];
  // A set is implied by another when each string of the other holds one of its strings.
  const implies = (a: readonly string[], b: readonly string[]): boolean => a.every((text) => b.some((other) => text.includes(other)));
  const kept = distinct.filter((set, n) => !distinct.some((other, m) => m !== n && implies(other, set) && (!implies(set, other) || m < n)));
  return kept.length === 0 ? null : kept.sort((a, b) => strength(b) - strength(a)).slice(0, MAX_REQUIREMENTS);
}

// Three characters folded into one slot of a 2^16-bit set; a collision only lets a pattern run.
const GRAM_BITS = 16;
const GRAM_MASK = (1 << GRAM_BITS) - 1;

function gramOf(a: number, b: number, c: number): number {
  return slotOfFold(foldOf(a, b, c));
}

// The three characters folded into one number, before their slot is mixed from it (slotOfFold).
function foldOf(a: number, b: number, c: number): number {
  return (Math.imul(a, 0x3c1) + Math.imul(b, 0x1f) + c) | 0;
}

// The slot of a fold in a 2^16-bit set.
function slotOfFold(fold: number): number {
  return Math.imul(fold, 0x9e3779b1) >>> (32 - GRAM_BITS);
}

/** The three-character sequences of a text, as a bit set. */
export type GramSet = Uint32Array;

/** Summarises `text` by its three-character sequences, into `into` when given (cleared first). */
export function gramsOf(text: string, into?: GramSet): GramSet {
  const set = into?.fill(0) ?? new Uint32Array((GRAM_MASK + 1) >>> 5);
  if (text.length < 3) return set;
  let a = text.charCodeAt(0);
  let b = text.charCodeAt(1);
  for (let i = 2; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const gram = gramOf(a, b, c);
    set[gram >>> 5] = (set[gram >>> 5] ?? 0) | (1 << (gram & 31));
    a = b;
    b = c;
  }
  return set;
}

/** The sequences a literal needs, precomputed for mayContain. */
export type LiteralGrams = Int32Array;

export function literalGrams(literal: string): LiteralGrams {
  const grams = new Set<number>();
  for (let i = 0; i + 2 < literal.length; i += 1) grams.add(gramOf(literal.charCodeAt(i), literal.charCodeAt(i + 1), literal.charCodeAt(i + 2)));
  return Int32Array.from(grams);
}

/** False only when `text` (summarised by `set`) certainly does not contain the literal. */
export function mayContain(set: GramSet, grams: LiteralGrams): boolean {
  for (let i = 0; i < grams.length; i += 1) {
    const gram = grams[i] ?? 0;
    if (((set[gram >>> 5] ?? 0) & (1 << (gram & 31))) === 0) return false;
  }
  return true;
}

// A literal of LONG_KEY characters or more is keyed by a sequence of that many: "user u" stands in a text
// far more rarely than "use" does, so fewer places are compared with it. A shorter one by three characters.
const LONG_KEY = 6;

// Two folded three-character runs, one after the other, as one slot of a 2^16-bit set.
function longGramOf(first: number, second: number): number {
  return slotOfFold((Math.imul(first, 0x2f0b3) + second) | 0);
}

// How many characters key `literal`: LONG_KEY, three for a shorter one, 0 for one of no sequence.
function keyLength(literal: string): number {
  return literal.length >= LONG_KEY ? LONG_KEY : literal.length >= 3 ? 3 : 0;
}

// The slot of the key of `literal` starting at `at` (keyLength(literal) characters).
function keyGramOf(literal: string, at: number): number {
  const first = foldOf(literal.charCodeAt(at), literal.charCodeAt(at + 1), literal.charCodeAt(at + 2));
  if (keyLength(literal) !== LONG_KEY) return slotOfFold(first);
  return longGramOf(first, foldOf(literal.charCodeAt(at + 3), literal.charCodeAt(at + 4), literal.charCodeAt(at + 5)));
}

/**
 * Where each literal's key starts (its rarest sequence of LONG_KEY characters, or of three for a shorter
 * literal): the one that fewer of the literals keyed alike share ("quota " in "over quota exceeded" rather
 * than "the"), the smaller slot on a tie; -1 for a literal of no sequence. The lexicon's own are read at
 * build time (phrase-literals.ts), so a fresh process need not read every literal's sequences.
 */
export function rarestSequences(literals: readonly string[]): number[] {
  // How many literals keyed by three characters, and by LONG_KEY, share each slot (each literal counted
  // once per slot: seenIn holds the last literal, plus one, that counted it).
  const sharedShort = new Uint16Array(GRAM_MASK + 1);
  const sharedLong = new Uint16Array(GRAM_MASK + 1);
  const seenShort = new Int32Array(GRAM_MASK + 1);
  const seenLong = new Int32Array(GRAM_MASK + 1);
  for (let l = 0; l < literals.length; l += 1) {
    const literal = literals[l] ?? '';
    const length = keyLength(literal);
    const long = length === LONG_KEY;
    const shared = long ? sharedLong : sharedShort;
    const seenIn = long ? seenLong : seenShort;
    for (let i = 0; length > 0 && i + length <= literal.length; i += 1) {
      const slot = keyGramOf(literal, i);
      if (seenIn[slot] === l + 1) continue;
      seenIn[slot] = l + 1;
      shared[slot] = Math.min(0xffff, (shared[slot] ?? 0) + 1);
    }
  }
  return literals.map((literal) => {
    const length = keyLength(literal);
    const shared = length === LONG_KEY ? sharedLong : sharedShort;
    let best = -1;
    let bestSlot = 0;
    for (let i = 0; length > 0 && i + length <= literal.length; i += 1) {
      const slot = keyGramOf(literal, i);
      const rank = shared[slot] ?? 0;
      const bestRank = shared[bestSlot] ?? 0;
      if (best < 0 || rank < bestRank || (rank === bestRank && slot < bestSlot)) {
        best = i;
        bestSlot = slot;
      }
    }
    return best;
  });
}

/**
 * Many literals grouped by their key (rarestSequences), so a text is checked, at each place where a key
 * may stand, only for the literals it keys. The slots of the keys (of three characters or of LONG_KEY,
 * in one bit set: a literal is compared in place whichever key's slot led to it) are the bits of `heads`;
 * a group's number is its slot's rank in that set (`below` counts the heads before each 32-bit word).
 * A literal of no sequence (shorter than three characters) is keyed by nothing and never found.
 */
export type LiteralTable = {
  literals: readonly string[];
  heads: GramSet;
  below: Int32Array;
  /** Per group, its first literal; per literal, the next one of its group (-1 ends). */
  firstOf: Int32Array;
  next: Int32Array;
  /** Per literal, where its key ends in it (0: no key). */
  keyEnd: Int32Array;
  /** Every literal's characters one after another (literal l's from charStarts[l] to charStarts[l + 1]): compared in one block of memory. */
  chars: Uint16Array;
  charStarts: Int32Array;
  /** Scratch of one scan (scanning is synchronous): 1 for each literal found so far. */
  found: Uint8Array;
};

/** Tabulates `literals`, keyed by the sequences starting at `keys` (rarestSequences by default). */
export function tabulateLiterals(literals: readonly string[], keys: readonly number[] = rarestSequences(literals)): LiteralTable {
  const keyGrams = new Int32Array(literals.length).fill(-1);
  const keyEnd = new Int32Array(literals.length);
  const heads = new Uint32Array((GRAM_MASK + 1) >>> 5);
  for (let l = 0; l < literals.length; l += 1) {
    const literal = literals[l] ?? '';
    const at = keys[l] ?? -1;
    const length = keyLength(literal);
    if (length === 0 || at < 0 || at + length > literal.length) continue;
    const gram = keyGramOf(literal, at);
    keyGrams[l] = gram;
    keyEnd[l] = at + length;
    heads[gram >>> 5] = (heads[gram >>> 5] ?? 0) | (1 << (gram & 31));
  }
  const below = new Int32Array(heads.length);
  let groups = 0;
  for (let w = 0; w < heads.length; w += 1) {
    below[w] = groups;
    groups += bitsBelow(heads[w] ?? 0, 32);
  }
  const firstOf = new Int32Array(groups).fill(-1);
  const next = new Int32Array(literals.length).fill(-1);
  for (let l = literals.length - 1; l >= 0; l -= 1) {
    const gram = keyGrams[l] ?? -1;
    if (gram < 0) continue;
    const group = (below[gram >>> 5] ?? 0) + bitsBelow(heads[gram >>> 5] ?? 0, gram & 31);
    next[l] = firstOf[group] ?? -1;
    firstOf[group] = l;
  }
  const charStarts = new Int32Array(literals.length + 1);
  for (let l = 0; l < literals.length; l += 1) charStarts[l + 1] = (charStarts[l] ?? 0) + (literals[l]?.length ?? 0);
  // Copied from one string of every literal in one loop: a fresh process runs this before any of it is compiled.
  const joined = literals.join('');
  const chars = new Uint16Array(joined.length);
  for (let i = 0; i < joined.length; i += 1) chars[i] = joined.charCodeAt(i);
  return { literals, heads, below, firstOf, next, keyEnd, chars, charStarts, found: new Uint8Array(literals.length) };
}

// Whether the characters chars[from] ... chars[to - 1] stand in `text` at `at`.
function standsAt(text: string, chars: Uint16Array, from: number, to: number, at: number): boolean {
  if (at < 0 || at + to - from > text.length) return false;
  for (let i = from; i < to; i += 1) if (text.charCodeAt(at + i - from) !== chars[i]) return false;
  return true;
}

// Compares with the text the literals of the group of `slot` (a slot that keys one), each where its key
// would end at `end`; lists those found (see findLiterals) and returns the new count.
function checkGroup(text: string, table: LiteralTable, slot: number, end: number, into: Int32Array, count: number): number {
  const { next, keyEnd, found, chars, charStarts } = table;
  let listed = count;
  const group = (table.below[slot >>> 5] ?? 0) + bitsBelow(table.heads[slot >>> 5] ?? 0, slot & 31);
  for (let l = table.firstOf[group] ?? -1; l >= 0; l = next[l] ?? -1) {
    if (found[l] === 1 || !standsAt(text, chars, charStarts[l] ?? 0, charStarts[l + 1] ?? 0, end - (keyEnd[l] ?? 0))) continue;
    found[l] = 1;
    into[listed] = l;
    listed += 1;
  }
  return listed;
}

/**
 * Lists in `into` every literal of the table that `text` holds, each once in the order first found, and
 * returns how many; the table's `found` (all 0 before) is left at 1 for each one listed. One pass: at
 * each place, the literals keyed by the three or LONG_KEY characters ending there are compared with the
 * text in place.
 */
export function findLiterals(text: string, table: LiteralTable, into: Int32Array): number {
  if (text.length < 3) return 0;
  const { heads } = table;
  let count = 0;
  let a = text.charCodeAt(0);
  let b = text.charCodeAt(1);
  // The folds of the three characters ending one, two and three places back.
  let back1 = 0;
  let back2 = 0;
  let back3 = 0;
  for (let i = 2; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const fold = foldOf(a, b, c);
    a = b;
    b = c;
    const slot = slotOfFold(fold);
    if (((heads[slot >>> 5] ?? 0) & (1 << (slot & 31))) !== 0) count = checkGroup(text, table, slot, i + 1, into, count);
    const longSlot = longGramOf(back3, fold);
    if (i >= LONG_KEY - 1 && ((heads[longSlot >>> 5] ?? 0) & (1 << (longSlot & 31))) !== 0) count = checkGroup(text, table, longSlot, i + 1, into, count);
    back3 = back2;
    back2 = back1;
    back1 = fold;
  }
  return count;
}

// How many bits of `word` are set below bit `bit` (0 to 32).
function bitsBelow(word: number, bit: number): number {
  let v = bit >= 32 ? word : word & ((1 << bit) - 1);
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

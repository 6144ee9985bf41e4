// Ranks catalogue entries by how well pasted text matches their literal server texts, codes and tags.
// Both sides are normalised (case, white space, addresses, IP addresses and the placeholders the
// sources use: "<user@domain.com>", "[XX.XX.XX.XX]", "x.xx.xx.xx", "{IP}", "[$SenderDomain]"), then
// scored by IDF-weighted token coverage and the longest common run of tokens. An exact provider tag
// with agreeing codes outranks a fuzzy phrase. The catalogue is passed in, so the engine stays pure.
// Speed: the catalogue is prepared once (tokens numbered, IDF, tags) and indexed from token and tag to
// entries, so a paste is scored only against the entries that could reach the score threshold; scoring
// compares numbers, and sums keep the order that makes every score exact. The costly part of preparing
// (indexCatalogue) is plain data a program can compute when it is built and prime the catalogue with.
import type { EntryMatch, Finding, MatchableEntry } from './types.ts';

// Texts are numbered in catalogue order; a text's tokens (and its distinct tokens, in the order first
// seen) are a stretch of one shared list of vocabulary ids, from its start to the next text's.
type PreparedCatalogue = {
  catalogue: readonly MatchableEntry[];
  /** Per entry: the number of its first text (and, last, the number of texts); its tags (lower case). */
  firstText: Int32Array;
  tagsOf: readonly (readonly string[])[];
  entryOfText: Int32Array;
  tokenStarts: Int32Array;
  tokenIds: Int32Array;
  uniqueStarts: Int32Array;
  uniqueIds: Int32Array;
  /** The IDF weights of each text's distinct tokens, summed in their order. */
  totals: Float64Array;
  /** Vocabulary id -> the texts containing that token (postings for summing coverage), and its IDF weight. */
  postingStarts: Int32Array;
  postings: Int32Array;
  idfOf: Float64Array;
  /** The folded forms of each text for the tie-breaks, made when first needed (see squashedOf). */
  squashed: (string | undefined)[];
  exact: (string | undefined)[];
  /** Tag (lower case) -> indices of the entries carrying it. */
  byTag: Map<string, number[]>;
  /** The tags of four characters or more made only of word characters, dots and hyphens (found by findStandingTags). */
  wordTags: Set<string>;
  /** The other tags of four characters or more, each with the pattern that finds it standing alone (made when first needed). */
  otherTags: Map<string, RegExp | undefined>;
  /**
   * Scratch space of candidatesOf, reused by every call (matching is synchronous): per text, the IDF
   * weight of its words found in the input (read in text order, which is quicker on a cold cache than
   * following the texts the input touches).
   */
  coverage: Float64Array;
  seen: Uint8Array;
  /** Every token of the catalogue's texts, numbered, so scoring compares numbers rather than strings. */
  vocabulary: WordTable;
  /** Scratch of indexInput: the place in the input's distinct tokens of each vocabulary id, or -1. */
  orderOf: Int32Array;
  /** Scratch of textScore: the input places of a text's shared tokens. */
  shared: Int32Array;
};

/**
 * What preparing a catalogue computes from its texts, as plain data (JSON): made by indexCatalogue, at
 * build time for the command line and the library, and read back by primeCatalogue. Lists of lists are
 * flat, each with the start of every part and, last, its length.
 */
export type CatalogueIndex = {
  /** The number of entries, of texts and of characters in the texts, to tell whether an index fits a catalogue. */
  entries: number;
  texts: number;
  characters: number;
  /** The catalogue's tokens by vocabulary id (numbered in the order first seen over the texts), joined by spaces. */
  vocabulary: string;
  /** The IDF weight of each vocabulary id: log(1 + entries / entries holding the token). */
  idf: number[];
  /** Each text's tokens as vocabulary ids, and its distinct ones in the order first seen; their IDF weights summed. */
  tokenStarts: number[];
  tokenIds: number[];
  uniqueStarts: number[];
  uniqueIds: number[];
  totals: number[];
  /** Each vocabulary id's texts, in text order. */
  postingStarts: number[];
  postings: number[];
};

const STOP_WORDS = new Set(
  'a an the to of is are was were be been for your you our we this that it its in on at by from with and or as please more information visit see http https www html htm com org net if not no'.split(' '),
);

// "<user@domain.com>", "${user@example.com}", "<user@nonqualifieddomain>", "kijitora@example.jp"
const ADDRESS = /[<{]?\$?\{?[\w.+=$%'-]{1,64}@[\w.$-]{0,253}\}?[>}]?/g;
// "[192.0.2.1]", "x.xx.xx.xx", "[XX.XX.XX.XX]", "127.5.0.X"
const IPV4_ADDRESS = /\[?\b(?:\d{1,3}|x{1,3})(?:\.(?:\d{1,3}|x{1,3})){3}\b\]?/gi;
// "2001:db8::1", "fe80::1", and a time read as one: "12:34:56"
const IPV6_ADDRESS = /\b[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}\b/gi;
// Either, tried at one place (where both match there, the IPv4 match is taken)
const IP_ADDRESS_AT = new RegExp(`${IPV4_ADDRESS.source}|${IPV6_ADDRESS.source}`, 'yi');
// "{IP}", "[$SenderDomain]", "$ConnectingIP", "[XXXXXXX]", "<servername[...]>"
const PLACEHOLDER = /\[\$?[\w.]{1,40}\]|\{[\w.]{1,40}\}|\$[a-z][\w]{1,40}|\[x{3,}\]/gi;
// "example.com", "domain.com", "mail.example.org"; at most eight labels before it, so a long dotted run
// ("a.a.a.a...") is not rescanned from every label
const EXAMPLE_DOMAIN = /\b(?:[\w-]{1,63}\.){0,8}(?:example|domain)\.(?:com|org|net)\b/gi;
// "550", "5.1.1", "5.7.606-649"
const CODES = /(?<![\w.])(?:[245]\.\d{1,3}\.\d{1,3}(?:-\d{1,3})?|[245]\d\d)(?![\w]|\.\d)/g;

const WINDOW = 24_000;

// The most characters an ADDRESS match holds before its "@" ("<${" and 64 local-part characters) and after it.
const ADDRESS_BEFORE_AT = 67;
const ADDRESS_AFTER_AT = 256;

// The characters of an address's local part ([\w.+=$%'-], ASCII), by character code: "user.name+tag"
const LOCAL_CHARACTER = new Uint8Array(128);
for (let code = 0; code < 128; code++) LOCAL_CHARACTER[code] = /[\w.+=$%'-]/.test(String.fromCharCode(code)) ? 1 : 0;

// text.replace(ADDRESS, ' zaddress '), with the pattern tried only near each "@": a match holds exactly
// one "@" (its character runs exclude it) and starts at most ADDRESS_BEFORE_AT characters before it, so
// no match starts farther from the next "@", and the text up to ADDRESS_AFTER_AT past it decides the match.
// A match through this "@" starts in the run of local-part characters before it or in the three marks
// before that run ("<${"); none starts earlier (an earlier "@" had no match, or was replaced), so the
// pattern is tried from there rather than from every word before the address.
function replaceAddresses(text: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    const bound = Math.max(from, at - ADDRESS_BEFORE_AT);
    while (start > bound && LOCAL_CHARACTER[text.charCodeAt(start - 1)] === 1) start--;
    start = Math.max(bound, start - 3);
    ADDRESS.lastIndex = 0;
    const match = ADDRESS.exec(text.slice(start, at + ADDRESS_AFTER_AT));
    if (match === null || start + match.index > at) continue;
    out += `${text.slice(from, start + match.index)} zaddress `;
    from = start + match.index + match[0].length;
    at = Math.max(at, from - 1);
  }
  return from === 0 ? text : out + text.slice(from);
}

// The characters an example domain is made of ([\w.-], ASCII), by character code: "mx1.example.com"
const DOMAIN_CHARACTER = new Uint8Array(128);
for (let code = 0; code < 128; code++) DOMAIN_CHARACTER[code] = /[\w.-]/.test(String.fromCharCode(code)) ? 1 : 0;

const isDomainCharacter = (code: number): boolean => code < 128 && DOMAIN_CHARACTER[code] === 1;

// text.replace(EXAMPLE_DOMAIN, ' zdomain '), with the pattern run only on the runs of domain characters
// that hold "example." or "domain.": a match is made of those characters only (ASCII, the pattern having
// no u flag), so it lies inside one run, and the edges of a run read as the edges of the text do. Each
// name's next place is looked for again only once the replacement has passed it.
function replaceExampleDomains(text: string): string {
  let out = '';
  let from = 0;
  let example = text.indexOf('example.');
  let domain = text.indexOf('domain.');
  while (example >= 0 || domain >= 0) {
    const at = example < 0 ? domain : domain < 0 ? example : Math.min(example, domain);
    let start = at;
    while (start > from && isDomainCharacter(text.charCodeAt(start - 1))) start--;
    let end = at;
    while (end < text.length && isDomainCharacter(text.charCodeAt(end))) end++;
    out += text.slice(from, start) + text.slice(start, end).replace(EXAMPLE_DOMAIN, ' zdomain ');
    from = end;
    if (example >= 0 && example < from) example = text.indexOf('example.', from);
    if (domain >= 0 && domain < from) domain = text.indexOf('domain.', from);
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Normalises a bounce text into comparable tokens. */
export function tokenizeForMatch(text: string): string[] {
  return tokenizeLowered(text.toLowerCase());
}

// tokenizeForMatch of a text already in lower case.
function tokenizeLowered(lowered: string): string[] {
  return normalizeLowered(lowered).split(TOKEN_BREAK).filter((token) => token.length > 0 && !STOP_WORDS.has(token));
}

// A lower-case text with its addresses, IP addresses, placeholders, example domains and codes replaced.
function normalizeLowered(lowered: string): string {
  return replaceExampleDomains(replaceIpAddresses(replaceAddresses(lowered)).replace(PLACEHOLDER, ' zvalue ')).replace(CODES, ' ');
}

const isHexDigit = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);

// The first colon from `from` on that can be an IPv6 address's first: a hexadecimal digit before it, and
// another colon after at most four more ("2001:db8::1", "12:34:56"); -1 if none.
function nextIpv6Colon(text: string, from: number): number {
  for (let colon = text.indexOf(':', Math.max(1, from)); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    if (!isHexDigit(text.charCodeAt(colon - 1))) continue;
    let next = colon + 1;
    while (next < colon + 5 && isHexDigit(text.charCodeAt(next))) next++;
    if (text.charCodeAt(next) === 58) return colon;
  }
  return -1;
}

// text.replace(IP_ADDRESS, ' zip ') for IP_ADDRESS = IPv4 | IPv6, with the IPv6 alternative (slow to
// look for: it may start at any hexadecimal letter) tried only before a colon that can be an IPv6
// address's first: such a match starts one to four characters before its first colon. Elsewhere only
// IPv4 can match and is looked for alone; before each such colon both are tried at each of those places.
function replaceIpAddresses(text: string): string {
  let out = '';
  let from = 0;
  let colon = nextIpv6Colon(text, 1);
  // The next IPv4 match from where it was last looked for (still the next from `from` while at or after it)
  let ipv4: RegExpExecArray | null | undefined;
  for (;;) {
    if (ipv4 === undefined || (ipv4 !== null && ipv4.index < from)) {
      IPV4_ADDRESS.lastIndex = from;
      ipv4 = IPV4_ADDRESS.exec(text);
    }
    // Before `both`, only IPv4 can match.
    const both = colon < 0 ? text.length : Math.max(from, colon - 4);
    let match: RegExpExecArray | null = ipv4 !== null && ipv4.index < both ? ipv4 : null;
    for (let at = both; match === null && at < colon; at++) {
      IP_ADDRESS_AT.lastIndex = at;
      match = IP_ADDRESS_AT.exec(text);
    }
    if (match !== null) {
      out += `${text.slice(from, match.index)} zip `;
      from = match.index + match[0].length;
      if (colon >= 0 && colon <= from) colon = nextIpv6Colon(text, from + 1);
      continue;
    }
    if (colon < 0) break;
    // Nothing starts before the colon.
    out += text.slice(from, colon);
    from = colon;
    colon = nextIpv6Colon(text, colon + 1);
  }
  return out === '' ? text : out + text.slice(from);
}

// What separates tokens: "user unknown (in reply" -> "user", "unknown", "in", "reply"
const TOKEN_BREAK = /[^a-z0-9\u00c0-\uffff]+/;

// The white space that folding changes: a run of two or more, or one that is not a plain space
// ("a \t b" -> "a b", "a\nb" -> "a b"); a lone space, the most common run, is left as it is.
const SPACES_TO_FOLD = /\s{2,}|[^\S ]/g;

/** text.replace(/\s+/g, ' '), with fewer replacements: each run of white space becomes one space. */
export function foldSpaces(text: string): string {
  return text.replace(SPACES_TO_FOLD, ' ');
}

// The folded forms of a text for the tie-breaks: case and white space folded (the verbatim test), and
// white space only (the exact test). Made for the few texts that reach them.
function literalOf(prepared: PreparedCatalogue, t: number): string {
  const e = prepared.entryOfText[t] ?? 0;
  return prepared.catalogue[e]?.texts[t - (prepared.firstText[e] ?? 0)] ?? '';
}

function squashedOf(prepared: PreparedCatalogue, t: number): string {
  return (prepared.squashed[t] ??= foldSpaces(literalOf(prepared, t).toLowerCase()).trim());
}

function exactOf(prepared: PreparedCatalogue, t: number): string {
  return (prepared.exact[t] ??= foldSpaces(literalOf(prepared, t)).trim());
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

// The number of texts and of their characters (indexed loops: this runs at start-up, before any is optimised).
function measureTexts(catalogue: readonly MatchableEntry[]): { texts: number; characters: number } {
  let texts = 0;
  let characters = 0;
  for (let e = 0; e < catalogue.length; e++) {
    const entryTexts = (catalogue[e] as MatchableEntry).texts;
    texts += entryTexts.length;
    for (let t = 0; t < entryTexts.length; t++) characters += (entryTexts[t] as string).length;
  }
  return { texts, characters };
}

/**
 * Tokenizes every text of a catalogue, numbers the tokens and weighs them: the costly part of preparing
 * it, done at build time for a program that should start fast (the command line and the library bundle
 * the result).
 */
export function indexCatalogue(catalogue: readonly MatchableEntry[]): CatalogueIndex {
  const vocabulary = new Map<string, number>();
  const documentFrequency: number[] = [];
  const tokenStarts: number[] = [];
  const tokenIds: number[] = [];
  const uniqueStarts: number[] = [];
  const uniqueIds: number[] = [];
  for (const entry of catalogue) {
    const inEntry = new Set<number>();
    for (const text of entry.texts) {
      const tokens = tokenizeForMatch(text);
      tokenStarts.push(tokenIds.length);
      uniqueStarts.push(uniqueIds.length);
      // ids are given in the order tokens are first seen in each text's distinct tokens, text after text
      for (const token of new Set(tokens)) {
        let id = vocabulary.get(token);
        if (id === undefined) {
          id = vocabulary.size;
          vocabulary.set(token, id);
          documentFrequency.push(0);
        }
        uniqueIds.push(id);
        inEntry.add(id);
      }
      for (const token of tokens) tokenIds.push(vocabulary.get(token) ?? 0);
    }
    for (const id of inEntry) documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
  }
  const texts = tokenStarts.length;
  tokenStarts.push(tokenIds.length);
  uniqueStarts.push(uniqueIds.length);
  const entries = Math.max(1, catalogue.length);
  const idf = documentFrequency.map((count) => Math.log(1 + entries / count));
  const totals: number[] = [];
  const textsOf: number[][] = documentFrequency.map(() => []);
  for (let t = 0; t < texts; t++) {
    let total = 0;
    for (let k = uniqueStarts[t] ?? 0; k < (uniqueStarts[t + 1] ?? 0); k++) {
      const id = uniqueIds[k] ?? 0;
      total += idf[id] ?? 1;
      textsOf[id]?.push(t);
    }
    totals.push(total);
  }
  const postingStarts: number[] = [];
  const postings: number[] = [];
  for (const list of textsOf) {
    postingStarts.push(postings.length);
    postings.push(...list);
  }
  postingStarts.push(postings.length);
  return { entries: catalogue.length, texts, characters: measureTexts(catalogue).characters, vocabulary: [...vocabulary.keys()].join(' '), idf, tokenStarts, tokenIds, uniqueStarts, uniqueIds, totals, postingStarts, postings };
}

function fitsCatalogue(index: CatalogueIndex, catalogue: readonly MatchableEntry[]): boolean {
  const { texts, characters } = measureTexts(catalogue);
  return index.entries === catalogue.length && index.texts === texts && index.totals.length === texts && index.characters === characters;
}

/**
 * Prepares a catalogue from its index computed ahead by indexCatalogue (for a program that should start
 * fast, such as the command line, which computes it when it is built). An index that does not fit the
 * catalogue is ignored and the texts tokenized again.
 */
export function primeCatalogue(catalogue: readonly MatchableEntry[], index: CatalogueIndex): void {
  prepareCatalogue(catalogue, fitsCatalogue(index, catalogue) ? index : undefined);
}

const NO_TAGS: readonly string[] = [];

function prepareCatalogue(catalogue: readonly MatchableEntry[], known?: CatalogueIndex): PreparedCatalogue {
  const cached = preparedCache.get(catalogue);
  if (cached) return cached;
  const index = known ?? indexCatalogue(catalogue);
  const words = index.vocabulary === '' ? [] : index.vocabulary.split(' ');
  const vocabulary = tabulateWords(words);
  const firstText = new Int32Array(catalogue.length + 1);
  const entryOfText = new Int32Array(index.texts);
  const tagsOf: (readonly string[])[] = [];
  const byTag = new Map<string, number[]>();
  const wordTags = new Set<string>();
  const otherTags = new Map<string, RegExp | undefined>();
  let t = 0;
  for (let e = 0; e < catalogue.length; e++) {
    const entry = catalogue[e] as MatchableEntry;
    firstText[e] = t;
    entryOfText.fill(e, t, t + entry.texts.length);
    t += entry.texts.length;
    if (!entry.tag) {
      tagsOf.push(NO_TAGS);
      continue;
    }
    const tags: string[] = [];
    for (const part of entry.tag.split(';')) {
      const tag = part.trim().toLowerCase();
      if (tag === '') continue;
      tags.push(tag);
      appendTo(byTag, tag, e);
      // "RESOLVER.ADR.RecipNotFound" standing alone, not inside "x.resolver.adr.recipnotfound-2"
      if (tag.length >= 4) {
        if (WORD_TAG.test(tag)) wordTags.add(tag);
        else otherTags.set(tag, undefined);
      }
    }
    tagsOf.push(tags);
  }
  firstText[catalogue.length] = t;
  const uniqueStarts = new Int32Array(index.uniqueStarts);
  let widest = 0;
  for (let k = 1; k < uniqueStarts.length; k++) widest = Math.max(widest, (uniqueStarts[k] ?? 0) - (uniqueStarts[k - 1] ?? 0));
  const prepared: PreparedCatalogue = {
    catalogue,
    firstText,
    tagsOf,
    entryOfText,
    tokenStarts: new Int32Array(index.tokenStarts),
    tokenIds: new Int32Array(index.tokenIds),
    uniqueStarts,
    uniqueIds: new Int32Array(index.uniqueIds),
    totals: new Float64Array(index.totals),
    postingStarts: new Int32Array(index.postingStarts),
    postings: new Int32Array(index.postings),
    idfOf: new Float64Array(index.idf),
    squashed: new Array<string | undefined>(index.texts),
    exact: new Array<string | undefined>(index.texts),
    byTag,
    wordTags,
    otherTags,
    coverage: new Float64Array(index.texts),
    seen: new Uint8Array(catalogue.length),
    vocabulary,
    orderOf: new Int32Array(words.length).fill(-1),
    shared: new Int32Array(widest),
  };
  preparedCache.set(catalogue, prepared);
  return prepared;
}

// Whether a tag that is not a run of word characters, dots and hyphens stands alone in `lowered`.
function standsAlone(prepared: PreparedCatalogue, tag: string, lowered: string): boolean {
  if (!lowered.includes(tag)) return false;
  let pattern = prepared.otherTags.get(tag);
  if (pattern === undefined) {
    pattern = new RegExp(`(?<![\\w.-])${escapeRegExp(tag)}(?![\\w-])`);
    prepared.otherTags.set(tag, pattern);
  }
  return pattern.test(lowered);
}

// The input's distinct tokens are numbered in the order first seen ("places"); a place holds a catalogue
// token (with its vocabulary id) or a word no catalogue text has (id -1, IDF weight 1).
type InputIndex = {
  /** The vocabulary id of each token (-1 for a word no catalogue text has). */
  tokenIds: Int32Array;
  /** The number of places; per place, its IDF weight and its vocabulary id. */
  places: number;
  weightAt: Float64Array;
  idAt: Int32Array;
  /**
   * Where each catalogue token stands in the input, as a chain: the first position of a place (-1 for
   * none), and after each position the next one of the same token (-1 for none).
   */
  firstAt: Int32Array;
  nextAt: Int32Array;
  /** The catalogue's vocabulary id -> its place (the catalogue's scratch, valid until the next input). */
  orderOf: Int32Array;
  /** Scratch for textScore, and the catalogue's IDF weight of each vocabulary id. */
  shared: Int32Array;
  idfOf: Float64Array;
  /** Catalogue tags (four characters or more) that stand alone in the lowered text. */
  standingTags: Set<string>;
  tags: Set<string>;
  replies: Set<string>;
  enhanced: Set<string>;
  lowered: string;
  /** The text, for the tie-breaks below (its folded forms are made only when an entry passes). */
  text: string;
};

// The input's scratch, reused by every call (matching is synchronous) and grown to the longest input
// seen: its lists are valid until the next input. The table of unknown words: four numbers per slot (the number of the input that filled it, and the
// word's start, end and hash), so a probe reads one place; each input uses as many slots as twice its
// most tokens (a power of two) from the start, so a short input stays in a few cache lines. Its slots
// are told apart from those of earlier inputs by their number, so it is never cleared.
const inputScratch = {
  size: 0,
  tokenIds: new Int32Array(0),
  weightAt: new Float64Array(0),
  idAt: new Int32Array(0),
  firstAt: new Int32Array(0),
  lastAt: new Int32Array(0),
  nextAt: new Int32Array(0),
  stamp: 0,
  otherShift: 32,
  others: new Int32Array(4),
};

function scratchFor(size: number): typeof inputScratch {
  if (inputScratch.size < size) {
    const grown = Math.max(size, inputScratch.size * 2);
    Object.assign(inputScratch, {
      size: grown,
      tokenIds: new Int32Array(grown),
      weightAt: new Float64Array(grown),
      idAt: new Int32Array(grown),
      firstAt: new Int32Array(grown),
      lastAt: new Int32Array(grown),
      nextAt: new Int32Array(grown),
      stamp: 0,
      others: new Int32Array(4 * slotsFor(grown)),
    });
  }
  // (numbered afresh, on a cleared table, after a billion inputs)
  if (++inputScratch.stamp > 0x3fffffff) {
    inputScratch.others.fill(0);
    inputScratch.stamp = 1;
  }
  inputScratch.otherShift = 32 - Math.log2(slotsFor(size));
  return inputScratch;
}

// Slots for a table of unknown words holding up to `size` tokens: a power of two, at least twice as many.
function slotsFor(size: number): number {
  let slots = 16;
  while (slots < size * 2) slots *= 2;
  return slots;
}

// "resolver.adr.recipnotfound", "cuda_nsu", "id-5.9.2": a tag of word characters, dots and hyphens
const WORD_TAG = /^[\w.-]+$/;
// Where some tag of a set stands alone, by one regular expression made of them all (a text is scanned
// natively even before the engine is warm): "[^\w.-](?:resolver\.adr\.recipnotfound|cuda_nsu)(?![\w-])"
// finds " resolver.adr.recipnotfound" in "550 5.1.1 resolver.adr.recipnotfound; not found". The character
// before the tag is read as part of the match rather than looked behind, which lets the engine pass over
// the places inside words at once (twice as fast on bounces); a tag at the very start of the text has no
// character before it and is tried there alone, with the same alternatives, sticky.
type StandingPatterns = { within: RegExp; atStart: RegExp };

const standingPatterns = new WeakMap<ReadonlySet<string>, StandingPatterns | null>();

function standingPatternsOf(tags: ReadonlySet<string>): StandingPatterns | null {
  let patterns = standingPatterns.get(tags);
  if (patterns === undefined) {
    const words = [...tags].filter((tag) => tag.length >= 4 && WORD_TAG.test(tag)).map(escapeRegExp);
    const alternatives = `(?:${words.join('|')})(?![\\w-])`;
    patterns = words.length === 0 ? null : { within: new RegExp(`[^\\w.-]${alternatives}`, 'g'), atStart: new RegExp(alternatives, 'y') };
    standingPatterns.set(tags, patterns);
  }
  return patterns;
}

// The rest of a run of tag characters ([\w.-], ASCII as in the tag patterns): "-2" after "x.resolver.adr.recipnotfound"
const RUN_REST = /[\w.-]*/y;

/**
 * The tags of `tags` (word characters, dots and hyphens, four or more) standing alone in `lowered` as the
 * tag patterns define it (no word character, dot or hyphen before; no word character or hyphen after): a
 * whole run of those characters ("x.resolver.adr.recipnotfound-2" is one run), or the part of a run
 * before one of its dots ("resolver.adr.recipnotfound" in "resolver.adr.recipnotfound."). Only the runs
 * where some tag stands alone are read.
 */
export function findStandingTags(lowered: string, tags: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  const patterns = standingPatternsOf(tags);
  if (patterns === null) return found;
  // Adds the tags of the run starting at `start`, in which one stands alone up to `end`; the end of the run.
  const readRun = (start: number, end: number): number => {
    RUN_REST.lastIndex = end;
    const word = lowered.slice(start, end + (RUN_REST.exec(lowered)?.[0].length ?? 0));
    if (tags.has(word)) found.add(word);
    for (let dot = word.indexOf('.', 4); dot > 0; dot = word.indexOf('.', dot + 1)) {
      const head = word.slice(0, dot);
      if (tags.has(head)) found.add(head);
    }
    return start + word.length;
  };
  const { within, atStart } = patterns;
  atStart.lastIndex = 0;
  const first = atStart.exec(lowered);
  // The next standing tag starts after the end of a run, past the character that ends it.
  within.lastIndex = first === null ? 0 : readRun(0, first[0].length);
  for (let standing = within.exec(lowered); standing !== null; standing = within.exec(lowered)) {
    within.lastIndex = readRun(standing.index + 1, standing.index + standing[0].length);
  }
  return found;
}

// The catalogue's words and the stop words in an open-addressing table keyed by a hash of their
// characters, so the input's tokens are looked up where they stand in the normalised text, without
// cutting each out as a string: a slot holds a word's hash and number (vocabulary ids first, then the
// stop words; -1 when empty). The input's unknown words are told apart the same way, in a table of the
// input's own.
type WordTable = { words: readonly string[]; vocabularySize: number; slots: Int32Array; shift: number };

// A token's hash, over its character codes: "mailbox" -> the same number wherever it stands.
function hashWord(text: string, start: number, end: number): number {
  let hash = 0;
  for (let k = start; k < end; k++) hash = (Math.imul(hash, 31) + text.charCodeAt(k)) | 0;
  return hash;
}

// The first slot tried for a hash, in a table of 2 ** (32 - shift) slots.
const slotOf = (hash: number, shift: number): number => Math.imul(hash, 0x9e3779b1) >>> shift;

// The slots hold two numbers each, a word's hash and its number (-1 when empty), so a probe reads one place.
function tabulateWords(vocabulary: readonly string[]): WordTable {
  const words = [...vocabulary, ...[...STOP_WORDS].filter((word) => !vocabulary.includes(word))];
  let bits = 4;
  while (1 << bits < words.length * 3) bits++;
  const slots = new Int32Array(2 << bits).fill(-1);
  const shift = 32 - bits;
  const mask = (1 << bits) - 1;
  for (let w = 0; w < words.length; w++) {
    const word = words[w] as string;
    const hash = hashWord(word, 0, word.length);
    let slot = slotOf(hash, shift);
    while (slots[2 * slot + 1] !== -1) slot = (slot + 1) & mask;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = w;
  }
  return { words, vocabularySize: vocabulary.length, slots, shift };
}

// Whether text[start, start + word.length) is `word`.
function standsAt(text: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(start + k) !== word.charCodeAt(k)) return false;
  return true;
}

// The number of the word text[start, end) in the table (a vocabulary id, or a stop word's number from
// vocabularySize on), or -1.
function findWord(table: WordTable, text: string, start: number, end: number, hash: number): number {
  const { words, slots } = table;
  const mask = (slots.length >> 1) - 1;
  const length = end - start;
  for (let slot = slotOf(hash, table.shift); ; slot = (slot + 1) & mask) {
    const w = slots[2 * slot + 1] ?? -1;
    if (w < 0) return -1;
    if (slots[2 * slot] !== hash) continue;
    const word = words[w] as string;
    if (word.length === length && standsAt(text, start, word)) return w;
  }
}

// Whether the `length` characters of `text` from `first` stand again from `again`.
function isRepeatedAt(text: string, first: number, again: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (text.charCodeAt(first + k) !== text.charCodeAt(again + k)) return false;
  return true;
}

// Token characters (what TOKEN_BREAK does not match): "a".."z", "0".."9" and U+00C0 on.
const isTokenCharacter = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code >= 0xc0;

// Whether the unknown word text[start, end) was seen before in this input; if not, it is added. The
// input's table stamps its slots with the input's number, so it is never cleared.
function isKnownOther(text: string, start: number, end: number, hash: number, scratch: typeof inputScratch): boolean {
  const { others, otherShift, stamp } = scratch;
  const mask = (1 << (32 - otherShift)) - 1;
  const length = end - start;
  for (let slot = slotOf(hash, otherShift); ; slot = (slot + 1) & mask) {
    const at = slot * 4;
    if (others[at] !== stamp) {
      others[at] = stamp;
      others[at + 1] = start;
      others[at + 2] = end;
      others[at + 3] = hash;
      return false;
    }
    const seenStart = others[at + 1] ?? 0;
    if (others[at + 3] === hash && (others[at + 2] ?? 0) - seenStart === length && isRepeatedAt(text, seenStart, start, length)) return true;
  }
}

// One pass over the tokens: each is looked up once in the vocabulary; words outside it are only told
// apart (their weight, 1, still counts once each in the input's total, in the order first seen).
function indexInput(text: string, findings: readonly Finding[], catalogue: PreparedCatalogue): InputIndex {
  const lowered = text.toLowerCase();
  const normalized = normalizeLowered(lowered);
  const { vocabulary, idfOf } = catalogue;
  const orderOf = catalogue.orderOf.fill(-1);
  // tokenizeLowered's tokens, read where they stand: no catalogue token is empty or a stop word
  const scratch = scratchFor((normalized.length >> 1) + 1);
  const { tokenIds, weightAt, idAt, firstAt, lastAt, nextAt } = scratch;
  const { vocabularySize } = vocabulary;
  let i = 0;
  let places = 0;
  const length = normalized.length;
  for (let p = 0; p < length; ) {
    let code = normalized.charCodeAt(p);
    if (!isTokenCharacter(code)) {
      p++;
      continue;
    }
    const start = p;
    let hash = 0;
    while (p < length && isTokenCharacter(code)) {
      hash = (Math.imul(hash, 31) + code) | 0;
      code = normalized.charCodeAt(++p);
    }
    const id = findWord(vocabulary, normalized, start, p, hash);
    if (id >= 0 && id < vocabularySize) {
      const at = orderOf[id] ?? -1;
      if (at >= 0) nextAt[lastAt[at] ?? 0] = i;
      else {
        orderOf[id] = places;
        firstAt[places] = i;
        weightAt[places] = idfOf[id] ?? 1;
        idAt[places] = id;
        places++;
      }
      lastAt[orderOf[id] ?? 0] = i;
      nextAt[i] = -1;
      tokenIds[i++] = id;
      continue;
    }
    if (id >= 0) continue;
    nextAt[i] = -1;
    tokenIds[i++] = -1;
    if (!isKnownOther(normalized, start, p, hash, scratch)) {
      firstAt[places] = -1;
      weightAt[places] = 1;
      idAt[places] = -1;
      places++;
    }
  }
  const tags = new Set<string>();
  const replies = new Set<string>();
  const enhanced = new Set<string>();
  for (const finding of findings) {
    const kind = finding.kind;
    if (kind === 'tag') tags.add(finding.value.toLowerCase());
    else if (kind === 'reply') replies.add(finding.value.toLowerCase());
    else if (kind === 'enhanced') enhanced.add(finding.value.toLowerCase());
  }
  const standingTags = findStandingTags(lowered, catalogue.wordTags);
  for (const tag of catalogue.otherTags.keys()) if (standsAlone(catalogue, tag, lowered)) standingTags.add(tag);
  return {
    tokenIds: tokenIds.subarray(0, i),
    places,
    weightAt,
    idAt,
    firstAt,
    nextAt,
    orderOf,
    shared: catalogue.shared,
    idfOf,
    standingTags,
    tags,
    replies,
    enhanced,
    lowered,
    text,
  };
}

/** The vocabulary ids of the tokens matching reads in `text` (-1 for a word no catalogue text has); for tests. */
export function inputTokenIds(text: string, catalogue: readonly MatchableEntry[]): Int32Array {
  return indexInput(text, [], prepareCatalogue(catalogue)).tokenIds.slice();
}

/** The IDF weight of each distinct token matching reads in `text`, in the order first seen (1 for a word no catalogue text has); for tests. */
export function inputWeights(text: string, catalogue: readonly MatchableEntry[]): number[] {
  const input = indexInput(text, [], prepareCatalogue(catalogue));
  return [...input.weightAt.subarray(0, input.places)];
}

// Longest run of consecutive text tokens (tokenIds[from..to)) that also stand consecutively in the input
// (from the first 50 places each text token stands in the input). Tokens are compared by vocabulary id.
function longestRun(tokenIds: Int32Array, from: number, to: number, input: InputIndex): number {
  let best = 0;
  for (let i = from; i < to && to - i > best; i++) {
    const at = input.orderOf[tokenIds[i] ?? -1] ?? -1;
    if (at < 0) continue;
    let start = input.firstAt[at] ?? -1;
    for (let s = 0; s < 50 && start >= 0; s++, start = input.nextAt[start] ?? -1) {
      let length = 1;
      while (i + length < to && input.tokenIds[start + length] === tokenIds[i + length]) length += 1;
      best = Math.max(best, length);
    }
  }
  return best;
}

// The IDF weight of every distinct input token, summed in input order (the denominator of precision).
function inputWeight(input: InputIndex): number {
  let all = 0;
  for (let at = 0; at < input.places; at++) all += input.weightAt[at] ?? 0;
  return all;
}

// The score of text `t` against the input; its coverage and precision are left in `scored`.
const scored = { coverage: 0, precision: 0 };

function textScore(prepared: PreparedCatalogue, t: number, input: InputIndex, inputAll: number): number {
  const from = prepared.uniqueStarts[t] ?? 0;
  const to = prepared.uniqueStarts[t + 1] ?? 0;
  scored.coverage = 0;
  scored.precision = 0;
  if (to === from) return 0;
  // The IDF-weighted share of the text's words found in the input, summed in the text's order; and the
  // input places of those words.
  const { uniqueIds, idfOf } = prepared;
  const shared = input.shared;
  let count = 0;
  let have = 0;
  for (let i = from; i < to; i++) {
    const id = uniqueIds[i] ?? 0;
    const at = input.orderOf[id] ?? -1;
    if (at < 0) continue;
    have += idfOf[id] ?? 0;
    // insertion in place order (few words per text)
    let j = count;
    while (j > 0 && (shared[j - 1] ?? 0) > at) {
      shared[j] = shared[j - 1] ?? 0;
      j--;
    }
    shared[j] = at;
    count++;
  }
  const total = prepared.totals[t] ?? 0;
  const coverage = total > 0 ? have / total : 0;
  // How much of the input the entry text explains: 1 when every word of a short paste is in the entry.
  // The shared tokens are summed in input order, so the figure is the same to the last bit as a sum over
  // the whole input.
  let inputHave = 0;
  for (let k = 0; k < count; k++) inputHave += input.weightAt[shared[k] ?? 0] ?? 0;
  const precision = inputAll > 0 ? inputHave / inputAll : 0;
  scored.coverage = coverage;
  scored.precision = precision;
  // One or two words ("Blocked") say little inside a long bounce: short texts reach full weight from
  // three tokens on, unless they are most of what was pasted.
  const tokensFrom = prepared.tokenStarts[t] ?? 0;
  const tokens = (prepared.tokenStarts[t + 1] ?? 0) - tokensFrom;
  const brevity = precision >= 0.8 ? 1 : Math.min(1, tokens / 3);
  if (coverage < 0.3) return coverage * 0.6 * brevity;
  const run = longestRun(prepared.tokenIds, tokensFrom, tokensFrom + tokens, input) / tokens;
  return (0.6 * coverage + 0.4 * run) * brevity;
}

function enhancedMatches(range: string, found: Set<string>): boolean {
  // "5.7.606-649": a range of detail codes (a plain code holds no hyphen)
  const dash = range.includes('-') ? /^(\d\.\d{1,3}\.)(\d{1,3})-(\d{1,3})$/.exec(range) : null;
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
function enhancedAgreement(wanted: string | null, found: Set<string>): number {
  if (wanted === null) return 0;
  if (enhancedMatches(wanted, found)) return 1;
  return found.size > 0 ? -1 : 0;
}

function replyAgreement(wanted: string | null, found: Set<string>): number {
  if (wanted === null) return 0;
  if (found.has(wanted)) return 1;
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
// Each text's sum is left in the catalogue's scratch for scoreBound, until the next input.
function candidatesOf(prepared: PreparedCatalogue, input: InputIndex): number[] {
  const have = prepared.coverage.fill(0);
  const { postingStarts, postings, idfOf } = prepared;
  for (let at = 0; at < input.places; at++) {
    const id = input.idAt[at] ?? -1;
    if (id < 0) continue;
    const weight = idfOf[id] ?? 1;
    const end = postingStarts[id + 1] ?? 0;
    for (let k = postingStarts[id] ?? 0; k < end; k++) {
      const t = postings[k] ?? 0;
      have[t] = (have[t] ?? 0) + weight;
    }
  }
  const seen = prepared.seen.fill(0);
  const { totals, entryOfText } = prepared;
  for (let t = 0; t < totals.length; t++) {
    const total = totals[t] ?? 0;
    if (total > 0 && (have[t] ?? 0) / total >= 0.3 - 1e-9) seen[entryOfText[t] ?? 0] = 1;
  }
  for (const tag of input.tags) for (const i of prepared.byTag.get(tag) ?? []) seen[i] = 1;
  for (const tag of input.standingTags) for (const i of prepared.byTag.get(tag) ?? []) seen[i] = 1;
  const candidates: number[] = [];
  for (let i = 0; i < seen.length; i++) if (seen[i] === 1) candidates.push(i);
  return candidates;
}

// The most the best text of entry `i` can score, from candidatesOf's sums: a text scores at most
// 0.6 * coverage + 0.4 * run (brevity is at most 1), below 30% coverage at most 0.6 * coverage, and its
// longest run in the input is at most the share of its tokens found there (counted only for a text of
// 30% coverage or more). The coverage is raised by the margin of its rounding.
function scoreBound(prepared: PreparedCatalogue, i: number, input: InputIndex): number {
  const { firstText, totals, coverage: have, tokenStarts, tokenIds } = prepared;
  const { orderOf } = input;
  let bound = 0;
  const textsTo = firstText[i + 1] ?? 0;
  for (let t = firstText[i] ?? 0; t < textsTo; t++) {
    const total = totals[t] ?? 0;
    const tokens = (tokenStarts[t + 1] ?? 0) - (tokenStarts[t] ?? 0);
    if (total <= 0 || tokens === 0) continue;
    const coverage = Math.min(1, (have[t] ?? 0) / total + 1e-9);
    if (coverage < 0.3) {
      bound = Math.max(bound, 0.6 * coverage);
      continue;
    }
    let present = 0;
    const tokensTo = tokenStarts[t + 1] ?? 0;
    for (let k = tokenStarts[t] ?? 0; k < tokensTo; k++) if ((orderOf[tokenIds[k] ?? 0] ?? -1) >= 0) present++;
    bound = Math.max(bound, 0.6 * coverage + 0.4 * (present / tokens));
  }
  return bound;
}

// "att/550-5-2-1-addressee-unknown": an id of lower-case ASCII letters, digits, hyphens and slashes
const PLAIN_ID = /^[-/0-9a-z]*$/;

/**
 * a.localeCompare(b) for catalogue ids, without starting the collator (its first use cost several
 * milliseconds at start-up, for the rare tie it breaks): the collation orders hyphen, slash, digits and
 * lower-case letters as their character codes do, so ids made only of those compare by code; others
 * through the collator.
 */
export function compareIds(a: string, b: string): number {
  if (PLAIN_ID.test(a) && PLAIN_ID.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

export type MatchOptions = {
  limit?: number;
  minScore?: number;
  /** Score every entry instead of the indexed candidates (the reference the index is tested against). */
  exhaustive?: boolean;
};

// An entry's score before rounding, from its best text's score, its codes' agreement (-1, 0 or 1 each)
// and its tag's weight; a text present whole adds 0.12.
function rawScore(best: number, enhanced: number, reply: number, tagWeight: number): number {
  return 0.72 * best + 0.1 * enhanced + 0.06 * reply + tagWeight + (best > 0.999 ? 0.12 : 0);
}

/** Catalogue entries that match `text`, best first, each with a score from 0 to 1. */
export function matchEntries(text: string, findings: readonly Finding[], catalogue: readonly MatchableEntry[], options: MatchOptions = {}): EntryMatch[] {
  const { limit = 10, minScore = 0.4, exhaustive = false } = options;
  if (catalogue.length === 0 || text.trim() === '') return [];
  const prepared = prepareCatalogue(catalogue);
  const input = indexInput(text.length > WINDOW ? text.slice(0, WINDOW) : text, findings, prepared);
  const inputAll = inputWeight(input);
  const codeless = !findings.some((finding) => finding.kind === 'reply' || finding.kind === 'enhanced' || finding.kind === 'tag');
  const ranked: (EntryMatch & { rank: number })[] = [];
  let exact: string | undefined;
  let squashed: string | undefined;
  let squashedWhole: string | undefined;
  const { firstText, tokenStarts } = prepared;
  const indices = exhaustive ? catalogue.map((_, i) => i) : candidatesOf(prepared, input);
  for (const i of indices) {
    const entry = catalogue[i] as MatchableEntry;
    const tag = tagAgreement(prepared.tagsOf[i] ?? NO_TAGS, input);
    const tagWeight = tag > 0 ? 0.3 : tag < 0 ? 0.3 * tag : 0;
    // An entry that cannot reach a threshold above 0 even with its texts' best possible scores (and, first,
    // with both codes agreeing) is not scored; the score is rounded to three places, hence the margin (and
    // the bound is raised past the rounding of its sums).
    const bounded = !exhaustive && minScore > 0;
    const bound = bounded ? scoreBound(prepared, i, input) + 1e-9 : 1;
    if (bounded && rawScore(bound, 1, 1, tagWeight) < minScore - 0.001) continue;
    const enhanced = enhancedAgreement(entry.enhanced, input.enhanced);
    const reply = replyAgreement(entry.reply, input.replies);
    if (bounded && rawScore(bound, enhanced, reply, tagWeight) < minScore - 0.001) continue;
    const textsFrom = firstText[i] ?? 0;
    const textsTo = firstText[i + 1] ?? 0;
    let best = 0;
    let bestCoverage = 0;
    let bestPrecision = 0;
    for (let t = textsFrom; t < textsTo; t++) {
      const score = textScore(prepared, t, input, inputAll);
      if (score > best || (score === best && scored.precision > bestPrecision)) {
        best = score;
        bestCoverage = scored.coverage;
        bestPrecision = scored.precision;
      }
    }
    if (best < 0.3 && tag < 1) continue;
    // Without any code in the input, only a text that is mostly present counts (no weak fuzzy matches).
    if (codeless && bestCoverage < 0.75 && tag < 1) continue;
    const raw = rawScore(best, enhanced, reply, tagWeight);
    const score = Math.round(Math.min(1, Math.max(0, raw)) * 1000) / 1000;
    if (score < minScore) continue;
    // Ties between near-identical texts: the entry that explains more of the input (no words missing
    // from it), then one whose literal equals the input exactly (case included), then one standing
    // verbatim (case folded) in the input, then the longer literal.
    const explains = 0.04 * bestPrecision;
    squashed ??= foldSpaces(input.lowered);
    squashedWhole ??= squashed.trim();
    let identical = 0;
    let verbatim = 0;
    let longestText = -Infinity;
    for (let t = textsFrom; t < textsTo; t++) {
      // Equal texts are equal once folded too: the exact form is made only for a text equal to the input folded.
      if (identical === 0 && squashedOf(prepared, t) === squashedWhole && exactOf(prepared, t) === (exact ??= foldSpaces(input.text).trim())) identical = 0.1;
      longestText = Math.max(longestText, (tokenStarts[t + 1] ?? 0) - (tokenStarts[t] ?? 0));
    }
    for (let t = textsFrom; t < textsTo; t++) {
      const folded = squashedOf(prepared, t);
      if (folded.length > 0 && squashed.includes(folded)) {
        verbatim = 0.02;
        break;
      }
    }
    const length = longestText * 0.0001;
    ranked.push({ id: entry.id, score, rank: raw + explains + identical + verbatim + length });
  }
  // A tie-break can rank an entry above one with a slightly higher score; no entry then shows more
  // confidence than the one ranked above it, so the scores read in the same order as the list.
  let ceiling = 1;
  return ranked
    .sort((a, b) => b.rank - a.rank || compareIds(a.id, b.id))
    .slice(0, limit)
    .map(({ id, score }) => {
      ceiling = Math.min(ceiling, score);
      return { id, score: ceiling };
    });
}

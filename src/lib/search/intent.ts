// What a query asks for, read before ranking: a pure code ("550", "550-5.1.1", "smtp error 554") wants
// the code page; a provider's tag ("TSS04", "AS(201806281)") wants its entry; anything else is words,
// where guides and causes (pages that explain) rank above single entries, and qualifiers ("error",
// "required") count less than the subject they qualify. The weights are one table.
import { LOCALISED_REASON_PHRASES } from '../bounce/reason-phrases-i18n.ts';
import type { SearchKind } from '../content/build.ts';

export type Intent = 'code' | 'words';

/** How much each kind of page counts for each intent; entries are the unit. */
export const KIND_WEIGHTS: Record<Intent, Record<SearchKind, number>> = {
  code: { code: 1, guide: 0.3, cause: 0.3, provider: 0.3, entry: 1 },
  words: { code: 1, guide: 2.5, cause: 2, provider: 3, entry: 1 },
};

/**
 * Coverage credit per kind, in query words: a guide or cause that covers enough of a plain-words query
 * answers it better than an entry whose long bounce text happens to contain one more of the words.
 */
export const KIND_COVERAGE: Record<Intent, Record<SearchKind, number>> = {
  code: { code: 0, guide: 0, cause: 0, provider: 0, entry: 0 },
  words: { code: 0, guide: 1, cause: 1, provider: 0, entry: 0 },
};

/** Words in provider names and domains that name no provider on their own: "Google (Gmail and Google Workspace)". */
export const PROVIDER_NOISE = new Set(['com', 'net', 'org', 'and', 'mail', 'email', 'the', 'de', 'fr', 'co', 'jp', 'ru', 'ne', 'or', 'security', 'cloud', 'secure']);

/** Words around a code that say nothing more: "smtp error 554", "what does 550 mean", "how do I fix a 550 error". */
const CODE_FILLER = new Set(['smtp', 'esmtp', 'error', 'errors', 'err', 'code', 'codes', 'reply', 'status', 'response', 'number', 'bounce', 'bounced', 'bounceback', 'what', 'does', 'do', 'mean', 'means', 'meaning', 'is', 'the', 'a', 'an', 'email', 'mail', 'message', 'how', 'i', 'to', 'fix', 'solve', 'resolve', 'why', 'am', 'my', 'this', 'got', 'get', 'getting', 'received', 'remote', 'server', 'returned', 'failure', 'failed', 'delivery', 'in', 'on', 'for', 'of', 'with', 'about']);

/** Question words and glue that no page is about: "how do I set up DMARC" -> "set up dmarc". */
export const STOP_WORDS = new Set(['am', 'im', 'we', 'us', 'they', 'them', 'their', 'its', 'has', 'have', 'had', 'been', 'were', 'will', 'would', 'should', 'could', 'keep', 'keeps', 'still', 'please', 'mean', 'means', 'meaning', 'and', 'or', 'how', 'do', 'does', 'did', 'i', 'to', 'a', 'an', 'the', 'my', 'me', 'was', 'is', 'are', 'why', 'what', 'of', 'off', 'get', 'can', 'it', 'as', 'be', 'on', 'in', 'for', 'from', 'with', 'this', 'that', 'when', 'our', 'your', 'you', 'at', 'by', 'so', 'if', 'but', 'because', 'says', 'said', 'say', 'there', 'then', 'which', 'who', 'just', 'also', 'again', 'he', 'she', 'his', 'her', 'him']);

/**
 * Words that qualify a subject without naming one: in "TLS required", "dmarc failure" or "spf error" the
 * subject is TLS, DMARC or SPF, and the guide on it answers better than a bounce whose text also says
 * "required". Such a word counts this much of a word when the words a page covers are counted.
 */
export const QUALIFIER_COVERAGE = 0.5;
export const QUALIFIER_WORDS: readonly string[] = ['error', 'errors', 'fail', 'failed', 'fails', 'failure', 'failing', 'problem', 'problems', 'issue', 'issues', 'fix', 'fixing', 'required', 'requires', 'setup', 'set', 'up', 'email', 'emails', 'mail', 'message', 'messages', 'bounce', 'bounced', 'bounces', 'back', 'reject', 'rejected', 'rejecting', 'not', 'working', 'help', 'check', 'checking'];

const QUALIFIER_SET: ReadonlySet<string> = new Set(QUALIFIER_WORDS);

/** A reply code or an enhanced code as typed: "550", "5.7.1". */
const CODE_TOKEN = /^(?:[2-5]\d\d|[245]\.\d{1,3}\.\d{1,3})$/;

export type ReadQuery = { intent: Intent; codes: string[]; words: string[] };

/** Words of a question about time that name no subject: "how long does greylisting take" -> "greylisting". */
const HOW_LONG = new Set(['long', 'take', 'takes', 'last', 'lasts']);

/** The words of a query without its question about time: "how long does greylisting take" -> "how does greylisting". */
function withoutQuestion(words: readonly string[]): readonly string[] {
  const start = words.findIndex((word, index) => word === 'how' && words[index + 1] === 'long');
  return start < 0 ? words : [...words.slice(0, start + 1), ...words.slice(start + 2).filter((word) => !HOW_LONG.has(word))];
}

/** One digit of a code typed with spaces: the "5", "7" and "1" of "550 5 7 1". */
const CODE_CLASS = /^[245]$/;
const CODE_PART = /^\d{1,3}$/;

/** Joins an enhanced code typed with spaces for dots back into one word: "550 5 7 1" -> "550", "5.7.1". */
export function joinSpacedCodes(words: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const [first, second, third] = [words[i] ?? '', words[i + 1] ?? '', words[i + 2] ?? ''];
    if (CODE_CLASS.test(first) && CODE_PART.test(second) && CODE_PART.test(third)) {
      joined.push(`${first}.${second}.${third}`);
      i += 2;
    } else joined.push(first);
  }
  return joined;
}

/** Words before "name" that mean the same without it: "domain name not found" is "domain not found". */
const NAMED_BY = new Set(['domain', 'host']);

/** Drops a "name" that adds nothing to the word before it: "domain name", "host name". */
function withoutNameWord(words: readonly string[]): string[] {
  return words.filter((word, index) => !(word === 'name' && NAMED_BY.has(words[index - 1] ?? '')));
}

/** Reads a tokenized query: its codes (most specific first) when it is nothing but codes, else its words. */
export function readQuery(tokens: readonly string[]): ReadQuery {
  const words = joinSpacedCodes(tokens);
  // Qualifiers say nothing of their own beside a code: "554 5.7.1 rejected" asks what 5.7.1 means.
  const meaningful = words.filter((word) => !CODE_FILLER.has(word) && !STOP_WORDS.has(word) && !QUALIFIER_SET.has(word));
  if (meaningful.length > 0 && meaningful.every((word) => CODE_TOKEN.test(word))) {
    const enhanced = meaningful.filter((word) => word.includes('.'));
    const replies = meaningful.filter((word) => !word.includes('.'));
    return { intent: 'code', codes: [...enhanced, ...replies], words: meaningful };
  }
  const kept = withoutNameWord(withoutQuestion(words)).filter((word) => !STOP_WORDS.has(word));
  return { intent: 'words', codes: [], words: kept.length > 0 ? kept : [...words] };
}

/** A tag as a key: case and punctuation do not count, "AS(201806281)" -> "as201806281". */
export const tagKey = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The cause a query names in another language, read with the diagnosis engine's own localised wordings
 * (../bounce/reason-phrases-i18n.ts), so search and diagnosis agree: "Postfach voll" -> mailboxfull,
 * "usuario desconocido" -> userunknown. Null for English and anything the wordings do not cover.
 */
export function readLocalisedCause(query: string): string | null {
  const text = query.toLowerCase().replace(/\s+/g, ' ').trim();
  if (text.length < 4) return null;
  for (const table of LOCALISED_REASON_PHRASES) if (table.patterns.some((pattern) => pattern.test(text))) return table.reason;
  return null;
}

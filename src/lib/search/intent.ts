// What a query asks for, read before ranking: a pure code ("550", "550-5.1.1", "smtp error 554") wants
// the code page; a provider's tag ("TSS04", "AS(201806281)") wants its entry; anything else is words,
// where guides and causes (pages that explain) rank above single entries. The weights are one table.
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

/** Words around a code that say nothing more: "smtp error 554", "what does 550 mean". */
const CODE_FILLER = new Set(['smtp', 'error', 'code', 'codes', 'reply', 'status', 'bounce', 'bounced', 'what', 'does', 'do', 'mean', 'means', 'meaning', 'is', 'the', 'a', 'email', 'mail']);

/** Question words and glue that no page is about: "how do I set up DMARC" -> "set up dmarc". */
const STOP_WORDS = new Set(['how', 'do', 'does', 'did', 'i', 'to', 'a', 'an', 'the', 'my', 'me', 'was', 'is', 'are', 'why', 'what', 'of', 'off', 'get', 'can', 'it', 'as', 'be', 'on', 'in', 'for', 'from', 'with', 'this', 'that', 'when', 'our', 'your', 'you']);

/** A reply code or an enhanced code as typed: "550", "5.7.1". */
const CODE_TOKEN = /^(?:[2-5]\d\d|[245]\.\d{1,3}\.\d{1,3})$/;

export type ReadQuery = { intent: Intent; codes: string[]; words: string[] };

/** Reads a tokenized query: its codes (most specific first) when it is nothing but codes, else its words. */
export function readQuery(words: readonly string[]): ReadQuery {
  const meaningful = words.filter((word) => !CODE_FILLER.has(word));
  if (meaningful.length > 0 && meaningful.every((word) => CODE_TOKEN.test(word))) {
    const enhanced = meaningful.filter((word) => word.includes('.'));
    const replies = meaningful.filter((word) => !word.includes('.'));
    return { intent: 'code', codes: [...enhanced, ...replies], words: meaningful };
  }
  const kept = words.filter((word) => !STOP_WORDS.has(word));
  return { intent: 'words', codes: [], words: kept.length > 0 ? kept : [...words] };
}

/** A tag as a key: case and punctuation do not count, "AS(201806281)" -> "as201806281". */
export const tagKey = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

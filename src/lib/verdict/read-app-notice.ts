// What a mail app tells its user when a message fails, when that is all that was pasted: Gmail's
// "Address not found", Outlook's "Your message couldn't be delivered", Apple Mail's notices. Such text
// often has no codes but carries a DNS failure (NXDOMAIN: the domain does not exist) and the address.
// Pure: reads text, returns what it recognised.
import { suggestDomain } from './suggest-domain.ts';

export type AppNotice = {
  /** The notice's own title, as the app writes it ("Address not found"), or null. */
  title: string | null;
  /** A DNS failure named in the text. */
  dns: 'no-such-domain' | 'no-mail-server' | 'lookup-failed' | null;
  /** The domain the notice or DNS failure is about, when the text names one. */
  domain: string | null;
  /** A common domain the named one is probably a typo of. */
  suggestion: string | null;
};

// Titles of the notices mail apps show; the first that appears is the one reported.
const TITLES = [
  'Address not found',
  'Message blocked',
  'Message not delivered',
  'Delivery incomplete',
  'Unknown To address',
  "Your message couldn't be delivered",
  'Your message wasn’t delivered',
  "Your message wasn't delivered",
  'Undeliverable',
  'Delivery Status Notification (Failure)',
  'Mail delivery failed',
] as const;

// "responded with code NXDOMAIN", "Domain name not found: gmial.com", "Host or domain name not found"
const NO_SUCH_DOMAIN = /\bNXDOMAIN\b|domain name not found|host or domain name not found|domain (?:\S+ )?(?:couldn['’]t|could not) be found|no such domain/i;
// "DNS type 'mx' lookup of example.org responded with code NOERROR ... no MX records"
const NO_MAIL_SERVER = /\bno (?:MX|mail exchanger) records?\b|null MX/i;
// "DNS Error: DNS server returned SERVFAIL", "temporary DNS lookup failure"
const LOOKUP_FAILED = /\bSERVFAIL\b|DNS (?:lookup )?(?:error|failure|time-?out)/i;
// "lookup of gmial.com", "Domain name not found: gmial.com", "the domain gmial.com couldn't be found"
const DNS_DOMAIN = /(?:lookup of|not found:|the domain)\s+([a-z0-9](?:[a-z0-9-]{0,62}\.)+[a-z]{2,24})\b/i;
// "bob@gmial.com", "<bob@example.org>"
const ADDRESS_DOMAIN = /[\w.+'-]{1,64}@((?:[a-z0-9-]{1,63}\.)+[a-z]{2,24})\b/i;

/** The mail-app notice and DNS failure in `text`, with a "did you mean" for a mistyped common domain. */
export function readAppNotice(text: string): AppNotice {
  const head = text.slice(0, 20_000);
  const lower = head.toLowerCase();
  const title = TITLES.find((candidate) => lower.includes(candidate.toLowerCase())) ?? null;
  const dns = NO_SUCH_DOMAIN.test(head) ? 'no-such-domain' : NO_MAIL_SERVER.test(head) ? 'no-mail-server' : LOOKUP_FAILED.test(head) ? 'lookup-failed' : null;
  const domain = (DNS_DOMAIN.exec(head)?.[1] ?? ADDRESS_DOMAIN.exec(head)?.[1] ?? null)?.toLowerCase() ?? null;
  return { title, dns, domain, suggestion: domain ? suggestDomain(domain) : null };
}

/** Every distinct domain of an address in `text` that is probably a typo of a common one, with its fix. */
export function findMistypedDomains(text: string): { domain: string; suggestion: string }[] {
  const found = new Map<string, string>();
  const pattern = new RegExp(ADDRESS_DOMAIN.source, 'gi');
  for (const match of text.slice(0, 50_000).matchAll(pattern)) {
    const domain = (match[1] ?? '').toLowerCase();
    const suggestion = found.has(domain) ? null : suggestDomain(domain);
    if (suggestion) found.set(domain, suggestion);
    if (found.size >= 5) break;
  }
  return [...found].map(([domain, suggestion]) => ({ domain, suggestion }));
}

// "what does 550 mean", "why did my email bounce?", "how do I fix 5.7.1"
const QUESTION_START = /^(?:what|why|how|when|where|who|which|does|do|is|are|can|could|should|will|would)\b/i;

/** True for a short question typed into the paste box, which belongs in search rather than the engine. */
export function looksLikeQuestion(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 200 || trimmed.includes('\n')) return false;
  return trimmed.endsWith('?') || QUESTION_START.test(trimmed);
}

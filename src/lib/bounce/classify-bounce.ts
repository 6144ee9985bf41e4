// Decides the reason for one failed recipient. Precedence, strongest first:
//   1. a provider's own documented code or wording (provider-verdicts.ts: "OFR006_102", "IB607"),
//      in the server's reply first, then in the rest of the bounce; taken as is, since the provider
//      already accounts for the command it refused;
//   2. KDDI's "550 : User unknown" (filtered), then a local delivery program's failure
//      (Diagnostic-Code type X-Unix, "mailer error");
//   3. a strong enhanced status code (RFC 3463: 5.1.1, 5.2.2, 5.3.4 ...), except that an expiry
//      summary (X.4.7) gives way to a strong DNS-failure phrase of the last attempt;
//   4. a phrase in the server's own reply (Diagnostic-Code, RFC 3464 section 2.3.6), then any
//      phrase in the rest of the bounce;
//   5. a generic status code, then the reply code's class (RFC 5321 section 4.2.1).
// A "user unknown" refused only after DATA is a recipient-side filter (reason filtered).
import type { Reason } from '../content/vocabulary.ts';
import { findProviderVerdict } from './provider-verdicts.ts';
import { REASON_PHRASES } from './reason-phrases.ts';
import type { PhraseTable } from './reason-phrases.ts';
import { reasonForStatus } from './status-reasons.ts';

// "550 5.7.1 ...": an enhanced code near the start of the reply, not an IP address octet
const ENHANCED_IN_REPLY = /(?<![\w.])[245]\.[0-7]\.\d{1,3}(?![\w]|\.\d)/;

// "550 : User unknown"
const EMPTY_ADDRESS_UNKNOWN = /\b[45]\d\d :[ \t]*user unknown\b/i;

export type BounceEvidence = {
  /** The remote server's reply or the reporting server's message for this recipient. */
  diagnostic: string;
  /** The rest of the bounce's human-readable text. */
  context: string;
  status: string | null;
  replyCode: string | null;
  /** The SMTP command the failure answered ("RCPT", "DATA", "MAIL", "CONN"), when known. */
  command: string | null;
  action: string | null;
  /** The report names a local delivery program's exit status (Diagnostic-Code type X-Unix). */
  localProgram?: boolean;
  /** The machine-readable report (message/delivery-status), searched only for a provider's own fields. */
  report?: string;
};

export type Classification = { reason: Reason; permanent: boolean | null; evidence: 'phrase' | 'status' | 'context' | 'code' | 'none' };

/** Lower-cases and collapses white space so phrase patterns can stay simple. */
export function normalizeForPhrases(text: string): string {
  // Drops the codes that multi-line replies repeat mid-sentence ("multiple 550 5.7.1 addresses").
  return text
    .toLowerCase()
    .replace(/(?<![\w.])[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3}(?![\w.]))?/g, ' ')
    .replace(/\s+/g, ' ');
}

/** The first phrase table with a pattern found in `text`: strong tables first, each group in table order. */
export function findPhraseReason(text: string, tables: readonly PhraseTable[] = REASON_PHRASES): PhraseTable | null {
  if (text.trim() === '') return null;
  const normalized = normalizeForPhrases(text);
  for (const strength of ['strong', 'weak'] as const) {
    for (const table of tables) {
      if (table.strength === strength && table.patterns.some((pattern) => pattern.test(normalized))) return table;
    }
  }
  return null;
}

// "This is a permanent error", "had permanent fatal errors", "I've given up": the bounce says retrying is over.
const PERMANENT_TEXT = /\bthis is a permanent error\b|\bpermanent fatal errors?\b|\bi'?ve given up\b|\bpermanent(?:ly)? (?:failure|failed|undeliverable)\b/i;

// The report's Action decides first (RFC 3464 section 2.3.3: "failed" means the reporting server has
// abandoned delivery, as after an expiry "550 4.4.7 QUEUE.Expired"); then the code's class digit.
function permanenceOf(status: string | null, replyCode: string | null, action: string | null, context: string): boolean | null {
  if (action === 'failed') return true;
  if (action === 'delayed') return false;
  const digit = status?.[0] ?? replyCode?.[0] ?? null;
  if (digit === '5') return true;
  if (digit === '4') return false;
  return PERMANENT_TEXT.test(context.slice(0, 8000)) ? true : null;
}

// The refused command decides between readings of an unspecific reply (RFC 5321 section 3.3):
// "unknown" after DATA is a recipient-side filter; a refusal of MAIL FROM is about the sender;
// a refusal of the greeting or HELO is about the sending host.
const SENDER_AFTER_MAIL = new Set<Reason>(['userunknown', 'hostunknown', 'undefined', 'onhold', 'filtered', 'systemerror', 'notaccept']);
const HOST_AFTER_HELO = new Set<Reason>(['undefined', 'onhold', 'rejected', 'systemerror', 'filtered', 'userunknown']);

// A "user unknown" that the status does not confirm (X.1.1, X.1.3 ...) is a recipient-side filter
// when it answered DATA (the address was accepted at RCPT), or when the status itself says the mailbox
// refused the message (X.2.0, X.2.1 "mailbox disabled, not accepting") or the delivery was not
// authorised (X.7.x) and no RCPT command is named.
function isFilteringRefusal(command: string | null, status: string | null): boolean {
  if (reasonForStatus(status)?.reason === 'userunknown') return false;
  if (command === 'DATA') return true;
  return command === null && status !== null && /^[45]\.(?:2\.[01]|7\.\d{1,3})$/.test(status);
}

// Words that put a refusal on the sending host rather than on the sender address: "Client host rejected"
const HOST_WORDS = /\b(?:ip|host|client|network|server|connection|dnsbl|rbl|spamhaus|spamcop|list(?:ed)?)\b|\d+\.\d+\.\d+\.\d+/i;

function adjustForCommand(reason: Reason, command: string | null, status: string | null, diagnostic: string): Reason {
  if (reason === 'userunknown' && isFilteringRefusal(command, status)) return 'filtered';
  if (command === 'MAIL' && SENDER_AFTER_MAIL.has(reason)) return 'rejected';
  // A bare "Access denied" in reply to MAIL FROM refuses the sender address, not the host.
  if (command === 'MAIL' && reason === 'blocked' && !HOST_WORDS.test(diagnostic)) return 'rejected';
  if ((command === 'HELO' || command === 'CONN') && HOST_AFTER_HELO.has(reason)) return 'blocked';
  return reason;
}

/** Classifies one recipient's failure from its evidence. */
export function classifyBounce(evidence: BounceEvidence): Classification {
  const permanent = permanenceOf(evidence.status, evidence.replyCode, evidence.action, evidence.context);
  const phrase = findPhraseReason(evidence.diagnostic);
  // The code inside the server's own reply outranks a report's summary Status field.
  const replyStatus = ENHANCED_IN_REPLY.exec(evidence.diagnostic)?.[0] ?? null;
  const result = (reason: Reason, kind: Classification['evidence']): Classification => ({
    reason: adjustForCommand(reason, evidence.command, replyStatus ?? evidence.status, evidence.diagnostic),
    permanent,
    evidence: kind,
  });
  const status = reasonForStatus(replyStatus ?? evidence.status);
  const provider = findProviderVerdict(evidence.diagnostic) ?? findProviderVerdict(evidence.context) ?? findProviderVerdict(evidence.report ?? '');
  if (provider) return { reason: provider.reason, permanent, evidence: 'phrase' };
  // A local delivery program's own words are more specific than any status its wrapper chose.
  // KDDI (au) answers "550 : User unknown", with the address left out, when the recipient's own
  // reception settings refuse the sender; a missing mailbox is "550 <a@b>: User unknown".
  if (EMPTY_ADDRESS_UNKNOWN.test(evidence.diagnostic)) return { reason: 'filtered', permanent, evidence: 'phrase' };
  if (phrase?.reason === 'mailererror' || (evidence.localProgram === true && phrase?.strength !== 'strong')) return result('mailererror', 'phrase');
  // An expiry summary (X.4.7) gives way to the temporary DNS failure the last attempt reported.
  const lastAttempt = phrase ?? findPhraseReason(evidence.context);
  if (status?.reason === 'expired' && lastAttempt?.reason === 'networkerror' && lastAttempt.strength === 'strong') return result('networkerror', 'context');
  if (status?.strong) return result(status.reason, 'status');
  if (phrase) return result(phrase.reason, 'phrase');
  const context = lastAttempt; // the reply had no phrase, so this is the rest of the bounce's
  if (context) return result(context.reason, 'context');
  if (status) return result(status.reason, 'status');
  if (evidence.action === 'delayed') return result('expired', 'code');
  if (permanent === null) return result('undefined', 'none');
  return result(evidence.status || evidence.replyCode ? 'undefined' : 'onhold', 'code');
}

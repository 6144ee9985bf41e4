// Decides the reason for one failed recipient. Precedence, strongest first:
//   1. a strong phrase in the server's own reply (Diagnostic-Code, RFC 3464 section 2.3.6);
//   2. a strong enhanced status code (RFC 3463: 5.1.1, 5.2.2, 5.3.4 ...);
//   3. a weak phrase in the reply, then any phrase in the rest of the bounce;
//   4. a generic status code, then the reply code's class (RFC 5321 section 4.2.1).
// A "user unknown" refused only after DATA is a recipient-side filter (reason filtered).
import type { Reason } from '../content/vocabulary.ts';
import { REASON_PHRASES } from './reason-phrases.ts';
import type { PhraseTable } from './reason-phrases.ts';
import { reasonForStatus } from './status-reasons.ts';

// "550 5.7.1 ...": an enhanced code near the start of the reply, not an IP address octet
const ENHANCED_IN_REPLY = /(?<![\w.])[245]\.[0-7]\.\d{1,3}(?![\w]|\.\d)/;

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

function permanenceOf(status: string | null, replyCode: string | null, action: string | null): boolean | null {
  const digit = status?.[0] ?? replyCode?.[0] ?? null;
  if (digit === '5') return true;
  if (digit === '4') return false;
  if (action === 'failed') return true;
  if (action === 'delayed') return false;
  return null;
}

// The refused command decides between readings of an unspecific reply (RFC 5321 section 3.3):
// "unknown" after DATA is a recipient-side filter; a refusal of MAIL FROM is about the sender;
// a refusal of the greeting or HELO is about the sending host.
const FILTERED_AFTER_DATA = new Set<Reason>(['userunknown']);
const SENDER_AFTER_MAIL = new Set<Reason>(['userunknown', 'hostunknown', 'undefined', 'onhold', 'filtered', 'systemerror', 'notaccept']);
const HOST_AFTER_HELO = new Set<Reason>(['undefined', 'onhold', 'rejected', 'systemerror', 'filtered', 'userunknown']);

function adjustForCommand(reason: Reason, command: string | null): Reason {
  if (command === 'DATA' && FILTERED_AFTER_DATA.has(reason)) return 'filtered';
  if (command === 'MAIL' && SENDER_AFTER_MAIL.has(reason)) return 'rejected';
  if ((command === 'HELO' || command === 'CONN') && HOST_AFTER_HELO.has(reason)) return 'blocked';
  return reason;
}

/** Classifies one recipient's failure from its evidence. */
export function classifyBounce(evidence: BounceEvidence): Classification {
  const permanent = permanenceOf(evidence.status, evidence.replyCode, evidence.action);
  const result = (reason: Reason, kind: Classification['evidence']): Classification => ({
    reason: adjustForCommand(reason, evidence.command),
    permanent,
    evidence: kind,
  });
  const phrase = findPhraseReason(evidence.diagnostic);
  // The code inside the server's own reply outranks a report's summary Status field.
  const replyStatus = ENHANCED_IN_REPLY.exec(evidence.diagnostic)?.[0] ?? null;
  const status = reasonForStatus(replyStatus ?? evidence.status);
  // A local delivery program's own words are more specific than any status its wrapper chose.
  if (phrase?.reason === 'mailererror') return result(phrase.reason, 'phrase');
  if (status?.strong) return result(status.reason, 'status');
  if (phrase) return result(phrase.reason, 'phrase');
  const context = findPhraseReason(evidence.context);
  if (context) return result(context.reason, 'context');
  if (status) return result(status.reason, 'status');
  if (evidence.action === 'delayed') return result('expired', 'code');
  if (permanent === null) return result('undefined', 'none');
  return result(evidence.status || evidence.replyCode ? 'undefined' : 'onhold', 'code');
}

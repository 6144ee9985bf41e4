// Who has to act for each reason, most important first, for a bounce on the recipient's side.
// When the sender's own provider refused the message, its admin replaces the recipient's admin.
import type { Audience, Reason } from '../content/vocabulary.ts';

export const REASON_ACTORS: Record<Reason, readonly Audience[]> = {
  userunknown: ['sender', 'recipient-admin'],
  hostunknown: ['sender', 'recipient-admin'],
  mailboxfull: ['recipient', 'sender'],
  mesgtoobig: ['sender'],
  exceedlimit: ['sender', 'sender-admin'],
  suspend: ['recipient', 'sender'],
  hasmoved: ['sender'],
  blocked: ['sender-admin', 'recipient-admin'],
  badreputation: ['sender-admin'],
  requireptr: ['sender-admin'],
  authfailure: ['sender-admin'],
  rejected: ['sender-admin', 'sender'],
  norelaying: ['sender', 'recipient-admin'],
  spamdetected: ['sender', 'recipient'],
  virusdetected: ['sender'],
  filtered: ['recipient', 'recipient-admin'],
  policyviolation: ['sender', 'recipient-admin'],
  securityerror: ['sender-admin'],
  contenterror: ['sender', 'sender-admin'],
  notcompliantrfc: ['sender-admin'],
  syntaxerror: ['sender-admin'],
  speeding: ['sender', 'sender-admin'],
  toomanyconn: ['sender-admin'],
  expired: ['sender', 'recipient-admin'],
  networkerror: ['recipient-admin', 'sender-admin'],
  systemerror: ['recipient-admin', 'sender'],
  systemfull: ['recipient-admin'],
  mailererror: ['recipient-admin'],
  notaccept: ['sender', 'recipient-admin'],
  failedstarttls: ['sender-admin', 'recipient-admin'],
  suppressed: ['sender', 'sender-admin'],
  onhold: ['sender'],
  undefined: ['sender'],
  delivered: [],
  vacation: [],
  feedback: ['sender-admin'],
};

/** The actors for a reason, with the sender's admin standing in for the recipient's when the sender's provider refused it. */
export function actorsFor(reason: Reason, origin: 'sender-provider' | 'recipient-side' | 'unknown'): Audience[] {
  const actors = REASON_ACTORS[reason].map((actor): Audience => (origin === 'sender-provider' && actor === 'recipient-admin' ? 'sender-admin' : actor));
  return [...new Set(actors)];
}

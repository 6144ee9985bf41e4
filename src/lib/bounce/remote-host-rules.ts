// Some receiving servers answer every refusal with the same generic code, and only which SMTP command
// they refused tells the cause. NTT docomo's mfsmax.docomo.ne.jp answers "550 Unknown user" both to
// RCPT TO (the address does not exist) and after DATA (the recipient's own sender filter refused you).
// After Sisimai 4.25's lib/Sisimai/Rhost/NTTDOCOMO.pm (BSD-2-Clause); one row per host, status and command.
import type { Reason } from '../content/vocabulary.ts';

/** `rereads`: the verdicts the rule replaces; a specific wording ("552 Too many recipients") keeps its own. */
export type RemoteHostRule = { host: RegExp; status: string; command: string; rereads: readonly Reason[]; reason: Reason };

const UNKNOWN_MAILBOX: readonly Reason[] = ['userunknown', 'filtered', 'rejected', 'onhold', 'undefined'];

export const REMOTE_HOST_RULES: readonly RemoteHostRule[] = [
  { host: /(?:^|\.)mfsmax\.docomo\.ne\.jp$/i, status: '5.0.0', command: 'RCPT', rereads: UNKNOWN_MAILBOX, reason: 'userunknown' }, // "550 Unknown user a@docomo.ne.jp (in reply to RCPT TO command)"
  { host: /(?:^|\.)mfsmax\.docomo\.ne\.jp$/i, status: '5.0.0', command: 'DATA', rereads: UNKNOWN_MAILBOX, reason: 'rejected' }, // "550 Unknown user a@docomo.ne.jp (in reply to end of DATA command)"
];

// "mx.example.org.": a fully qualified name's root dot
const TRAILING_DOT = /\.$/;

/** The reason a known remote host's rule gives instead of `reason` for this status and command, or null. */
export function findRemoteHostReason(host: string | null, status: string | null, command: string | null, reason: Reason): Reason | null {
  if (host === null || status === null || command === null) return null;
  const name = host.trim().replace(TRAILING_DOT, '');
  return REMOTE_HOST_RULES.find((rule) => rule.status === status && rule.command === command && rule.rereads.includes(reason) && rule.host.test(name))?.reason ?? null;
}

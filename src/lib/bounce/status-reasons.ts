// What an enhanced status code alone says about the cause (RFC 3463 section 3, RFC 5248, RFC 7372,
// RFC 7505, RFC 8617, plus Microsoft's published X.7.5xx-7xx codes). Keys are "subject.detail".
// `strong` codes name one cause and outrank weak phrases; others only decide when no phrase does.
import type { Reason } from '../content/vocabulary.ts';

type StatusMeaning = { reason: Reason; strong: boolean };

const STATUS_REASONS: Record<string, StatusMeaning> = {
  '1.1': { reason: 'userunknown', strong: true },
  '1.2': { reason: 'hostunknown', strong: true },
  '1.3': { reason: 'userunknown', strong: false },
  '1.4': { reason: 'userunknown', strong: false },
  '1.6': { reason: 'hasmoved', strong: true },
  '1.7': { reason: 'rejected', strong: false },
  '1.8': { reason: 'rejected', strong: true },
  '2.1': { reason: 'suspend', strong: false },
  '2.2': { reason: 'mailboxfull', strong: true },
  '2.3': { reason: 'exceedlimit', strong: true },
  '2.4': { reason: 'systemerror', strong: false },
  '3.0': { reason: 'systemerror', strong: false },
  '3.1': { reason: 'systemfull', strong: true },
  '3.2': { reason: 'notaccept', strong: false },
  '3.3': { reason: 'systemerror', strong: false },
  '3.4': { reason: 'mesgtoobig', strong: true },
  '3.5': { reason: 'systemerror', strong: false },
  '4.0': { reason: 'networkerror', strong: false },
  '4.1': { reason: 'networkerror', strong: false },
  '4.2': { reason: 'networkerror', strong: false },
  '4.3': { reason: 'systemerror', strong: false },
  '4.4': { reason: 'hostunknown', strong: false },
  '4.5': { reason: 'toomanyconn', strong: false },
  '4.6': { reason: 'networkerror', strong: true },
  '4.7': { reason: 'expired', strong: true },
  '4.14': { reason: 'networkerror', strong: false },
  '5.0': { reason: 'syntaxerror', strong: false },
  '5.1': { reason: 'syntaxerror', strong: false },
  '5.2': { reason: 'syntaxerror', strong: false },
  '5.3': { reason: 'exceedlimit', strong: true },
  '5.4': { reason: 'syntaxerror', strong: false },
  '5.5': { reason: 'syntaxerror', strong: false },
  '5.6': { reason: 'syntaxerror', strong: false },
  '6.0': { reason: 'contenterror', strong: false },
  '6.1': { reason: 'contenterror', strong: true },
  '6.2': { reason: 'contenterror', strong: true },
  '6.3': { reason: 'contenterror', strong: true },
  '6.4': { reason: 'contenterror', strong: true },
  '6.5': { reason: 'contenterror', strong: true },
  '6.6': { reason: 'contenterror', strong: true },
  '6.7': { reason: 'contenterror', strong: true },
  '6.8': { reason: 'contenterror', strong: true },
  '6.9': { reason: 'contenterror', strong: true },
  '6.10': { reason: 'contenterror', strong: true },
  '7.2': { reason: 'policyviolation', strong: false },
  '7.3': { reason: 'securityerror', strong: false },
  '7.4': { reason: 'securityerror', strong: false },
  '7.5': { reason: 'securityerror', strong: false },
  '7.6': { reason: 'securityerror', strong: false },
  '7.7': { reason: 'securityerror', strong: false },
  '7.8': { reason: 'securityerror', strong: true },
  '7.9': { reason: 'securityerror', strong: false },
  '7.10': { reason: 'failedstarttls', strong: true },
  '7.11': { reason: 'failedstarttls', strong: true },
  '7.12': { reason: 'securityerror', strong: false },
  '7.13': { reason: 'suspend', strong: true },
  '7.14': { reason: 'securityerror', strong: false },
  '7.15': { reason: 'securityerror', strong: false },
  '7.16': { reason: 'mesgtoobig', strong: false },
  '7.17': { reason: 'hasmoved', strong: true },
  '7.18': { reason: 'hasmoved', strong: true },
  '7.19': { reason: 'hasmoved', strong: false },
  '7.20': { reason: 'authfailure', strong: true },
  '7.21': { reason: 'authfailure', strong: true },
  '7.22': { reason: 'authfailure', strong: true },
  '7.23': { reason: 'authfailure', strong: true },
  '7.24': { reason: 'authfailure', strong: true },
  '7.25': { reason: 'requireptr', strong: true },
  '7.26': { reason: 'authfailure', strong: true },
  '7.27': { reason: 'notaccept', strong: true },
  '7.28': { reason: 'speeding', strong: false },
  '7.29': { reason: 'authfailure', strong: true },
  '7.30': { reason: 'failedstarttls', strong: true },
  // Microsoft Exchange Online: 5.4.310 DNS domain does not exist, 5.4.312 DNS query failed,
  // 5.7.606-649 banned sending IP, 5.7.509 DMARC, 5.7.510 no mail over IPv6, 5.7.708 untrusted IP
  '7.509': { reason: 'authfailure', strong: true },
  '7.510': { reason: 'policyviolation', strong: false },
  '7.511': { reason: 'blocked', strong: true },
  '7.708': { reason: 'blocked', strong: true },
  '7.750': { reason: 'blocked', strong: false },
  '4.310': { reason: 'hostunknown', strong: true },
  '4.312': { reason: 'networkerror', strong: true },
  '4.316': { reason: 'expired', strong: false },
  '1.351': { reason: 'userunknown', strong: false },
};

// Codes whose meaning depends on the class digit: "4.4.1 No answer from host" is a delivery still being
// retried, so the mail will expire (Sisimai's StandardCode table); 5.4.1 is Microsoft's "Recipient address
// rejected: Access denied", not a network failure. A transient 4.1.1 is a mailbox check not yet final
// ("Address verification in progress"): it names a missing mailbox only when no wording says otherwise.
const CLASS_STATUS_REASONS: Record<string, StatusMeaning> = {
  '4.4.1': { reason: 'expired', strong: false },
  '4.1.1': { reason: 'userunknown', strong: false },
};

/** The reason an enhanced status code implies, or null when it is generic (X.0.0, X.7.1 and the like). */
export function reasonForStatus(status: string | null): StatusMeaning | null {
  if (status === null) return null;
  const byClass = CLASS_STATUS_REASONS[status];
  if (byClass !== undefined) return byClass;
  const [, subject, detail] = status.split('.');
  if (subject === undefined || detail === undefined) return null;
  const detailNumber = Number(detail);
  if (subject === '7' && detailNumber >= 606 && detailNumber <= 649) return { reason: 'blocked', strong: true };
  // X.1.10 is "recipient address has null MX" (RFC 7505 section 4.2); Microsoft 365 also sends it for a
  // missing mailbox, so it decides only when no phrase in the reply does.
  if (subject === '1' && detailNumber === 10) return { reason: 'notaccept', strong: false };
  return STATUS_REASONS[`${subject}.${String(detailNumber)}`] ?? null;
}

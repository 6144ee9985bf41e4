// Closed vocabularies shared by the content schema, the diagnosis engine and the app.
// Each list is the single source of its ids; the types are derived from the arrays.
// Reason ids follow the bounce-reason list used by the real-email corpus (one id per cause).

export const REASONS = [
  'userunknown',
  'hostunknown',
  'mailboxfull',
  'mesgtoobig',
  'exceedlimit',
  'suspend',
  'hasmoved',
  'blocked',
  'badreputation',
  'requireptr',
  'authfailure',
  'rejected',
  'norelaying',
  'spamdetected',
  'virusdetected',
  'filtered',
  'policyviolation',
  'securityerror',
  'contenterror',
  'notcompliantrfc',
  'syntaxerror',
  'speeding',
  'toomanyconn',
  'expired',
  'networkerror',
  'systemerror',
  'systemfull',
  'mailererror',
  'notaccept',
  'failedstarttls',
  'suppressed',
  'onhold',
  'undefined',
  'delivered',
  'vacation',
  'feedback',
] as const;
export type Reason = (typeof REASONS)[number];

/** Who can act on a bounce. The order is the order fix steps are shown in. */
export const AUDIENCES = ['sender', 'sender-admin', 'recipient', 'recipient-admin'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_LABELS: Record<Audience, string> = {
  sender: 'The sender',
  'sender-admin': "The sender's mail admin",
  recipient: 'The recipient',
  'recipient-admin': "The recipient's mail admin",
};

// Providers are not listed here: the list is the set of profiles in content/providers/ (one file per
// provider), and the content step checks every entry folder against it.

/** Where a bounce was generated, as far as the catalogue can say for an entry. */
export const ORIGINS = ['sender-provider', 'recipient-side', 'either'] as const;
export type Origin = (typeof ORIGINS)[number];

/** A short plain-words label per reason, for headings and lists. */
export const REASON_LABELS: Record<Reason, string> = {
  userunknown: 'The address does not exist',
  hostunknown: 'The domain does not exist or takes no mail',
  mailboxfull: 'The mailbox is full',
  mesgtoobig: 'The message is too large',
  exceedlimit: 'A sending or message limit was exceeded',
  suspend: 'The account is disabled or suspended',
  hasmoved: 'The recipient has moved',
  blocked: 'The sending server is blocked',
  badreputation: 'The sender has a poor reputation',
  requireptr: 'The sending server has no valid reverse DNS',
  authfailure: 'SPF, DKIM or DMARC failed',
  rejected: 'The sender address was refused',
  norelaying: 'The server will not relay this message',
  spamdetected: 'The message looked like spam',
  virusdetected: 'A virus or malware was found',
  filtered: 'A filter on the receiving side refused it',
  policyviolation: 'A mail policy forbids it',
  securityerror: 'A security requirement was not met',
  contenterror: 'The message format is invalid',
  notcompliantrfc: 'The message breaks the email standards',
  syntaxerror: 'The sending server sent a malformed command',
  speeding: 'Too many messages too fast',
  toomanyconn: 'Too many connections at once',
  expired: 'Delivery was retried until it gave up',
  networkerror: 'A network or DNS problem stopped delivery',
  systemerror: 'The receiving server had an internal error',
  systemfull: 'The receiving server is out of space',
  mailererror: 'The local delivery program failed',
  notaccept: 'The domain accepts no mail at all',
  failedstarttls: 'A secure (TLS) connection could not be made',
  suppressed: 'The address is on a suppression list',
  onhold: 'Not enough information yet',
  undefined: 'The cause could not be determined',
  delivered: 'The message was delivered',
  vacation: 'An automatic reply, not a bounce',
  feedback: 'A spam complaint report, not a bounce',
};

/**
 * Families of reasons: causes that a person fixes the same way. Two reasons of one family never
 * contradict each other on a page (a "blocked" headline above a "badreputation" entry is the same story).
 */
export const REASON_FAMILIES = ['address', 'mailbox', 'size', 'sender-host', 'authentication', 'content', 'relay', 'rate', 'transient', 'not-a-bounce', 'unknown'] as const;
export type ReasonFamily = (typeof REASON_FAMILIES)[number];

export const REASON_FAMILY: Record<Reason, ReasonFamily> = {
  userunknown: 'address',
  hostunknown: 'address',
  hasmoved: 'address',
  notaccept: 'address',
  mailboxfull: 'mailbox',
  suspend: 'mailbox',
  mesgtoobig: 'size',
  exceedlimit: 'size',
  blocked: 'sender-host',
  badreputation: 'sender-host',
  requireptr: 'sender-host',
  rejected: 'sender-host',
  authfailure: 'authentication',
  securityerror: 'authentication',
  failedstarttls: 'authentication',
  spamdetected: 'content',
  virusdetected: 'content',
  filtered: 'content',
  policyviolation: 'content',
  contenterror: 'content',
  notcompliantrfc: 'content',
  norelaying: 'relay',
  speeding: 'rate',
  toomanyconn: 'rate',
  expired: 'transient',
  networkerror: 'transient',
  systemerror: 'transient',
  systemfull: 'transient',
  mailererror: 'transient',
  syntaxerror: 'unknown',
  suppressed: 'address',
  onhold: 'unknown',
  undefined: 'unknown',
  delivered: 'not-a-bounce',
  vacation: 'not-a-bounce',
  feedback: 'not-a-bounce',
};

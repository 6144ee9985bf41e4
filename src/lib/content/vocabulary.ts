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

/**
 * Mail providers and filtering services with catalogue entries. Each key has a folder under
 * content/bounces/ and a profile in content/providers/<key>.md.
 */
export const PROVIDERS = [
  'rackspace',
  'google',
  'microsoft365',
  'outlook',
  'yahoo',
  'icloud',
  'godaddy',
  'titan',
  'mimecast',
  'proofpoint',
  'qq',
  'unitedinternet',
  'barracuda',
  'zoho',
  'comcast',
  'improvmx',
  'laposte',
  'mxroute',
  'orange',
  'yandex',
  'free',
  'emailsecuritycloud',
  'trendmicro',
  'hostpoint',
  'infomaniak',
  'rambler',
  'att',
  'protonmail',
  'kddi',
  'mailru',
  'cisco',
  'cox',
  'fireeye',
  'hey',
  'i-ua',
  'nttdocomo',
  'spectrum',
  'tonline',
  'generic',
] as const;
export type Provider = (typeof PROVIDERS)[number];

/** Where a bounce was generated, as far as the catalogue can say for an entry. */
export const ORIGINS = ['sender-provider', 'recipient-side', 'either'] as const;
export type Origin = (typeof ORIGINS)[number];

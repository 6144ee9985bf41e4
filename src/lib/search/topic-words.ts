// The words people use for each cause and guide, beside their own titles: "inbox full" and "over quota"
// both mean mailboxfull, "blacklist" is what most people call a blocklist. Search indexes them on the
// cause's or guide's page, so plain-words queries reach the page that explains. Data, reviewed like content.
import type { Reason } from '../content/vocabulary.ts';

export const CAUSE_WORDS: Partial<Record<Reason, string[]>> = {
  userunknown: ['user unknown', 'address does not exist', 'account does not exist', 'no such user', 'recipient not found', 'address not found', 'invalid recipient', 'mailbox unavailable', 'wrong address'],
  hostunknown: ['domain not found', 'host not found', 'no mx record', 'domain does not exist', 'unrouteable address'],
  mailboxfull: ['inbox full', 'mailbox full', 'over quota', 'quota exceeded', 'out of storage', 'insufficient storage'],
  mesgtoobig: ['message too large', 'message too big', 'attachment too big', 'size limit exceeded', 'file too large'],
  exceedlimit: ['limit exceeded', 'too many recipients', 'daily sending limit'],
  suspend: ['account disabled', 'account suspended', 'mailbox disabled', 'inactive account', 'deactivated'],
  hasmoved: ['recipient moved', 'address changed'],
  blocked: ['ip blocked', 'blacklisted', 'blocklisted', 'listed on a blocklist', 'block list', 'banned ip'],
  badreputation: ['poor reputation', 'bad reputation', 'low reputation', 'sender reputation'],
  requireptr: ['no reverse dns', 'ptr record missing', 'rdns'],
  authfailure: ['spf fail', 'dkim fail', 'dmarc fail', 'authentication failed', 'unauthenticated email'],
  rejected: ['sender rejected', 'sender address rejected', 'from address refused'],
  norelaying: ['relay denied', 'relaying denied', 'relay not permitted', 'unable to relay'],
  spamdetected: ['rejected as spam', 'marked as spam', 'spam detected', 'looks like spam', 'junk mail', 'spam content'],
  virusdetected: ['virus found', 'malware detected', 'infected attachment', 'virus detected'],
  filtered: ['filtered', 'blocked by filter', 'content filter'],
  policyviolation: ['policy violation', 'not allowed by policy', 'local policy'],
  securityerror: ['security policy', 'encryption required'],
  contenterror: ['invalid message format', 'malformed message', 'bad header'],
  notcompliantrfc: ['not rfc compliant', 'invalid headers', 'duplicate headers'],
  syntaxerror: ['syntax error', 'bad command'],
  speeding: ['sending too fast', 'rate limited', 'too many messages', 'throttled', 'slow down'],
  toomanyconn: ['too many connections', 'connection limit'],
  expired: ['delivery delayed', 'retry timeout', 'gave up', 'message expired', 'could not be delivered in time'],
  networkerror: ['connection timed out', 'connection refused', 'network error', 'dns lookup failed', 'timeout'],
  systemerror: ['server error', 'internal error', 'temporary failure', 'service unavailable'],
  systemfull: ['server out of space', 'disk full'],
  notaccept: ['domain accepts no mail', 'null mx', 'does not accept mail'],
  failedstarttls: ['tls failed', 'starttls', 'encryption failed', 'certificate error'],
  suppressed: ['suppression list', 'suppressed address'],
  vacation: ['out of office', 'auto reply', 'vacation reply'],
  feedback: ['spam complaint', 'abuse report'],
};

/** Keyed by article slug (content/articles/<slug>.md); a slug that does not exist is caught by a test. */
export const GUIDE_WORDS: Record<string, string[]> = {
  blocklists: ['blacklist', 'blacklisted', 'delist', 'rbl', 'dnsbl'],
  'mailbox-full': ['inbox full', 'over quota', 'storage full'],
  'message-size-limits': ['attachment too big', 'file too large', 'email too big'],
  'mistyped-addresses': ['typo in the address', 'wrong address', 'old address'],
  spf: ['spf record', 'sender policy framework'],
  dkim: ['dkim signature', 'domainkeys'],
  dmarc: ['dmarc policy', 'dmarc record'],
  'tls-and-mta-sts': ['tls', 'certificate', 'encryption'],
  greylisting: ['graylisting', 'greylisted', 'graylisted'],
  'microsoft-delisting': ['hotmail blocked', 'outlook blocked', 'microsoft blocklist', 'delist'],
  'forwarding-and-srs': ['forwarded', 'forwarding', 'srs'],
  'smtp-authentication': ['smtp auth', 'login failed', 'wrong password'],
  'relay-access': ['relaying denied', 'relay not permitted', 'unable to relay'],
  'too-many-connections': ['connection limit', 'concurrent connections'],
  'bulk-sending': ['newsletter', 'mass email', 'marketing email'],
};

// The words people use for each cause and guide, beside their own titles: "inbox full" and "over quota"
// both mean mailboxfull, "blacklist" is what most people call a blocklist. Search indexes them on the
// cause's or guide's page, so plain-words queries reach the page that explains; providers get their
// nicknames the same way ("o365", "xfinity"). Data, reviewed like content.
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
  badreputation: ['poor reputation', 'bad reputation', 'low reputation', 'sender reputation', 'ip reputation', 'domain reputation'],
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
  networkerror: ['connection timed out', 'connection refused', 'network error', 'dns lookup failed', 'timeout', 'timed out', 'connection reset', 'not responding', 'no route to host'],
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
  blocklists: ['blacklist', 'blacklisted', 'delist', 'rbl', 'dnsbl', 'blocklisted', 'block list', 'black list', 'spam list', 'listed ip'],
  'mailbox-full': ['inbox full', 'over quota', 'storage full'],
  'message-size-limits': ['attachment too big', 'file too large', 'email too big', 'size limit', 'large attachment', 'big attachment'],
  'mistyped-addresses': ['typo in the address', 'wrong address', 'old address'],
  spf: ['spf record', 'sender policy framework'],
  dkim: ['dkim signature', 'domainkeys', 'dkim record', 'dkim key'],
  dmarc: ['dmarc policy', 'dmarc record', 'p=reject', 'p=quarantine', 'dmarc alignment', 'domain alignment'],
  'tls-and-mta-sts': ['tls', 'certificate', 'encryption', 'starttls', 'ssl', 'tls-rpt', 'encrypted connection'],
  greylisting: ['graylisting', 'greylisted', 'graylisted'],
  'microsoft-delisting': ['hotmail blocked', 'outlook blocked', 'microsoft blocklist', 'delist'],
  'spamhaus-removal': ['delist', 'unlist'],
  'barracuda-removal': ['delist', 'brbl'],
  'spamcop-removal': ['delist', 'scbl'],
  'senderscore-removal': ['delist', 'sender score'],
  'cloudmark-removal': ['delist', 'reputation reset'],
  'forwarding-and-srs': ['forwarded', 'forwarding', 'srs'],
  'smtp-authentication': ['smtp auth', 'login failed', 'wrong password'],
  'relay-access': ['relaying denied', 'relay not permitted', 'unable to relay'],
  'too-many-connections': ['connection limit', 'concurrent connections'],
  'bulk-sending': ['newsletter', 'mass email', 'marketing email', 'mailing list', 'bulk email', 'campaign'],
  'reverse-dns': ['rdns', 'ptr', 'fcrdns', 'forward-confirmed reverse dns'],
  'safelisting-senders': ['whitelist', 'whitelisting', 'allowlist', 'safe sender', 'trusted sender', 'approved sender'],
  'reading-a-bounce': ['bounce message', 'bounced email', 'bounced back', 'returned mail', 'undeliverable', 'mailer daemon', 'delivery status notification', 'non-delivery report', 'ndr', 'delivery failure notice'],
  'mx-records': ['mx', 'mail exchanger'],
};

/**
 * Names people use for a provider beside the ones on its page (its name, key and domains): nicknames,
 * old brands and product names. Keyed by provider key (content/providers/<key>.md); a test checks the keys.
 */
export const PROVIDER_WORDS: Record<string, string[]> = {
  microsoft365: ['office 365', 'o365', 'm365', 'exchange online', 'eop'],
  google: ['gmail', 'g suite', 'gsuite', 'google apps', 'google workspace'],
  outlook: ['hotmail', 'live', 'msn', 'windows live'],
  yahoo: ['aol', 'verizon', 'ymail'],
  icloud: ['apple', 'me.com', 'mac.com'],
  unitedinternet: ['gmx', 'web.de', 'ionos', '1&1', '1und1'],
  comcast: ['xfinity'],
  att: ['at&t', 'sbcglobal', 'bellsouth', 'pacbell'],
  spectrum: ['charter', 'roadrunner', 'time warner', 'twc', 'brighthouse'],
  cisco: ['ironport'],
  emailsecuritycloud: ['symantec', 'messagelabs', 'broadcom'],
  fireeye: ['trellix', 'fireeye etp'],
  tonline: ['telekom', 'deutsche telekom', 't-online'],
  protonmail: ['proton'],
  qq: ['tencent', 'foxmail', 'exmail'],
  godaddy: ['secureserver', 'secureserver.net'],
  orange: ['wanadoo'],
  rackspace: ['emailsrvr'],
  proofpoint: ['pphosted'],
  trendmicro: ['trend micro'],
  barracuda: ['barracuda networks'],
  yandex: ['yandex 360'],
};

/**
 * The organisations each removal guide is about, for a query that says one of them blocks or lists the
 * sender ("ip blocked by barracuda", "unblock my ip at outlook.com"): the guide that gets the sender off
 * that organisation's list answers it, not the general cause or the provider's page. Keyed by article slug.
 */
export const REMOVAL_GUIDE_NAMES: Record<string, string[]> = {
  'spamhaus-removal': ['spamhaus'],
  'barracuda-removal': ['barracuda', 'brbl'],
  'spamcop-removal': ['spamcop'],
  'senderscore-removal': ['senderscore'],
  'cloudmark-removal': ['cloudmark'],
  'microsoft-delisting': ['microsoft', 'outlook', 'outlook.com', 'hotmail', 'live.com', 'msn', 'office 365', 'o365', 'microsoft 365', 'exchange online'],
  'yahoo-aol-tss-codes': ['yahoo', 'aol', 'ymail'],
};

/** Words saying the sender is blocked or listed, or wants to stop being so: "blocked", "listed", "unblock", "delist". */
export const LISTING_WORDS: readonly string[] = ['block', 'blocked', 'blocking', 'blocks', 'blocklist', 'blocklisted', 'blacklist', 'blacklisted', 'blacklisting', 'listed', 'listing', 'unblock', 'unblocked', 'unblocking', 'delist', 'delisted', 'delisting', 'unlist', 'removal', 'remove', 'removed', 'banned', 'ban'];

/** What a sender says is blocked, beside the organisation: "my ip address", "our mail server", "my domain". */
export const LISTED_THINGS: readonly string[] = ['ip', 'ips', 'address', 'addresses', 'server', 'servers', 'domain', 'domains', 'sender', 'email', 'emails', 'mail', 'message', 'messages', 'list', 'lists', 'by', 'from', 'at', 'on', 'with', 'my', 'our', 'i', 'we', 'me', 'us', 'am', 'is', 'are', 'was', 'been', 'got', 'get', 'getting', 'being', 'how', 'to', 'why', 'the', 'a', 'an', 'of', 'still', 'keeps', 'help'];

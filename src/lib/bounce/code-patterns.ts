// Provider tags and blocklist names as data. A tag is a provider's own token beside the SMTP code
// (Rackspace "(G17)", Yahoo "[TSS04]", Microsoft "(AS16012609)"); a blocklist name identifies the
// DNS blocklist that listed the sender. Patterns are anchored by context to avoid plain words.

/**
 * `mark`: a character every match holds once, at most `within` characters after its start, which is one
 * of `starts`, and followed by one of `next` (the tag is then looked for only where the mark stands:
 * "_" and "#" are rare in mail).
 */
export type TagPattern = { provider: string; pattern: RegExp; mark?: { char: string; within: number; starts: string; next: string } };

/** Each pattern's first capture group is the tag; all are global and linear (no nested quantifiers). */
export const TAG_PATTERNS: readonly TagPattern[] = [
  // "Message too large (G17)", "(G1A)", "(GE)"
  { provider: 'rackspace', pattern: /\((G\d{1,2}[A-F]?|GE)\)/g },
  // "[TSS04]", "[BL21]", "[PH01]", "(DM000001)", "RL000001"
  { provider: 'yahoo', pattern: /\b(TSS\d{2}|TS\d{2}|BL\d{2}|PH\d{2}|DM\d{6}|BL\d{6}|RL\d{6})\b/g },
  // "[CS01]", "[HM08]", "[BS01]", "[HME1]"
  { provider: 'icloud', pattern: /\[(CS\d{2}|HM\d{2}|BS\d{2}|HME\d)\]/g },
  // "IB508"
  { provider: 'godaddy', pattern: /\b(IB\d{3})\b/g },
  // "(AS16012609)", "AS(201806281)", "ATTR35", "PRX4", "(S3150)", "(TSTE)"
  { provider: 'microsoft', pattern: /\b(AS\d{3,11}|ATTR\d{1,3}|PRX\d{1,2})\b/g },
  { provider: 'microsoft', pattern: /[([](S\d{3,4}|TSTE)[)\]]/g },
  // "RESOLVER.ADR.RecipientNotFound", "STOREDRV.Deliver.Exception"
  { provider: 'microsoft', pattern: /\b((?:RESOLVER|STOREDRV|TRANSPORT|ROUTING|SMTPSEND|CAT|QUEUE)\.[A-Z][A-Za-z]{1,40}(?:\.[A-Za-z]{1,40}){0,3})/g },
  // "OFR_416", "OFR004_405", "ofr_506"
  { provider: 'orange', pattern: /\b((?:OFR|ofr)\d{0,3}_\d{3})\b/g, mark: { char: '_', within: 6, starts: 'Oo', next: '0123456789' } },
  // "LPN007_510"
  { provider: 'laposte', pattern: /\b(LPN\d{3}_\d{3})\b/g, mark: { char: '_', within: 6, starts: 'L', next: '0123456789' } },
  // "CDRBL"
  { provider: 'cox', pattern: /\b(CDRBL)\b/g },
  // "ETP205"
  { provider: 'fireeye', pattern: /\b(ETP\d{3})\b/g },
  // the refused command as Yahoo and AOL tag it: "mailbox not found [RCPT_TO]", "[MAIL_FROM]", "[DATA]"
  { provider: 'yahoo', pattern: /\[(RCPT_TO|MAIL_FROM|END_OF_DATA|DATA|CONNECT|EHLO|HELO)\]/g },
  // "(#id-5.9.2)"
  { provider: 'improvmx', pattern: /#(id-\d\.\d\.\d)\b/g, mark: { char: '#', within: 0, starts: '#', next: 'i' } },
  // "cuda_nsu"
  { provider: 'barracuda', pattern: /\b(cuda_[a-z]{2,8})\b/g, mark: { char: '_', within: 4, starts: 'c', next: 'abcdefghijklmnopqrstuvwxyz' } },
  // "MCSpamSignature.sa.2.2"
  { provider: 'mimecast', pattern: /\b(MCSpamSignature(?:\.[A-Za-z0-9]{1,10}){0,4})/g },
];

/**
 * Blocklist names, matched case-insensitively as whole words: "Spamhaus PBL", "zen.spamhaus.org",
 * "Cloudmark CSI", "bl.spamcop.net", "b.barracudacentral.org".
 */
export const BLOCKLIST_PATTERN =
  /\b(spamhaus(?: (?:pbl|sbl|xbl|zen|dbl|css))?|(?:zen|pbl|sbl|xbl|sbl-xbl|dbl)\.spamhaus\.org|cloudmark(?: csi)?|senderscore|bl\.score\.senderscore\.com|spamcop(?:\.net)?|bl\.spamcop\.net|b\.barracudacentral\.org|barracuda reputation|barracudacentral|sorbs(?:\.net)?|uceprotect(?:\.net)?|spamrats|invaluement|psbl\.surriel\.com|dnsbl\.sorbs\.net|abuseat\.org|cbl\.abuseat\.org|mailspike|truncate\.gbudb\.net|hostkarma|spameatingmonkey|backscatterer|0spam|s5h\.net|lashback|nordspam|spamlookup|rbl\.jp|dnsbl-\d\.uceprotect\.net)\b/gi;

/**
 * Every blocklist name holds one of these pieces, in any case ("spam" stands in spamhaus, spamcop,
 * spamrats, 0spam ..., and "pam" in "spam"): a text in which none stands is not scanned for names. Each
 * piece starts with one of six characters, all but d uncommon in mail (p, b, v, k, 5, d: uceprotect is found by
 * "protect", psbl.surriel.com by "psbl", sorbs by "bs", cloudmark by "dmark"), pieces sharing a first
 * letter grouped behind it, which lets the scan pass over most characters at once (on the corpus, the
 * scan takes about a sixth less time than with pieces starting with u and s too). "Spamhaus PBL" -> "pam", "SORBS" -> "BS"
 */
export const BLOCKLIST_GATE = /p(?:am|ike|rotect|sbl)|b(?:arracuda|u(?:seat|db)|ack|l\.jp|s)|valuement|k(?:arma|scatterer)|5h\.net|d(?:erscore|mark)/gi;

/** The most characters a blocklist name can have: "bl.score.senderscore.com" (24). */
export const BLOCKLIST_LONGEST = 24;

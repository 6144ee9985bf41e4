// Per-provider verdicts: some providers answer with their own documented codes or fixed wordings
// ("OFR006_102", "IB607", "RCP-P2", "The user(s) account is disabled.") that name the cause more
// precisely than the enhanced status code they send with it (RFC 3463 codes are often generic, 5.0.0
// or 5.5.0, or misused). Each table is keyed by a signal only that provider writes, in the spirit of
// sisimai's per-host modules; the texts come from the providers' published reply lists. A table's pattern
// runs only when the text may hold the literals it needs (phrase-prefilter.ts): most texts name no provider.
import type { Reason } from '../content/vocabulary.ts';
import { PROVIDER_GATES } from './phrase-literals.ts';
import { gramsOf, literalGrams, mayContain, requiredLiteralSets } from './phrase-prefilter.ts';
import type { GramSet, LiteralGrams } from './phrase-prefilter.ts';
import { SERVICE_BOUNCE_TYPES } from './read-service-notice.ts';

/** A provider's verdict, with the code or wording that gave it as the span [start, end) of the text. */
export type ProviderVerdict = { provider: string; reason: Reason; text: string; start: number; end: number };

type ProviderTable = {
  provider: string;
  /** Finds the provider's own code in the text; group 1 is the key looked up in `codes`. */
  signal?: RegExp;
  codes?: Readonly<Record<string, Reason>>;
  /** Fixed wordings of this provider, tried in order when no code decides. */
  phrases?: readonly (readonly [RegExp, Reason])[];
};

const PROVIDER_TABLES: readonly ProviderTable[] = [
  {
    // Orange and La Poste (France): "OFR006_102", "OFR_416", "LPN007_416"; the three digits name the cause.
    provider: 'orange-laposte',
    signal: /\b(?:OFR|LPN)\d{0,3}_(\d{3})\b/i, // "Client host blocked for spamming issues. OFR006_102"
    codes: {
      '102': 'blocked', // "Adresse IP source bloquee pour incident de spam"
      '107': 'undefined', // "Service refuse. Veuillez essayer plus tard." (no cause given)
      '108': 'undefined',
      '402': 'authfailure', // "DKIM n'est pas configure sur votre domaine d'expedition"
      '405': 'rejected', // "Emetteur invalide. Invalid Sender."
      '416': 'userunknown', // "Invalid recipient."
      '417': 'mailboxfull', // "Recipient overquota."
      '426': 'suspend', // "The recipient account is blocked."
      '506': 'spamdetected', // "Mail rejete. Mail rejected."
      '510': 'spamdetected', // "Suspicion de contenu non sollicite"
      '630': 'policyviolation', // "Client host rejected: #216 lpn LPN000_630"
      '999': 'blocked', // "Service refuse ... OFR_999 [999]": the sending IP is refused
    },
  },
  {
    // GoDaddy (secureserver.net): "IB607", "IB212"; upper case as the servers write them.
    provider: 'godaddy',
    signal: /\b(IB\d{3})\b/, // "has sent to too many recipients this hour. IB607"
    codes: {
      IB007: 'toomanyconn',
      IB103: 'badreputation',
      IB104: 'blocked',
      IB105: 'blocked',
      IB106: 'blocked',
      IB108: 'requireptr',
      IB110: 'blocked',
      IB111: 'blocked',
      IB112: 'blocked',
      IB113: 'blocked',
      IB212: 'spamdetected',
      IB401: 'securityerror',
      IB501: 'rejected',
      IB502: 'rejected',
      IB504: 'speeding',
      IB506: 'rejected',
      IB508: 'authfailure',
      IB605: 'exceedlimit',
      IB607: 'speeding',
      IB705: 'virusdetected',
    },
  },
  {
    // Cox: "AUP#CDRBL", "AUP#CXBL" - the sending IP is on Cox's own block list.
    provider: 'cox',
    signal: /\bAUP#([A-Z]{2,10})\b/, // "sender rejected. Refer to Error Codes ... AUP#CDRBL"
    codes: { CDRBL: 'blocked', CXBL: 'blocked' },
  },
  {
    // Facebook: "RCP-P2 ... Refused due to recipient preferences".
    provider: 'facebook',
    signal: /\b(RCP-P\d)\b/, // "550 5.1.1 RCP-P2 http://postmaster.facebook.com/response_codes"
    codes: { 'RCP-P2': 'filtered' },
  },
  {
    // PowerMTA writes its own bounce category into each recipient's report fields.
    provider: 'powermta',
    signal: /^x-powermta-bouncecategory:[ \t]*([a-z-]{2,30})/im, // "X-PowerMTA-BounceCategory: bad-mailbox"
    codes: {
      'bad-mailbox': 'userunknown',
      'bad-domain': 'hostunknown',
      'inactive-mailbox': 'suspend',
      'quota-issues': 'mailboxfull',
      'invalid-sender': 'rejected',
      'relaying-issues': 'norelaying',
      'spam-related': 'spamdetected',
      'virus-related': 'virusdetected',
      'content-related': 'contenterror',
      'policy-related': 'policyviolation',
      'message-expired': 'expired',
      'no-answer-from-host': 'networkerror',
      'bad-connection': 'networkerror',
      'protocol-errors': 'syntaxerror',
    },
  },
  {
    // Dovecot LDA/LMTP rejection notice: "Your message to <a@b> was automatically rejected:" and the
    // storage error on the next line; "Not enough disk space" is Dovecot's over-quota text.
    provider: 'dovecot',
    phrases: [
      [/\bwas automatically rejected:\s+(?:not enough disk space|quota exceeded)/i, 'mailboxfull'], // "...rejected:\nNot enough disk space"
      [/\bwas automatically rejected:\s+mailbox doesn'?t exist/i, 'userunknown'],
    ],
  },
  {
    // au (EZweb, KDDI): the notification's own sentence about a disabled account.
    provider: 'ezweb',
    phrases: [[/^the user\(s\) account is disabled\.$/im, 'suspend']], // "The user(s) account is disabled."
  },
  {
    // au (KDDI) answers "550 : User unknown", the address left out, when the recipient's own reception
    // settings refuse the sender; a missing mailbox is "550 <a@b>: User unknown".
    provider: 'kddi',
    phrases: [[/\b[45]\d\d :[ \t]*user unknown\b/i, 'filtered']], // "550 : User unknown"
  },
  {
    // Yahoo: "dd This user doesn't have a yahoo.com account" (given after DATA, yet the mailbox is missing).
    provider: 'yahoo',
    phrases: [[/\bthis user doesn'?t have an? [\w.-]{1,60} account\b/i, 'userunknown']], // "This user doesn't have a yahoo.com account"
  },
  {
    // Mimecast: fixed reply wordings from its published list of rejection codes.
    provider: 'mimecast',
    phrases: [
      [/\bhost network not allowed\b/i, 'policyviolation'], // "554 Host network not allowed" (a Geographical Restriction policy)
      // The same sentence covers virus and spam signatures; "MCSpamSignature" names a spam one.
      [/\bemail rejected due to security policies\b.{0,40}\bmcspamsignature\b/i, 'spamdetected'], // "... - MCSpamSignature.sa.2.2"
      [/\blocal ct ip reputation\b/i, 'badreputation'],
      [/\baccount inbounds disabled\b/i, 'notaccept'], // "451 Account inbounds disabled." (the account takes no inbound mail)
      [/\baccount service is temporarily unavailable\b/i, 'toomanyconn'], // "451 Account service is temporarily unavailable" (too many connections)
      // Block policies on the sender's address or domain: "550 Envelope blocked - User Domain Entry"
      [/\badministrative prohibition - envelope blocked\b|\benvelope blocked [-–] user (?:domain )?entry\b|\brejected by header[- ]based (?:manually )?blocked senders\b/i, 'rejected'],
      [/\brejected by header[- ]based anti-spoofing policy\b/i, 'policyviolation'], // "550 Rejected by header based Anti-Spoofing policy: a@b
      [/\b(?:spf|dkim|dmarc) sender invalid - envelope rejected\b/i, 'authfailure'],
    ],
  },
  {
    // Microsoft Exchange categoriser codes: "RESOLVER.RST.RecipSizeLimit; message too large for this recipient".
    provider: 'exchange',
    phrases: [[/\bresolver\.rst\.(?:recip|send)sizelimit\b/i, 'mesgtoobig']],
  },
  {
    // Sending services (Amazon SES, SendGrid, Postmark, Mailgun) that skip an address on their own suppression
    // list: the message was never offered to the recipient's server, whatever status code the notice carries.
    provider: 'sending-service',
    phrases: [
      [/\b(?:did not|didn'?t|will not|won'?t) (?:send|deliver)\b.{0,80}\b(?:is|was) on (?:the|your|our) (?:account[- ]level |global )?suppression list\b/is, 'suppressed'], // "Amazon SES did not send the message to this address because it is on the suppression list for your account."
    ],
  },
  {
    // Sending services' JSON events: Amazon SES "bounceSubType", Postmark "Type" (read-service-notice.ts).
    provider: 'service-json',
    signal: /\\?"(?:bounceSubType|Type)\\?"\s*:\s*\\?"(NoEmail|Suppressed|OnAccountSuppressionList|MailboxFull|MessageTooLarge|ContentRejected|AttachmentRejected|HardBounce|DnsError|AddressChange|ManuallyDeactivated|InboxFull)\\?"/, // "bounceSubType": "NoEmail"
    codes: SERVICE_BOUNCE_TYPES,
  },
  {
    // Cloudflare Email Routing: the forwarding destination failed without a reason being passed back.
    provider: 'cloudflare',
    phrases: [[/\bupstream error, please check https?:\/\/developers\.cloudflare\.com\/email-routing\b/i, 'onhold']],
  },
];

// The sets of literals a pattern's every match holds one literal of (as the three-character sequences of
// each, lower-cased: the text is summarised lower-cased, and an ASCII literal's case maps one to one), read
// once; null when none can be named and the pattern always runs.
type Gate = readonly (readonly LiteralGrams[])[] | null;

// "[\x20-\x7e]{3,}": a run of three printable ASCII characters or more. A literal holding other characters
// ("envelope blocked – user entry") is represented by its longest such run ("envelope blocked "): every
// text holding the literal holds the run.
const ASCII_RUN = /[\x20-\x7e]{3,}/g;

function asciiPartOf(literal: string): string | null {
  let longest: string | null = null;
  for (const [run] of literal.matchAll(ASCII_RUN)) if (longest === null || run.length > longest.length) longest = run;
  return longest;
}

/**
 * The literals of a pattern's gate, lower-cased ASCII: the sets of which every match holds one literal
 * each, or null when none can be named. Read at build time for the tables' own patterns (PROVIDER_GATES in
 * phrase-literals.ts, written by scripts/write-phrase-literals.ts).
 */
export function readGateLiterals(pattern: RegExp): string[][] | null {
  // "[^ims]": a flag other than i, m and s (none of which changes what a match's literals are)
  if (/[^ims]/.test(pattern.flags)) return null;
  const sets: string[][] = [];
  for (const set of requiredLiteralSets(pattern.source) ?? []) {
    const parts = set.map(asciiPartOf);
    if (parts.every((part) => part !== null)) sets.push(parts.map((part) => part.toLowerCase()));
  }
  return sets.length === 0 ? null : sets;
}

/** Every pattern of the provider tables, signals and wordings, in order. */
export function listProviderPatterns(): RegExp[] {
  return PROVIDER_TABLES.flatMap((table) => [...(table.signal ? [table.signal] : []), ...(table.phrases ?? []).map(([pattern]) => pattern)]);
}

// The build-time gates by pattern ("/source/flags"); the site's build has none (null, vite.config.ts) and
// leaves this lookup out of its engine.
let knownGates: ReadonlyMap<string, string[][] | null> | null = null;

function readGate(pattern: RegExp): Gate {
  let sets: string[][] | null;
  if (PROVIDER_GATES === null) sets = readGateLiterals(pattern);
  else {
    knownGates ??= new Map(PROVIDER_GATES);
    const key = String(pattern);
    sets = knownGates.has(key) ? (knownGates.get(key) ?? null) : readGateLiterals(pattern);
  }
  return sets === null ? null : sets.map((set) => set.map(literalGrams));
}

// A table's patterns with their gates, read at the first search.
type GatedTable = { table: ProviderTable; signalGate: Gate; phraseGates: readonly Gate[] };
let gatedTables: readonly GatedTable[] | null = null;

function readGatedTables(): readonly GatedTable[] {
  gatedTables ??= PROVIDER_TABLES.map((table) => ({ table, signalGate: table.signal ? readGate(table.signal) : null, phraseGates: (table.phrases ?? []).map(([pattern]) => readGate(pattern)) }));
  return gatedTables;
}

// The three-character sequences of the lower-cased text, read once when a pattern first needs them.
type Haystack = { text: string; grams: GramSet | null };
const scratchGrams: GramSet = gramsOf('');

// False only when a pattern of `gate` certainly does not match the text.
function passes(gate: Gate, haystack: Haystack | null): boolean {
  if (gate === null || haystack === null) return true;
  const grams = (haystack.grams ??= gramsOf(haystack.text.toLowerCase(), scratchGrams));
  for (const set of gate) {
    let held = false;
    for (let k = 0; k < set.length && !held; k += 1) held = mayContain(grams, set[k] ?? EMPTY_GRAMS);
    if (!held) return false;
  }
  return true;
}

const EMPTY_GRAMS: LiteralGrams = new Int32Array(0);

/**
 * The verdict of the first provider table whose own code or wording stands in `text`, or null. With
 * `prefilter` false every pattern runs (the reference the tests compare with); the answer is the same.
 */
export function findProviderVerdict(text: string, options: { prefilter?: boolean } = {}): ProviderVerdict | null {
  if (text === '') return null;
  const haystack: Haystack | null = options.prefilter === false ? null : { text, grams: null };
  for (const { table, signalGate, phraseGates } of readGatedTables()) {
    if (table.signal && table.codes && passes(signalGate, haystack)) {
      const match = table.signal.exec(text);
      const key = match?.[1];
      const reason = key === undefined ? undefined : table.codes[key] ?? table.codes[key.toUpperCase()] ?? table.codes[key.toLowerCase()];
      if (match && reason) return { provider: table.provider, reason, text: match[0], start: match.index, end: match.index + match[0].length };
    }
    const phrases = table.phrases ?? [];
    for (let p = 0; p < phrases.length; p += 1) {
      const [pattern, reason] = phrases[p] ?? [];
      if (pattern === undefined || reason === undefined || !passes(phraseGates[p] ?? null, haystack)) continue;
      const match = pattern.exec(text);
      if (match) return { provider: table.provider, reason, text: match[0], start: match.index, end: match.index + match[0].length };
    }
  }
  return null;
}

// How much each kind of signal counts toward a reason. The remote server's own reply (Diagnostic-Code,
// RFC 3464 section 2.3.6, or the quoted "said:" line) counts most; the rest of the bounce less; a
// provider's own documented code more than any generic wording; an enhanced status (RFC 3463) by how
// specific it is. Set by hand from that hierarchy, not fitted: `npm run validate` reports how it holds.
import type { Reason } from '../content/vocabulary.ts';

export const SIGNAL_WEIGHTS = {
  /** A provider's own code or fixed wording (provider-verdicts.ts), in the reply, the text, the report. */
  providerInReply: 10,
  providerInText: 9,
  providerInReport: 8,
  /** An enhanced code that names one cause (X.1.1, X.2.2, X.7.25 ...). */
  strongStatus: 5.5,
  /** An expiry summary (X.4.7): the last attempt's own failure, written elsewhere, may say more. */
  expirySummary: 2.5,
  /** A generic enhanced code (X.7.1, X.0.0 ...): decides only when no wording does. */
  weakStatus: 0.8,
  /** Project wordings that name one cause, in the server's reply and in the rest of the text. */
  strongPhraseInReply: 4,
  strongPhraseInText: 2.8,
  /** Generic wordings ("blocked", "spam", "filter"). */
  weakPhraseInReply: 3,
  weakPhraseInText: 1,
  /** Sisimai's reason lists: broad, but written for its own reason set (no requireptr, authfailure ...). */
  sisimaiInReply: 3.5,
  sisimaiInText: 2.2,
  /** The report names a local delivery program's exit status (Diagnostic-Code type X-Unix). */
  localProgram: 3.9,
  /** The closest catalogue entry, scaled by its match score (0..1); at or above 0.8 it is that entry's text. */
  catalogue: 0.2,
  catalogueStrong: 0.3,
  /** A strong match on a long catalogue text (see CATALOGUE_SHORT_TEXT): as much as the remote reply's own wording. */
  catalogueLongText: 3.9,
  /** The paste is little more than one catalogue entry's own text: that entry's label decides. */
  catalogueOwnText: 8,
  /** Added to a wording of a local delivery program's failure ("pipe to |/usr/bin/procmail"): its own words are more specific than any status its wrapper chose. */
  mailerWording: 2,
  /** A delivery report's Action: delayed, with no wording of its own: outweighs a generic enhanced code ("4.4.0"), not a wording. */
  delayedAction: 0.9,
} as const;

/** The catalogue's score from which its entry is taken to be the paste's own text. */
export const CATALOGUE_STRONG_SCORE = 0.8;
/** A catalogue text this short ("550 User unknown") says little; from here to SHORT + LONG characters its weight grows to catalogueLongText. */
export const CATALOGUE_SHORT_TEXT = 40;
export const CATALOGUE_LONG_TEXT = 80;
/** From this score the entry's text stands in the paste (nearly) whole. */
export const CATALOGUE_WHOLE_SCORE = 0.95;
/** Below this score a catalogue match says nothing about the reason. */
export const CATALOGUE_MIN_SCORE = 0.5;

/**
 * The refused SMTP command re-reads an unspecific verdict (RFC 5321 section 3.3): a refusal of MAIL FROM
 * is about the sender; of the greeting or HELO, about the sending host; "unknown" after DATA is a filter.
 * A server failure in reply to MAIL ("554 Transaction failed") stays the server's failure.
 */
export const COMMAND_REREADS: Readonly<Record<string, Partial<Record<Reason, Reason>>>> = {
  MAIL: { userunknown: 'rejected', hostunknown: 'rejected', undefined: 'rejected', onhold: 'rejected', filtered: 'rejected', notaccept: 'rejected' },
  HELO: { undefined: 'blocked', onhold: 'blocked', rejected: 'blocked', systemerror: 'blocked', filtered: 'blocked', userunknown: 'blocked' },
  CONN: { undefined: 'blocked', onhold: 'blocked', rejected: 'blocked', systemerror: 'blocked', filtered: 'blocked', userunknown: 'blocked' },
};

/**
 * The enhanced codes that confirm a missing mailbox (RFC 3463: X.1.1 bad destination mailbox, X.1.3 bad
 * mailbox syntax, and the permanent X.1.0 other address status), and the commands answered before the
 * message was sent (RFC 5321 section 3.3): a "user unknown" that neither confirms may be a filter's.
 */
export const USER_UNKNOWN_STATUSES: ReadonlySet<string> = new Set(['5.1.0', '5.1.1', '5.1.3']);
export const COMMANDS_BEFORE_DATA: ReadonlySet<string> = new Set(['CONN', 'HELO', 'MAIL', 'RCPT']);

/** How the bounce reached the engine: a whole email, a delivery report's fields (RFC 3464) pasted without the email, or bare text. */
export type InputKind = 'email' | 'report' | 'text';

/**
 * The kinds of input on which a "user unknown" that nothing confirms (no mailbox status, no refused RCPT TO)
 * is read as a filter's refusal (Sisimai's Filtered.pm): a whole bounce email or delivery report states the
 * status and command when the mailbox itself was refused, so their silence points after DATA. A line copied
 * from an error dialog ("550 No such user here") states neither; its words are all it has, and they say the
 * mailbox does not exist. A refusal that names DATA ("in reply to end of DATA command") is a filter on every kind.
 */
export const FILTER_READING_INPUTS: ReadonlySet<InputKind> = new Set(['email', 'report']);

/**
 * With no wording and no specific code, the enhanced code's subject digit (RFC 3463 section 3) names the
 * kind of refusal: X.7.x security or policy status, X.6.x message content or media status.
 */
export const STATUS_SUBJECT_FALLBACKS: Readonly<Record<string, Reason>> = { '7': 'securityerror', '6': 'contenterror' };

/**
 * The class digit re-reads a verdict it contradicts (RFC 3463 section 3.1): a domain that does not exist
 * is a permanent failure, so under a transient code (4.x.x, 4xx) the DNS lookup failed for now. A status
 * that itself names the cause (4.1.2, Postfix's default soft refusal of a domain with no DNS entry) keeps it.
 */
export const CLASS_REREADS: Readonly<Record<string, Partial<Record<Reason, Reason>>>> = {
  '4': { hostunknown: 'networkerror' },
};

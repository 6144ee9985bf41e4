// Shared shapes of the diagnosis engine: findings with offsets, recipients read from a delivery
// report (RFC 3464 section 2.3) and the verdict. Pure data; no runtime code lives here.
import type { Audience, Reason } from '../content/vocabulary.ts';

export type FindingKind = 'reply' | 'enhanced' | 'tag' | 'blocklist';

/** A code, provider tag or blocklist name found in the text, as the half-open span [start, end). */
export type Finding = {
  kind: FindingKind;
  value: string;
  start: number;
  end: number;
  /** Set when the finding was read from a decoded MIME part; offsets then point into `Diagnosis.text`. */
  decoded?: boolean;
};

/** The catalogue's matchable data for one entry, as written to src/generated/match.json. */
export type MatchableEntry = {
  id: string;
  texts: string[];
  reply: string | null;
  enhanced: string | null;
  tag: string | null;
  reason: Reason;
};

export type EntryMatch = { id: string; score: number };

/**
 * What the notice is: a failure ('bounce'), a delivery still being retried ('delay'), an automatic reply
 * ('vacation'), a complaint (an ARF report, or a sending service's complaint event: 'feedback'), a
 * success report (Action delivered/relayed/expanded, a 2.x.x status, a service's delivery event:
 * 'delivered'), or text that is none of these ('unknown').
 */
export type DiagnosisKind = 'bounce' | 'delay' | 'vacation' | 'feedback' | 'delivered' | 'unknown';
export type BounceOrigin = 'sender-provider' | 'recipient-side' | 'unknown';

/** One recipient block of a delivery report, or what the human-readable text says about one address. */
export type RecipientResult = {
  address: string;
  originalRecipient: string | null;
  action: string;
  status: string | null;
  remoteMta: string | null;
  diagnosticCode: string | null;
  lastAttemptDate: string | null;
  reason: Reason;
  permanent: boolean | null;
  replyCode: string | null;
  enhancedCode: string | null;
};

/**
 * One signal that weighed on the reason: what it is, the reason it pointed to, how much it counted and
 * where it stands (offsets into the analysed text, null when it is not a span, such as a DSN Action).
 */
export type Evidence = {
  /** The kind of signal, for example 'remote-reply', 'enhanced-code', 'reply-code', 'command', 'action', 'provider', 'catalogue', 'phrase', 'boilerplate'. */
  signal: string;
  reason: Reason;
  weight: number;
  /** The words or the code that gave the signal, as written. */
  text: string;
  start: number | null;
  end: number | null;
  decoded?: boolean;
};

export type Diagnosis = {
  kind: DiagnosisKind;
  reason: Reason;
  reasonLabel: string;
  permanent: boolean | null;
  replyCode: string | null;
  enhancedCode: string | null;
  codes: Finding[];
  matches: EntryMatch[];
  recipients: RecipientResult[];
  reportingMta: string | null;
  generatingHost: string | null;
  generatedBy: string | null;
  origin: BounceOrigin;
  actors: Audience[];
  audience: Audience | null;
  /** The signals that decided the reason, strongest first. */
  evidence: Evidence[];
  /** The decoded text that was analysed, when it differs from the input. */
  text?: string;
  /** What was left unread and why (a limit on MIME parts or nesting), for the reader to see. */
  notices?: Notice[];
};

/** Something the reader should know about how the input was read, such as a limit that was reached. */
export type Notice = { code: string; message: string };

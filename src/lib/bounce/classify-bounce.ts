// Decides the reason for one failed recipient by scored evidence: every signal adds weight to a reason
// and the heaviest reason wins. Signals: a provider's own code or wording, the enhanced status code
// (RFC 3463), wordings of the lexicon in the server's own reply (RFC 3464 section 2.3.6) and in the rest
// of the bounce, a local delivery program's failure, the closest catalogue entry and the DSN Action.
// The weights live in reason-weights.ts; the refused command (RFC 5321 section 3.3) re-reads the result.
import { REASON_FAMILY } from '../content/vocabulary.ts';
import type { Reason } from '../content/vocabulary.ts';
import { findProviderVerdict } from './provider-verdicts.ts';
import type { ProviderVerdict } from './provider-verdicts.ts';
import { CATALOGUE_LONG_TEXT, CATALOGUE_MIN_SCORE, CATALOGUE_SHORT_TEXT, CATALOGUE_STRONG_SCORE, CATALOGUE_WHOLE_SCORE, CLASS_REREADS, COMMAND_REREADS, COMMANDS_BEFORE_DATA, FILTER_READING_INPUTS, SIGNAL_WEIGHTS, STATUS_SUBJECT_FALLBACKS, USER_UNKNOWN_STATUSES } from './reason-weights.ts';
import type { InputKind } from './reason-weights.ts';
import { DEFAULT_LEXICON, findPhrases, normalizeTransient } from './reason-lexicon.ts';
import type { Lexicon, PhraseHit } from './reason-lexicon.ts';
import { findRemoteHostReason } from './remote-host-rules.ts';
import { reasonForStatus as readStatus } from './status-reasons.ts';

// What each enhanced status code says (status-reasons.ts), read once per code: a classification asks up to
// four times, and the codes seen are few.
const statusMeanings = new Map<string, ReturnType<typeof readStatus>>();

function reasonForStatus(status: string | null): ReturnType<typeof readStatus> {
  if (status === null) return null;
  let meaning = statusMeanings.get(status);
  if (meaning === undefined) {
    meaning = readStatus(status);
    // A bounded memo: a text of many invented codes does not grow it without end.
    if (statusMeanings.size < 4096) statusMeanings.set(status, meaning);
  }
  return meaning;
}

// "550 5.7.1 ...": an enhanced code near the start of the reply, not an IP address octet
const ENHANCED_IN_REPLY = /(?<![\w.])[245]\.[0-7]\.\d{1,3}(?![\w]|\.\d)/;

export type BounceEvidence = {
  /** The remote server's reply or the reporting server's message for this recipient. */
  diagnostic: string;
  /** The rest of the bounce's human-readable text. */
  context: string;
  status: string | null;
  replyCode: string | null;
  /** The SMTP command the failure answered ("RCPT", "DATA", "MAIL", "CONN"), when known. */
  command: string | null;
  action: string | null;
  /** The report names a local delivery program's exit status (Diagnostic-Code type X-Unix). */
  localProgram?: boolean;
  /** The machine-readable report (message/delivery-status), searched only for a provider's own fields. */
  report?: string;
  /** The closest catalogue entry and its match score (0..1). */
  catalogue?: { id: string; reason: Reason; score: number; ownText?: boolean; /** The entry's longest literal text, in characters. */ length?: number } | null;
  /** The remote server that refused (the report's Remote-MTA, or the host of "host X said:"), when known. */
  remoteHost?: string | null;
  /** The mail server whose own notice format the headers show (server-formats.ts), when known. */
  serverFormat?: string | null;
  /** The phrase lexicon to use (validation swaps in one without some terms). */
  lexicon?: Lexicon;
  /** What was read: a whole email (the default), a delivery report's fields alone, or bare text (FILTER_READING_INPUTS). */
  input?: InputKind;
};

/** Where a signal's offsets point: the diagnostic, the context, the report, or nowhere (a field value). */
export type SignalRegion = 'diagnostic' | 'context' | 'report' | null;

/** One weighed signal, its offsets relative to `region`. */
export type Signal = { signal: string; reason: Reason; weight: number; text: string; region: SignalRegion; start: number | null; end: number | null; /** A wording in another language than English. */ localised?: true };

export type Classification = { reason: Reason; permanent: boolean | null; signals: Signal[] };

// "This is a permanent error", "had permanent fatal errors", "I've given up": the bounce says retrying is over.
const PERMANENT_TEXT = /\bthis is a permanent error\b|\bpermanent fatal errors?\b|\bi'?ve given up\b|\bpermanent(?:ly)? (?:failure|failed|undeliverable)\b/i;

// The report's Action decides first (RFC 3464 section 2.3.3: "failed" means the reporting server has
// abandoned delivery, as after an expiry "550 4.4.7 QUEUE.Expired"); then the code's class digit.
function permanenceOf(status: string | null, replyCode: string | null, action: string | null, context: string): boolean | null {
  if (action === 'failed') return true;
  if (action === 'delayed') return false;
  const digit = status?.[0] ?? replyCode?.[0] ?? null;
  if (digit === '5') return true;
  if (digit === '4') return false;
  return PERMANENT_TEXT.test(context.slice(0, 8000)) ? true : null;
}

// A "user unknown" that the status does not confirm (X.1.1, X.1.3 ...) is a recipient-side filter
// when it answered DATA (the address was accepted at RCPT), or, in a whole bounce or report
// (FILTER_READING_INPUTS), when the status itself says the mailbox refused the message (X.2.0, X.2.1)
// or the delivery was not authorised (X.7.x) and no command is named.
function isFilteringRefusal(command: string | null, status: string | null, input: InputKind): boolean {
  if (reasonForStatus(status)?.reason === 'userunknown') return false;
  if (command === 'DATA') return true;
  return FILTER_READING_INPUTS.has(input) && command === null && status !== null && /^[45]\.(?:2\.[01]|7\.\d{1,3})$/.test(status);
}

// Words that put a refusal on the sending host rather than on the sender address: "Client host rejected"
const HOST_WORDS = /\b(?:ip|host|client|network|server|connection|dnsbl|rbl|spamhaus|spamcop|list(?:ed)?)\b|\d+\.\d+\.\d+\.\d+/i;

// A "user unknown" in a notice of no known format that neither a mailbox status (USER_UNKNOWN_STATUSES)
// nor a refused RCPT TO confirms: the address may have been accepted and the message refused by a
// filter after it (Sisimai's Reason/Filtered.pm and UserUnknown.pm). A wording in another language
// ("Benutzer existiert nicht") is left as said: no such list covers it, and the words are plain. So is
// bare text (FILTER_READING_INPUTS): a pasted line has no report whose silence could mean anything.
function isUnconfirmedUnknown(command: string | null, status: string | null, serverFormat: string | null, input: InputKind): boolean {
  if (!FILTER_READING_INPUTS.has(input) || serverFormat !== null || (status !== null && USER_UNKNOWN_STATUSES.has(status))) return false;
  return command === null || !COMMANDS_BEFORE_DATA.has(command);
}

function rereadForCommand(reason: Reason, command: string | null, status: string | null, diagnostic: string, serverFormat: string | null = null, input: InputKind = 'email'): Reason {
  if (reason === 'userunknown' && (isFilteringRefusal(command, status, input) || isUnconfirmedUnknown(command, status, serverFormat, input))) return 'filtered';
  // A bare "Access denied" in reply to MAIL FROM refuses the sender address, not the host.
  if (command === 'MAIL' && reason === 'blocked' && !HOST_WORDS.test(diagnostic)) return 'rejected';
  return (command === null ? undefined : COMMAND_REREADS[command]?.[reason]) ?? reason;
}

// Of two wordings with the same weight, the longer one is the more specific: "host not found, try
// again" (a temporary DNS failure) over "host not found". Worth at most a tenth of a point.
const specificity = (hit: PhraseHit): number => Math.min(hit.end - hit.start, 100) / 1000;

function phraseWeight(hit: PhraseHit, inReply: boolean): number {
  return baseWeight(hit, inReply) + specificity(hit) + (hit.reason === 'mailererror' ? SIGNAL_WEIGHTS.mailerWording : 0);
}

function baseWeight(hit: PhraseHit, inReply: boolean): number {
  if (hit.source === 'sisimai') return inReply ? SIGNAL_WEIGHTS.sisimaiInReply : SIGNAL_WEIGHTS.sisimaiInText;
  if (hit.strength === 'strong') return inReply ? SIGNAL_WEIGHTS.strongPhraseInReply : SIGNAL_WEIGHTS.strongPhraseInText;
  return inReply ? SIGNAL_WEIGHTS.weakPhraseInReply : SIGNAL_WEIGHTS.weakPhraseInText;
}

// The rest of the bounce is the same for every recipient of one report: its wordings are found once
// (one remembered scan per region, so a reply and the context do not evict each other).
const lastScans = new Map<string, { text: string; lexicon: Lexicon; signals: Signal[] }>();

function phraseSignals(text: string, region: 'diagnostic' | 'context', lexicon: Lexicon): Signal[] {
  const last = lastScans.get(region);
  if (last !== undefined && last.text === text && last.lexicon === lexicon) return last.signals;
  const signals = scanPhrases(text, region, lexicon);
  lastScans.set(region, { text, lexicon, signals });
  return signals;
}

// The wordings of the last few texts read: a paste with no code lines is the reply, the context and the
// text tested for a strong wording all at once, and is read once.
const RECENT_TEXTS = 3;
const recentHits: { text: string; lexicon: Lexicon; hits: PhraseHit[] }[] = [];

function hitsIn(text: string, lexicon: Lexicon): PhraseHit[] {
  for (const recent of recentHits) if (recent.text === text && recent.lexicon === lexicon) return recent.hits;
  const hits = findPhrases(normalizeTransient(text), lexicon);
  recentHits.unshift({ text, lexicon, hits });
  recentHits.length = Math.min(recentHits.length, RECENT_TEXTS);
  return hits;
}

function scanPhrases(text: string, region: 'diagnostic' | 'context', lexicon: Lexicon): Signal[] {
  if (text.trim() === '') return [];
  const inReply = region === 'diagnostic';
  return hitsIn(text, lexicon).map((hit) => {
    const signal: Signal = { signal: inReply ? (hit.source === 'sisimai' ? 'reply-wording' : 'remote-reply') : 'phrase', reason: hit.reason, weight: phraseWeight(hit, inReply), text: text.slice(hit.start, hit.end), region, start: hit.start, end: hit.end };
    if (hit.localised) signal.localised = true;
    return signal;
  });
}

// A report's body and its delivery-status part are the same for each of its recipients (fifty in some
// reports): each region's last provider verdict is remembered, so they are searched once per report.
const lastVerdicts = new Map<Exclude<SignalRegion, null>, { text: string; verdict: ProviderVerdict | null }>();

function verdictIn(text: string, region: Exclude<SignalRegion, null>): ProviderVerdict | null {
  const last = lastVerdicts.get(region);
  if (last !== undefined && last.text === text) return last.verdict;
  const verdict = findProviderVerdict(text);
  lastVerdicts.set(region, { text, verdict });
  return verdict;
}

function providerSignal(evidence: BounceEvidence): Signal | null {
  const sources = [
    [evidence.diagnostic, 'diagnostic', SIGNAL_WEIGHTS.providerInReply],
    [evidence.context, 'context', SIGNAL_WEIGHTS.providerInText],
    [evidence.report ?? '', 'report', SIGNAL_WEIGHTS.providerInReport],
  ] as const;
  for (const [text, region, weight] of sources) {
    const verdict = verdictIn(text, region);
    if (verdict) return { signal: 'provider', reason: verdict.reason, weight, text: verdict.text, region, start: verdict.start, end: verdict.end };
  }
  return null;
}

function statusSignal(status: string | null, diagnostic: string): Signal | null {
  const meaning = reasonForStatus(status);
  if (status === null || meaning === null || status.startsWith('2')) return null;
  const summary = /^[45]\.4\.7$/.test(status);
  const weight = summary ? SIGNAL_WEIGHTS.expirySummary : meaning.strong ? SIGNAL_WEIGHTS.strongStatus : SIGNAL_WEIGHTS.weakStatus;
  const at = diagnostic.indexOf(status);
  return { signal: summary ? 'expiry-summary' : 'enhanced-code', reason: meaning.reason, weight, text: status, region: at >= 0 ? 'diagnostic' : null, start: at >= 0 ? at : null, end: at >= 0 ? at + status.length : null };
}

function catalogueSignal(catalogue: BounceEvidence['catalogue']): Signal | null {
  // An entry that names no cause (onhold, undefined) says nothing about the reason.
  if (!catalogue || catalogue.score < CATALOGUE_MIN_SCORE || REASON_FAMILY[catalogue.reason] === 'unknown') return null;
  const strong = catalogue.score >= CATALOGUE_STRONG_SCORE;
  // A long literal text found almost whole is specific; "550 User unknown" stands in many refusals.
  const specific = Math.min(1, Math.max(0, ((catalogue.length ?? 0) - CATALOGUE_SHORT_TEXT) / CATALOGUE_LONG_TEXT));
  const weight =
    strong && catalogue.ownText === true
      ? SIGNAL_WEIGHTS.catalogueOwnText
      : strong
        ? Math.max(SIGNAL_WEIGHTS.catalogueStrong, catalogue.score >= CATALOGUE_WHOLE_SCORE ? SIGNAL_WEIGHTS.catalogueLongText * specific : 0)
        : SIGNAL_WEIGHTS.catalogue * catalogue.score;
  return { signal: 'catalogue', reason: catalogue.reason, weight, text: catalogue.id, region: null, start: null, end: null };
}

/** Every signal for every reason, before weighing. */
export function collectSignals(evidence: BounceEvidence): Signal[] {
  return collectWithStatus(evidence, ENHANCED_IN_REPLY.exec(evidence.diagnostic)?.[0] ?? null);
}

// collectSignals, given the enhanced code of the reply (null: none).
function collectWithStatus(evidence: BounceEvidence, replyStatus: string | null): Signal[] {
  const lexicon = evidence.lexicon ?? DEFAULT_LEXICON;
  const signals: Signal[] = [...phraseSignals(evidence.diagnostic, 'diagnostic', lexicon), ...phraseSignals(evidence.context, 'context', lexicon)];
  const provider = providerSignal(evidence);
  if (provider) signals.push(provider);
  const status = statusSignal(replyStatus ?? evidence.status, evidence.diagnostic);
  if (status) signals.push(status);
  if (evidence.localProgram === true) signals.push({ signal: 'local-program', reason: 'mailererror', weight: SIGNAL_WEIGHTS.localProgram, text: 'X-Unix', region: null, start: null, end: null });
  const catalogue = catalogueSignal(evidence.catalogue);
  if (catalogue) signals.push(catalogue);
  if (evidence.action === 'delayed') signals.push({ signal: 'action', reason: 'expired', weight: SIGNAL_WEIGHTS.delayedAction, text: 'delayed', region: null, start: null, end: null });
  return signals;
}

// Wordings count once per reason (the strongest occurrence); other kinds of signal add up. An expiry
// summary code (X.4.7) says what its "could not be delivered for 5 days" says: one signal, not two.
function scoreSignals(signals: readonly Signal[]): Map<Reason, { total: number; signals: Signal[] }> {
  const wording = new Map<Reason, Signal>();
  const scores = new Map<Reason, { total: number; signals: Signal[] }>();
  const add = (signal: Signal): void => {
    const entry = scores.get(signal.reason) ?? { total: 0, signals: [] };
    entry.total += signal.weight;
    entry.signals.push(signal);
    scores.set(signal.reason, entry);
  };
  for (const signal of signals) {
    if (signal.signal === 'remote-reply' || signal.signal === 'reply-wording' || signal.signal === 'phrase' || signal.signal === 'expiry-summary') {
      const best = wording.get(signal.reason);
      if (!best || signal.weight > best.weight) wording.set(signal.reason, signal);
    } else add(signal);
  }
  for (const signal of wording.values()) add(signal);
  return scores;
}

const REPLY_WORDING = new Set(['remote-reply', 'reply-wording']);
// What a local delivery program's output can name for itself: its storage limits ("Mail quota exceeded").
const LOCAL_PROGRAM_CAUSES: ReadonlySet<Reason> = new Set(['mailboxfull', 'systemfull', 'mesgtoobig', 'exceedlimit']);

// The failures of one delivery attempt that an expiry notice may quote as its last one.
const CAUSES_BEFORE_EXPIRY: ReadonlySet<Reason> = new Set(['blocked', 'networkerror', 'hostunknown', 'norelaying', 'rejected', 'userunknown', 'mailboxfull', 'suspend', 'spamdetected', 'policyviolation', 'securityerror', 'toomanyconn', 'systemerror']);

const DNS_FAILURE: ReadonlySet<Reason> = new Set(['networkerror']);

// The heaviest of `causes` named by a wording (of at least `minWeight`) of the server's own reply.
function namedCauseOf(scores: ReadonlyMap<Reason, { total: number; signals: Signal[] }>, causes: ReadonlySet<Reason>, minWeight = 0): { reason: Reason; total: number; signals: Signal[] } | null {
  let named: { reason: Reason; total: number; signals: Signal[] } | null = null;
  for (const [reason, entry] of scores) {
    if (!causes.has(reason) || !entry.signals.some((signal) => REPLY_WORDING.has(signal.signal) && signal.weight >= minWeight)) continue;
    if (!named || entry.total > named.total) named = { reason, ...entry };
  }
  return named;
}

// What is left of a diagnostic once addresses and punctuation are gone: "<jo@example.org>:" says nothing.
// "nmorel@example.fr" -> "", "jo@example.org... User unknown" -> "Userunknown"
const ADDRESS_OR_PUNCTUATION = /[^\s<>()[\]@]{1,64}@[^\s<>()[\]]{1,253}|[\s\p{P}\p{S}]+/gu;

function saysSomething(diagnostic: string): boolean {
  // a long text is more than an address list when it has any letter or digit at all
  if (diagnostic.length > 2000) return /[\p{L}\p{N}]/u.test(diagnostic);
  return diagnostic.replace(ADDRESS_OR_PUNCTUATION, '') !== '';
}

// The paste holds (nearly word for word) a long catalogue text labelled `reason`; a short one ("Message
// could not be delivered for 5 days") is too generic to speak for the whole paste.
function isCatalogueText(catalogue: BounceEvidence['catalogue'], reason: Reason): boolean {
  if (!catalogue || catalogue.reason !== reason || catalogue.score < CATALOGUE_STRONG_SCORE) return false;
  return (catalogue.length ?? 0) >= CATALOGUE_SHORT_TEXT + CATALOGUE_LONG_TEXT;
}

// With no wording and no specific code, the code's subject still says something (Sisimai's Reason.pm
// anotherone()): X.7.x a security or policy refusal, X.6.x a problem with the message's content.
function statusFallback(status: string | null): Reason | null {
  // A deferral (4.7.1 "Greylisted, try again") refuses nothing yet: only a permanent code's subject names a refusal.
  if (status === null || !status.startsWith('5')) return null;
  return STATUS_SUBJECT_FALLBACKS[status.split('.')[1] ?? ''] ?? null;
}

// A status whose detail names the cause itself (RFC 3463: X.1.2 the destination domain, X.1.1 the mailbox).
function statusNames(status: string | null, reason: Reason): boolean {
  const meaning = reasonForStatus(status);
  return meaning?.strong === true && meaning.reason === reason;
}

/** Classifies one recipient's failure from its evidence; `signals` are those of the winning reason, strongest first. */
export function classifyBounce(evidence: BounceEvidence): Classification {
  const permanent = permanenceOf(evidence.status, evidence.replyCode, evidence.action, evidence.context);
  const replyStatus = ENHANCED_IN_REPLY.exec(evidence.diagnostic)?.[0] ?? null;
  const status = replyStatus ?? evidence.status;
  const collected = collectWithStatus(evidence, replyStatus);
  const scores = scoreSignals(collected);
  let best: { reason: Reason; total: number; signals: Signal[] } | null = null;
  for (const [reason, entry] of scores) {
    if (!best || entry.total > best.total) best = { reason, ...entry };
  }
  // A local program's failure gives way when its output names a storage limit ("Command output: Mail
  // quota exceeded"): that limit is the cause (Sisimai's Reason.pm tries MailerError after MailboxFull).
  if (best?.reason === 'mailererror') best = namedCauseOf(scores, LOCAL_PROGRAM_CAUSES) ?? best;
  // "Could not be delivered for 5 days" summarises the retries; the last attempt's own failure, quoted
  // beside it ("Deferred: Connection refused by mx.example.org"), is the cause (Sisimai tries Expired late).
  // Unless the paste is a catalogue text that is itself such a summary (qmail's "I wasn't able to establish
  // an SMTP connection. I'm not going to try again"): one literal text has one cause.
  else if (best?.reason === 'expired' && !isCatalogueText(evidence.catalogue, 'expired')) best = namedCauseOf(scores, CAUSES_BEFORE_EXPIRY, SIGNAL_WEIGHTS.sisimaiInReply) ?? best;
  // A domain that "does not exist" because its name server answered badly ("Malformed or unexpected name
  // server reply") is a DNS failure, not a missing domain (Sisimai's HostUnknown.pm defers to NetworkError),
  // unless a permanent status names the missing domain itself (5.1.2 beside Gmail's "DNS Error: ... NXDOMAIN").
  else if (best?.reason === 'hostunknown' && !(status?.startsWith('5') === true && statusNames(status, 'hostunknown'))) best = namedCauseOf(scores, DNS_FAILURE, SIGNAL_WEIGHTS.sisimaiInReply) ?? best;
  if (!best || best.total <= 0) {
    // Nothing names a cause: "onhold" when the server wrote something we could not read, "undefined" when
    // it wrote nothing but the address (Sisimai's Reason.pm: a diagnostic without a known wording is on hold).
    const reason: Reason = statusFallback(evidence.status) ?? (saysSomething(evidence.diagnostic) ? 'onhold' : 'undefined');
    return { reason: rereadForCommand(reason, evidence.command, evidence.status, evidence.diagnostic, null, evidence.input), permanent, signals: [] };
  }
  const signals = [...best.signals].sort((a, b) => b.weight - a.weight);
  // A provider's own verdict already accounts for the command it refused.
  if (signals[0]?.signal === 'provider') return { reason: best.reason, permanent, signals };
  const localised = collected.some((signal) => signal.localised === true && signal.reason === best.reason);
  // The filter reading needs both the reply's own code and the report's status to leave the mailbox unconfirmed.
  const confirmedStatus = evidence.status !== null && USER_UNKNOWN_STATUSES.has(evidence.status) ? evidence.status : status;
  const reason = rereadForCommand(best.reason, evidence.command, confirmedStatus, evidence.diagnostic, localised ? 'localised wording' : (evidence.serverFormat ?? null), evidence.input);
  if (reason !== best.reason && evidence.command !== null) {
    signals.push({ signal: 'command', reason, weight: 0, text: evidence.command, region: null, start: null, end: null });
  }
  const byHost = findRemoteHostReason(evidence.remoteHost ?? null, evidence.status, evidence.command, reason);
  if (byHost !== null && byHost !== reason) {
    signals.push({ signal: 'remote-host', reason: byHost, weight: 0, text: evidence.remoteHost ?? '', region: null, start: null, end: null });
    return { reason: byHost, permanent, signals };
  }
  const code = status ?? evidence.replyCode;
  // A status whose detail names the cause itself ("450 4.1.2 ... Domain not found": X.1.2, bad destination
  // system) chose its class for that cause; the class re-reads only what the words alone said.
  const reread = code === null || statusNames(code, reason) ? undefined : CLASS_REREADS[code[0] ?? '']?.[reason];
  if (reread !== undefined && code !== null) {
    signals.push({ signal: 'code-class', reason: reread, weight: 0, text: code, region: null, start: null, end: null });
    return { reason: reread, permanent, signals };
  }
  return { reason, permanent, signals };
}

/** The strongest project wording in `text` (used to tell a pasted reply from ordinary prose), or null. */
export function findPhraseReason(text: string, lexicon: Lexicon = DEFAULT_LEXICON): { reason: Reason; strength: 'strong' | 'weak' } | null {
  if (text.trim() === '') return null;
  const hits = hitsIn(text, lexicon).filter((hit) => hit.source === 'project');
  return hits.find((hit) => hit.strength === 'strong') ?? hits[0] ?? null;
}

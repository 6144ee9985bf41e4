// The diagnosis: reads a pasted bounce (raw email or fragment), finds every code with its offset,
// reads the delivery report (RFC 3464) or the human-readable text for each failed recipient,
// classifies the cause, says who generated the bounce and who has to act, and ranks catalogue
// entries. Pure: runs unchanged in Node, a Web Worker and the page.
import type { Audience, Reason } from '../content/vocabulary.ts';
import { REASON_FAMILY, REASON_LABELS } from '../content/vocabulary.ts';
import { classifyBounce, findPhraseReason } from './classify-bounce.ts';
import { findServerFormat } from './server-formats.ts';
import type { BounceEvidence, Signal } from './classify-bounce.ts';
import { extractCodes, findingsBefore, findingsOfBlock, findingsOfLines, findingsOfSpans, joinFindings } from './extract-codes.ts';
import { findRecipients } from './find-recipients.ts';
import { matchEntries } from './match-entries.ts';
import { actorsFor } from './reason-actors.ts';
import { emptyRecipient, readDeliveryStatus } from './read-delivery-status.ts';
import type { DsnRecipient } from './read-delivery-status.ts';
import { findAddressBlock, findCodeLineSpans, findCommandOfReply, findListHeading, hasRemoteReply, joinSpans, rememberCommands } from './read-bounce-text.ts';
import { readEmail } from './read-email.ts';
import { rememberPerText } from './remember-per-text.ts';
import type { PerText } from './remember-per-text.ts';
import { findServiceNotice } from './read-service-notice.ts';
import type { Lexicon } from './reason-lexicon.ts';
import type { InputKind } from './reason-weights.ts';
import type { EmailParts } from './read-email.ts';
import type { BounceOrigin, Diagnosis, DiagnosisKind, EntryMatch, Evidence, Finding, MatchableEntry, RecipientResult } from './types.ts';

export type DiagnoseOptions = {
  /** Most catalogue matches to return (10). */
  matchLimit?: number;
  /** Characters of decoded text analysed with the expensive steps (phrase tables, matching); codes are found in all of it. */
  analysisWindow?: number;
  /** The phrase lexicon (validation passes one without the terms of a held-out server kind). */
  lexicon?: Lexicon;
};

const DEFAULT_WINDOW = 64_000;
/** A catalogue match this close means the paste is that entry's text, codes or not. */
const STRONG_MATCH = 0.8;
// Recipients diagnosed one by one; a report listing more is cut here (the first failed one decides).
const MAX_RECIPIENTS = 50;

// Subjects and headers of automatic replies (RFC 3834): "Out of Office", "Automatic reply", "Vacation"
// "Réponse automatique :", "Respuesta automática:", "Abwesenheitsnotiz:", "Automatische Antwort:"
const VACATION_SUBJECT = /\b(?:out of (?:the )?office|auto(?:matic)?[ -]?(?:reply|response|antwort|respuesta|r[ée]ponse)|automatische antwort|r[ée]ponse automatique|respuesta autom[aá]tica|resposta autom[aá]tica|risposta automatica|vacation|on leave|away from (?:the|my) office|abwesenheit\w*|absence|autoreply|autoresponder|i am (?:currently )?(?:out|away))\b|自動応答|不在/i;
// "I am out of the office", "je suis absente du bureau", "fuera de la oficina", "nicht im Büro"
const VACATION_BODY = /\b(?:i am|i'm|i will be) (?:currently )?(?:out of (?:the )?office|away|on (?:vacation|holiday|leave)|travell?ing)\b|\bout of (?:the )?office\b|\bon vacation\b|\bwith limited access to e-?mail\b|\babsente? du bureau\b|\bfuera de la oficina\b|\bnicht im büro\b|\bau(?:ß|ss)er haus\b|\bfuori ufficio\b/i;
const BOUNCE_SENDER = /^(?:mailer-daemon|postmaster|mail ?delivery|mmdf|mail-?daemon|bounce|double-bounce|root)\b|mailer-daemon@|postmaster@/i;
const DELAY_TEXT = /\b(?:has been delayed|delivery (?:is )?delayed|not (?:yet )?been delivered|will (?:continue|keep) (?:trying|to try|retrying)|will retry|still trying|warning: message .{0,60}delayed)\b/i;
const FEEDBACK_TYPE = /^feedback-type:/im;
// Complaint loops that forward the reported message as an attachment instead of an ARF report: Microsoft's
// JMRP ("X-HmXmrOriginalRecipient" header), and the human part of Yahoo's and AOL's reports ("This is an
// email abuse report for an email message received from IP 192.0.2.1").
const FORWARDED_COMPLAINT = /\bthis is an e-?mail abuse report for an e-?mail message\b|\bcomplaint about message from \d{1,3}(?:\.\d{1,3}){3}\b/i;

type RecipientDraft = { dsn: DsnRecipient; address: string; diagnostic: string };

/** extractCodes, remembered per text for one diagnosis (the body, a reply and its lines are read several times). */
type CodeFinder = (text: string) => Finding[];

// `whole` is remembered as a text that starts with the body: the body's codes are then taken from its.
function rememberCodes(): PerText<Finding[]> & { startingWith: (head: string, whole: string) => Finding[] } {
  const codesIn = rememberPerText(extractCodes);
  const startingWith = (head: string, whole: string): Finding[] => {
    const found = codesIn(whole);
    if (head !== whole && codesIn.known(head) === undefined) {
      const before = findingsBefore(whole, found, head.length);
      if (before !== null && whole.startsWith(head)) codesIn.remember(head, before);
    }
    return found;
  };
  return Object.assign(codesIn, { startingWith });
}

function firstValue(findings: readonly Finding[], kind: Finding['kind']): string | null {
  return findings.find((finding) => finding.kind === kind)?.value ?? null;
}

// The first 4xx or 5xx reply (a failure), else the first reply of any class ("220-greeting 421 ...").
// An expiry summary ("554 4.4.7 Message expired ... <421 4.4.2 Connection timed out>") gives way to the
// reply of the last attempt quoted after it.
function failureReply(findings: readonly Finding[]): string | null {
  const replies = findings.filter((finding) => finding.kind === 'reply');
  const failures = replies.filter((finding) => /^[45]/.test(finding.value));
  return (lastAttemptReply(findings) ?? failures[0] ?? replies[0])?.value ?? null;
}

// "550 4.4.7 QUEUE.Expired": a reply whose status code, right after it, says the queue lifetime ran out.
function isExpirySummary(reply: Finding, findings: readonly Finding[]): boolean {
  return findings.some((f) => f.kind === 'enhanced' && f.start > reply.end && f.start <= reply.end + 2 && /^[45]\.4\.7$/.test(f.value));
}

function lastAttemptReply(findings: readonly Finding[]): Finding | null {
  return findings.find((f) => f.kind === 'reply' && /^[45]/.test(f.value) && !isExpirySummary(f, findings)) ?? null;
}

// The recipient's reply code; when the server's reply is only an expiry summary, the reply of the last
// attempt quoted elsewhere in the bounce ("441 4.4.1 Error encountered while communicating ...") replaces it.
// A sending service's generic summary ("550 5.1.0 Address rejected") gives way to the remote server's reply
// that it quotes; a reply written in the report's Status field ("Status: 553 ...") comes before the bounce text.
function chooseReply(diagnosticCodes: readonly Finding[], block: string, bodyCodeLines: string, body: string, statusReply: string | null, codesIn: CodeFinder): string | null {
  const quoted = quotedRemotePair(diagnosticCodes);
  if (quoted) return quoted.reply.value;
  const fromDiagnostic = failureReply(diagnosticCodes);
  if (fromDiagnostic !== null && lastAttemptReply(diagnosticCodes) === null && diagnosticCodes.some((f) => f.kind === 'reply' && isExpirySummary(f, diagnosticCodes))) {
    const later = lastAttemptReply(codesIn(block)) ?? lastAttemptReply(codesIn(bodyCodeLines));
    if (later) return later.value;
  }
  return fromDiagnostic ?? statusReply ?? transcriptReply(block) ?? failureReply(codesIn(block)) ?? transcriptReply(body) ?? failureReply(codesIn(bodyCodeLines));
}

// "550 5.1.0 Address rejected: '550 5.1.1 <a@b>: Recipient address rejected: User unknown'": a reply
// and status pair with a generic detail (X.0 or X.X.0) followed, in the same diagnostic, by a pair of the
// same class with a specific detail: the later pair is the remote server's own reply, quoted by the service.
type CodePair = { reply: Finding; status: Finding };

function codePairs(findings: readonly Finding[]): CodePair[] {
  const pairs: CodePair[] = [];
  findings.forEach((reply, i) => {
    const status = findings[i + 1];
    if (reply.kind === 'reply' && status?.kind === 'enhanced' && status.start - reply.end <= 3 && status.value[0] === reply.value[0]) pairs.push({ reply, status });
  });
  return pairs;
}

function quotedRemotePair(findings: readonly Finding[]): CodePair | null {
  const pairs = codePairs(findings).filter((pair) => /^[45]/.test(pair.reply.value));
  const summary = pairs[0];
  if (!summary || !/\.0$/.test(summary.status.value)) return null;
  return pairs.find((pair) => pair !== summary && pair.status.value[0] === summary.status.value[0] && !/\.0$/.test(pair.status.value) && !/^[45]\.4\.7$/.test(pair.status.value)) ?? null;
}

// "<<< 550 5.1.1 ...": in a session transcript the first failed reply is the one to the refused command;
// the MTA's own summary lines after it ("554 5.0.0 Service unavailable") are not the server's reply.
const TRANSCRIPT_REPLY = /^[> \t]{0,4}<<< ?([45]\d\d)\b/m;

function transcriptReply(text: string): string | null {
  return TRANSCRIPT_REPLY.exec(text)?.[1] ?? null;
}

function enhancedValues(findings: readonly Finding[]): string[] {
  return findings.filter((finding) => finding.kind === 'enhanced').map((finding) => finding.value);
}

// The enhanced status (RFC 3463) for one recipient: the code in the server's reply, else the report's
// Status field, else a code line of the bounce text. A more detailed code of the same class and subject
// replaces a generic one ("#5.1.0" in the reply, "Status: 5.1.1"), and the code of the last attempt
// replaces an expiry summary (X.4.7, "4.4.7 Message expired <421 4.4.2 Connection timed out>");
// a bare "Status: 5.0.0" gives way to a specific code the text states ("554 5.3.0 unknown mailer error").
// A service summary wrapping the remote reply it quotes ("550 5.1.0 ... '550 5.1.1 ...'") yields to that reply.
function chooseStatus(codesInReply: readonly string[], field: string | null, codesInText: readonly string[], quoted: CodePair | null): string | null {
  if (quoted) return quoted.status.value;
  // A session transcript's "250 2.1.0 Ok" is not the failure's status when a failure code follows it.
  const inReply = failuresFirst(codesInReply);
  const inText = failuresFirst(codesInText);
  const first = inReply[0] ?? field ?? inText[0] ?? null;
  if (first === null) return null;
  if (field !== null && first !== field && /\.0$/.test(first) && field.startsWith(first.slice(0, 4)) && !/\.0$/.test(field)) return field;
  if (inReply.length === 0 && /^[45]\.0\.0$/.test(first)) return inText.find((code) => code[0] === first[0] && !code.endsWith('.0.0')) ?? first;
  if (/^[45]\.4\.7$/.test(first)) return [...inReply, ...inText].find((code) => code[0] === first[0] && code !== first) ?? first;
  return first;
}

function failuresFirst(codes: readonly string[]): readonly string[] {
  const failures = codes.filter((code) => code[0] !== '2');
  return failures.length > 0 ? failures : codes;
}

function hostOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  return at >= 0 ? address.slice(at + 1).replace(/[>\s].*$/, '').toLowerCase() || null : null;
}

function generatingHostOf(parts: EmailParts, reportingMta: string | null): string | null {
  if (reportingMta) return reportingMta;
  if (BOUNCE_SENDER.test(parts.from)) return hostOf(parts.from);
  const received = parts.headers.get('received');
  const by = received ? /\bby ([\w.-]+\.[a-z]{2,})/i.exec(received) : null;
  return by?.[1]?.toLowerCase() ?? hostOf(parts.from);
}

function isVacation(parts: EmailParts, hasReport: boolean, codes: readonly Finding[]): boolean {
  if (hasReport || BOUNCE_SENDER.test(parts.from)) return false;
  const autoHeader =
    parts.headers.has('x-autoreply') ||
    parts.headers.has('x-autorespond') ||
    /auto[_-]?reply/i.test(parts.headers.get('precedence') ?? '') ||
    /auto-replied/i.test(parts.headers.get('auto-submitted') ?? '');
  const looksLikeReply = VACATION_SUBJECT.test(parts.subject) || VACATION_BODY.test(parts.body.slice(0, 4000));
  const failureCodes = codes.some((code) => (code.kind === 'reply' || code.kind === 'enhanced') && /^[45]/.test(code.value));
  return (autoHeader || looksLikeReply) && !failureCodes && (autoHeader ? looksLikeReply || !parts.body.match(/\bundeliver|\bfail/i) : true);
}

// `delayedText` is asked only when the report names no action (the text is then searched for a delay).
function kindFor(reason: Reason, action: string | null, delayedText: () => boolean): DiagnosisKind {
  if (reason === 'vacation') return 'vacation';
  if (reason === 'feedback') return 'feedback';
  if (reason === 'delivered') return 'delivered';
  if (action === 'delayed' || (action === null && delayedText())) return 'delay';
  return 'bounce';
}

// One draft per failed address (see find-recipients.ts); a recipient named only in the text gets an empty report
// block. An automatic reply (RFC 3834) or a one-click unsubscribe request comes from the recipient itself.
function draftRecipients(parts: EmailParts, dsnRecipients: readonly DsnRecipient[], body: string, input: string, codesIn: CodeFinder): RecipientDraft[] {
  const selfSent =
    parts.isEmail && dsnRecipients.length === 0 && (/^true$/i.test(parts.headers.get('x-apple-unsubscribe')?.trim() ?? '') || isVacation(parts, false, codesIn(body)));
  const source = { headers: parts.headers, from: parts.from, input: parts.isEmail ? input : '', feedbackReport: parts.feedbackReport, selfSent };
  return findRecipients(dsnRecipients, body, source, MAX_RECIPIENTS).map(({ dsn, address }) => ({
    dsn: dsn ?? { ...emptyRecipient(), finalRecipient: address },
    address,
    diagnostic: dsn?.diagnosticCode ?? '',
  }));
}

function originOf(firstRemote: boolean, text: string, generatingHost: string | null, isBounceEmail: boolean): BounceOrigin {
  if (firstRemote || hasRemoteReply(text)) return 'recipient-side';
  if (/emailsrvr\.com/i.test(text) || /emailsrvr\.com/i.test(generatingHost ?? '')) return 'sender-provider';
  return isBounceEmail ? 'sender-provider' : 'unknown';
}

// "host mfsmax.docomo.ne.jp[203.0.113.1] said:" (Postfix), the remote server's name
const REMOTE_HOST_SAID = /\bhost ([a-z0-9.-]+\.[a-z]{2,})\[[^\]]*\] said:/i;

// The notice's own header block: everything before the first empty line (RFC 5322 section 2.1).
const EMPTY_LINE = /\r?\n\r?\n/;

function headerBlockOf(input: string): string {
  const end = input.slice(0, 64_000).search(EMPTY_LINE);
  return end < 0 ? '' : input.slice(0, end);
}

/** Diagnoses a pasted bounce email or fragment against the catalogue's matchable entries. */
export async function diagnoseBounce(input: string, catalogue: readonly MatchableEntry[], options: DiagnoseOptions = {}): Promise<Diagnosis> {
  const window = options.analysisWindow ?? DEFAULT_WINDOW;
  const codesIn = rememberCodes();
  const findCommand = rememberCommands();
  const codes = codesIn(input);
  const parts = await readEmail(input.length > window * 4 ? input.slice(0, window * 4) : input);
  const body = parts.body.length > window ? parts.body.slice(0, window) : parts.body;
  const pieces = [body, parts.deliveryStatus, parts.feedbackReport].filter(Boolean);
  const analysed = parts.isEmail ? pieces.join('\n\n') : body;
  // Pieces that stand in the input as they are (sent without transfer encoding) have the input's codes;
  // when one of them does, only the others are searched, and the analysed text joins their codes.
  const pieceCodes = parts.isEmail ? pieces.map((piece) => findingsOfLines(input, codes, piece)) : [];
  if (pieceCodes.some((found) => found !== null)) {
    const found = pieces.map((piece, i) => pieceCodes[i] ?? codesIn(piece));
    if (body !== '') codesIn.remember(body, found[0] ?? []);
    codesIn.remember(analysed, joinFindings(pieces, found));
  }
  // The analysed text starts with the body: the body's codes come from its (a report's bounces read both).
  const decodedCodes = parts.isEmail ? codesIn.startingWith(body, analysed) : codes;
  const allCodes = parts.isEmail ? [...codes, ...decodedOnly(decodedCodes, codes)] : codes;

  const dsn = readDeliveryStatus(parts.deliveryStatus || body);
  const reportingMta = dsn.reportingMta;
  const generatingHost = parts.isEmail ? generatingHostOf(parts, reportingMta) : reportingMta;
  const drafts = draftRecipients(parts, dsn.recipients, body, input, codesIn);
  const bodyCodes = codesIn(body);
  const codeSpans = findCodeLineSpans(body, bodyCodes.filter((f) => f.kind === 'reply' || f.kind === 'enhanced').map((f) => f.start));
  const bodyCodeLines = joinSpans(body, codeSpans);
  // The code lines are whole lines of the body: their codes are the body's on those lines.
  const codeLineCodes = findingsOfSpans(body, bodyCodes, codeSpans);
  if (codeLineCodes !== null) codesIn.remember(bodyCodeLines, codeLineCodes);

  // An ARF report (RFC 5965), or Apple Mail's one-click unsubscribe request ("X-Apple-Unsubscribe: true").
  // A sending service's JSON event (Amazon SES, SendGrid, Mailgun, Postmark) names its own kind.
  const serviceNotice = findServiceNotice(analysed);
  const feedback =
    serviceNotice === 'complaint' ||
    parts.feedbackReport !== '' ||
    /report-type=["']?feedback-report/i.test(parts.contentType) ||
    FEEDBACK_TYPE.test(body.slice(0, 20_000)) ||
    parts.headers.has('x-hmxmroriginalrecipient') ||
    FORWARDED_COMPLAINT.test(`${parts.subject}\n${body.slice(0, 4000)}`) ||
    /^true$/i.test(parts.headers.get('x-apple-unsubscribe')?.trim() ?? '');
  const vacation = !feedback && parts.isEmail && isVacation(parts, parts.deliveryStatus !== '' || dsn.recipients.length > 0, decodedCodes);

  const matchText = [drafts[0]?.dsn.diagnosticCode ?? '', analysed].join('\n');
  const matches = matchEntries(matchText, decodedCodes, catalogue, { limit: options.matchLimit ?? 10 });
  const nearest = matches[0] === undefined ? undefined : catalogue.find((entry) => entry.id === matches[0]?.id);
  // A paste that is little more than a catalogue entry's own text is that entry: its label is the answer.
  const ownText = nearest !== undefined && (matches[0]?.score ?? 0) >= STRONG_MATCH && analysed.trim().length <= 2 * Math.max(...nearest.texts.map((text) => text.length));
  const catalogueEvidence: BounceEvidence['catalogue'] = nearest && matches[0] ? { id: nearest.id, reason: nearest.reason, score: matches[0].score, ownText, length: Math.max(...nearest.texts.map((text) => text.length)) } : null;
  // What was pasted: a whole email, a delivery report's fields without the email, or bare text.
  const inputKind: InputKind = parts.isEmail ? 'email' : dsn.recipients.length > 0 ? 'report' : 'text';
  const scoring = { catalogue: catalogueEvidence, serverFormat: parts.isEmail ? findServerFormat(parts.headers, body, headerBlockOf(input)) : null, input: inputKind, ...(options.lexicon ? { lexicon: options.lexicon } : {}) };
  let decidingSignals: { signals: Signal[]; diagnostic: string; context: string; report: string } | null = null;

  const recipients: RecipientResult[] = drafts.map((draft) => {
    const block = findAddressBlock(body, draft.address);
    // The paragraph's lines after its first are the body's: when its codes are asked, those lines' are taken from the body's.
    const codesOf: CodeFinder = (text) => {
      if (text === block && text !== '' && codesIn.known(text) === undefined) codesIn.remember(text, findingsOfBlock(body, bodyCodes, text, extractCodes));
      return codesIn(text);
    };
    const diagnostic = draft.diagnostic || block || bodyCodeLines || (parts.isEmail ? '' : body);
    // "Diagnostic-Code: X-Unix; 255" is a local program's exit status, not an SMTP reply.
    const localProgram = draft.dsn.diagnosticType === 'x-unix';
    const diagnosticCodes = localProgram ? [] : codesOf(diagnostic);
    // The code inside the server's own reply outranks the report's summary Status (often 5.0.0 or 4.4.7).
    const status = chooseStatus(enhancedValues(diagnosticCodes), draft.dsn.status, enhancedValues(codesIn(bodyCodeLines)), quotedRemotePair(diagnosticCodes));
    const replyCode = chooseReply(diagnosticCodes, block, bodyCodeLines, body, draft.dsn.statusReply, codesOf);
    const command = findCommand(diagnostic) ?? findCommand(block) ?? findCommand(body) ?? findCommandOfReply(diagnostic);
    const action = draft.dsn.action;
    const remoteHost = draft.dsn.remoteMta ?? REMOTE_HOST_SAID.exec(diagnostic)?.[1] ?? null;
    let classification = classifyBounce({ diagnostic, context: body, status, replyCode, command, action, localProgram, report: parts.deliveryStatus, remoteHost, ...scoring });
    decidingSignals ??= { signals: classification.signals, diagnostic, context: body, report: parts.deliveryStatus };
    // A bare address under the notice's own sentence ("Delivery to the following recipients failed."): the
    // server said it failed, only not why. With a delivery report, its missing Diagnostic-Code says nothing.
    if (classification.reason === 'undefined' && draft.diagnostic === '' && parts.deliveryStatus === '' && findListHeading(body, draft.address) !== '') classification = { ...classification, reason: 'onhold' };
    if (feedback) classification = { ...classification, reason: 'feedback' };
    else if (vacation) classification = { ...classification, reason: 'vacation' };
    else if (action === 'delivered' || action === 'relayed' || action === 'expanded' || serviceNotice === 'delivery') classification = { ...classification, reason: 'delivered' };
    // A report whose only status is a success (2.x.x, RFC 3463 section 3.1) and that names no Action.
    else if (action === null && draft.dsn.status?.startsWith('2') === true && !/^[45]/.test(status ?? '')) classification = { ...classification, reason: 'delivered' };
    return {
      address: draft.address,
      originalRecipient: draft.dsn.originalRecipient,
      action: action ?? (classification.permanent === false ? 'delayed' : 'failed'),
      status: draft.dsn.status,
      remoteMta: draft.dsn.remoteMta,
      diagnosticCode: draft.dsn.diagnosticCode,
      lastAttemptDate: draft.dsn.lastAttemptDate,
      reason: classification.reason,
      permanent: classification.permanent,
      replyCode,
      enhancedCode: status,
    };
  });

  const first = recipients.find((r) => r.action === 'failed') ?? recipients[0];
  let reason: Reason;
  let permanent: boolean | null;
  let replyCode: string | null;
  let enhancedCode: string | null;
  if (first) {
    ({ reason, permanent, replyCode, enhancedCode } = first);
  } else {
    const diagnostic = bodyCodeLines || analysed;
    enhancedCode = firstValue(decodedCodes, 'enhanced');
    replyCode = failureReply(decodedCodes);
    const classification = classifyBounce({ diagnostic, context: analysed, status: enhancedCode, replyCode, command: findCommand(analysed) ?? findCommandOfReply(diagnostic), action: null, localProgram: false, ...scoring });
    decidingSignals = { signals: classification.signals, diagnostic, context: analysed, report: '' };
    reason = feedback ? 'feedback' : vacation ? 'vacation' : serviceNotice === 'delivery' ? 'delivered' : classification.reason;
    permanent = classification.permanent;
  }
  // Without a recipient or a code, only a strong phrase ("User unknown", "Mailbox full") or a catalogue text
  // that the paste contains almost word for word makes text a bounce; the catalogue entry then names the cause.
  const best = matches[0] !== undefined && matches[0].score >= STRONG_MATCH ? catalogue.find((entry) => entry.id === matches[0]?.id) : undefined;
  // ...and only when the paste is little more than that text: "Try again later" inside a letter is not a bounce.
  const knownText = best && analysed.trim().length <= 2 * Math.max(...best.texts.map((text) => text.length)) ? best : undefined;
  const otherEvidence = first !== undefined || decodedCodes.length > 0 || feedback || vacation;
  // The phrase tables are read again only when nothing else already makes the paste a bounce.
  const strongPhrase = !otherEvidence && findPhraseReason(analysed.slice(0, window))?.strength === 'strong';
  const isBounceEmail = parts.isEmail && (dsn.recipients.length > 0 || BOUNCE_SENDER.test(parts.from));
  // A notice from a mailer daemon is a bounce: any wording in it that names a cause counts.
  const namedByDaemon = isBounceEmail && first === undefined && REASON_FAMILY[reason] !== 'unknown';
  const hasEvidence = otherEvidence || strongPhrase || knownText !== undefined || serviceNotice !== null || namedByDaemon;
  if (!hasEvidence) {
    reason = 'undefined';
    permanent = null;
  } else if (!otherEvidence && !strongPhrase && knownText) {
    reason = knownText.reason;
  }
  const kind: DiagnosisKind = hasEvidence ? kindFor(reason, first?.action ?? null, () => serviceNotice === 'delay' || DELAY_TEXT.test(body.slice(0, 8000))) : 'unknown';
  const origin: BounceOrigin = kind === 'vacation' || kind === 'feedback' ? 'recipient-side' : originOf(first?.remoteMta != null, analysed.slice(0, window), generatingHost, isBounceEmail);
  const actors: Audience[] = kind === 'unknown' ? [] : actorsFor(reason, origin);
  const ranked = rankByFamily(matches, catalogue, reason);
  const diagnosis: Diagnosis = {
    kind,
    reason,
    reasonLabel: REASON_LABELS[reason],
    permanent,
    replyCode,
    enhancedCode,
    codes: allCodes,
    matches: ranked,
    recipients,
    reportingMta,
    generatingHost,
    generatedBy: generatingHost,
    origin,
    actors,
    audience: actors[0] ?? null,
    evidence: decidingSignals === null ? [] : evidenceOf(decidingSignals, analysed, reason),
  };
  if (parts.isEmail && analysed !== input) diagnosis.text = analysed;
  if (parts.notices) diagnosis.notices = parts.notices;
  return diagnosis;
}

// The deciding signals with offsets into the analysed text: a signal of the reply or the report is
// found where that text stands in it; one that is not a span (an Action, a catalogue entry) has none.
function evidenceOf(decided: { signals: readonly Signal[]; diagnostic: string; context: string; report: string }, analysed: string, reason: Reason): Evidence[] {
  const bases: Record<string, number> = {
    diagnostic: decided.diagnostic === '' ? -1 : analysed.indexOf(decided.diagnostic),
    context: decided.context === '' ? -1 : analysed.indexOf(decided.context),
    report: decided.report === '' ? -1 : analysed.indexOf(decided.report),
  };
  return decided.signals.map((signal) => {
    const base = signal.region === null ? -1 : bases[signal.region] ?? -1;
    const spanned = base >= 0 && signal.start !== null && signal.end !== null;
    return {
      signal: signal.signal,
      reason: signal.signal === 'command' ? reason : signal.reason,
      weight: signal.weight,
      text: signal.text,
      start: spanned ? base + (signal.start ?? 0) : null,
      end: spanned ? base + (signal.end ?? 0) : null,
    };
  });
}

// One answer: a catalogue entry whose cause belongs to another family than the diagnosis is not a close
// match, however alike the words ("550 5.1.1 User unknown" quoted inside a block-list refusal). Its score
// is cut below the strong-match line and the list re-sorted, so the page never leads with a contradiction.
const CONTRADICTION_FACTOR = 0.75;

// The reason of each catalogue entry by id, built once per catalogue.
const reasonsByCatalogue = new WeakMap<readonly MatchableEntry[], Map<string, Reason>>();

function reasonsOf(catalogue: readonly MatchableEntry[]): Map<string, Reason> {
  let reasons = reasonsByCatalogue.get(catalogue);
  if (reasons === undefined) {
    reasons = new Map(catalogue.map((entry) => [entry.id, entry.reason]));
    reasonsByCatalogue.set(catalogue, reasons);
  }
  return reasons;
}

function rankByFamily(matches: readonly EntryMatch[], catalogue: readonly MatchableEntry[], reason: Reason): EntryMatch[] {
  const family = REASON_FAMILY[reason];
  const reasons = reasonsOf(catalogue);
  const rescored = matches.map((match) => {
    const entryReason = reasons.get(match.id);
    // A cause of the 'unknown' family (onhold, syntaxerror ...) contradicts nothing.
    if (entryReason === undefined || REASON_FAMILY[entryReason] === family || REASON_FAMILY[entryReason] === 'unknown' || family === 'unknown') return match;
    return { ...match, score: Math.min(Math.round(match.score * CONTRADICTION_FACTOR * 1000) / 1000, STRONG_MATCH - 0.001) };
  });
  return rescored.sort((a, b) => b.score - a.score);
}

// Findings of the decoded text whose value does not stand in the original input, marked as decoded.
function decodedOnly(decoded: readonly Finding[], original: readonly Finding[]): Finding[] {
  const seen = new Set(original.map((finding) => `${finding.kind}:${finding.value}`));
  return decoded.filter((finding) => !seen.has(`${finding.kind}:${finding.value}`)).map((finding) => ({ ...finding, decoded: true }));
}

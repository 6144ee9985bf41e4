// Reads what a human-readable bounce says when there is no delivery report, or to complete one:
// which addresses failed, the block of text about each, the SMTP command that was refused
// (RFC 5321 section 4.1), and whether the text quotes a remote server's reply.
import { rememberPerText } from './remember-per-text.ts';

// "in reply to RCPT TO command", "after end of data:", "after MAIL FROM:<a@b>", "after initial connection";
// Postfix folds long lines, so the words may be split over lines ("(in\n    reply to RCPT TO command)")
const COMMAND_PHRASE = /\b(?:in\s+reply\s+to|after|while\s+sending|during|error\s+in|rejected\s+(?:at|after)|responded\s+to)\s+(?:the\s+)?(rcpt\s+to|rcpt|mail\s+from|mail|end\s+of\s+data|data|dot|message\s+body|helo|ehlo|initial\s+connection|connect|starttls|auth|rset|quit)\b/i;
// ">>> DATA" in a Sendmail transcript, followed later by "<<< 550 ..."
const TRANSCRIPT_COMMAND = /^>>> ?(RCPT|MAIL|DATA|HELO|EHLO|STARTTLS|AUTH|\.)/gim;
const TRANSCRIPT_ERROR = /^<<< ?[45]\d\d/m;
// "SMTP command: DATA", or the command on the line after a "----- SMTP command" heading
const COMMAND_FIELD = /\bsmtp command\b[-: \t]*(?:\r?\n[ \t]*)?(RCPT|MAIL|DATA|HELO|EHLO)\b/i;

// qmail-remote's sentences name the refused command: "Connected to 192.0.2.1 but sender was rejected."
const QMAIL_COMMANDS: readonly (readonly [RegExp, string])[] = [
  [/\bdoes not like recipient\b/i, 'RCPT'], // "192.0.2.1 does not like recipient."
  [/\bbut sender was rejected\b/i, 'MAIL'], // "Connected to 192.0.2.1 but sender was rejected."
  [/\bbut my name was rejected\b/i, 'HELO'], // "Connected to 192.0.2.1 but my name was rejected."
  [/\bfailed after I sent the message\b/i, 'DATA'], // "192.0.2.1 failed after I sent the message."
];

// Yahoo's notices tag the refused command after the reply: "552 1 Requested mail action aborted, mailbox not found [RCPT_TO]"
const TAGGED_COMMAND = /\[(RCPT_TO|MAIL_FROM)\]/;

// Replies that only a server answering one command writes: Postfix's recipient restrictions and
// Exchange's recipient resolver answer RCPT TO, its sender restrictions MAIL FROM.
const REPLY_COMMANDS: readonly (readonly [RegExp, string])[] = [
  [/\brecipient address rejected\b/i, 'RCPT'], // "554 5.7.1 <a@example.org>: Recipient address rejected: Access denied"
  [/\bRESOLVER\.ADR\.Recip(?:ient)?NotFound\b/i, 'RCPT'], // "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"
  [/\bsender address rejected\b/i, 'MAIL'], // "553 5.7.1 <a@example.net>: Sender address rejected: not owned by user"
];

// What every way of naming a command below holds (the phrases' first words, the field, qmail's sentences,
// the tag, a transcript's error line): a text with none of them names no command, and is searched once.
// "after end of data", "SMTP command: DATA", "[RCPT_TO]", "<<< 550"
const COMMAND_HINT =
  /\b(?:in\s+reply\s+to|after|while\s+sending|during|error\s+in|rejected\s+(?:at|after)|responded\s+to|smtp command|does not like recipient|but sender was rejected|but my name was rejected|failed after I sent the message)\b|\[(?:RCPT_TO|MAIL_FROM)\]|^<<< ?[45]\d\d/im;

/**
 * The SMTP command a failure answered, as RCPT, MAIL, DATA, HELO or CONN; null when the text does not say.
 * The answer is the same with `prefilter` false (every pattern is tried, for tests).
 */
export function findCommand(text: string, prefilter = true): string | null {
  if (prefilter && !COMMAND_HINT.test(text)) return null;
  const phrase = COMMAND_PHRASE.exec(text);
  if (phrase?.[1]) return commandName(phrase[1]);
  const field = COMMAND_FIELD.exec(text);
  if (field?.[1]) return commandName(field[1]);
  for (const [pattern, command] of QMAIL_COMMANDS) if (pattern.test(text)) return command;
  const tag = TAGGED_COMMAND.exec(text);
  if (tag?.[1]) return commandName(tag[1]);
  const error = TRANSCRIPT_ERROR.exec(text);
  if (!error) return null;
  let last: string | null = null;
  TRANSCRIPT_COMMAND.lastIndex = 0;
  for (let m = TRANSCRIPT_COMMAND.exec(text); m !== null && m.index < error.index; m = TRANSCRIPT_COMMAND.exec(text)) {
    last = m[1] ?? null;
  }
  return last === null ? null : commandName(last);
}

/**
 * findCommand remembered per text, for one diagnosis: the bounce's body is asked again for every recipient
 * whose reply and paragraph name no command (fifty times for a report of fifty).
 */
export function rememberCommands(): (text: string) => string | null {
  return rememberPerText(findCommand);
}

/**
 * The command a reply's own words imply, when nothing names one: the last resort after findCommand over
 * the whole bounce, since a transcript's order wins (a pipelining client sees the RCPT refusal after DATA).
 */
export function findCommandOfReply(text: string): string | null {
  for (const [pattern, command] of REPLY_COMMANDS) if (pattern.test(text)) return command;
  return null;
}

function commandName(raw: string): string {
  const word = raw.toLowerCase().replace(/\s+/g, ' ');
  if (word.startsWith('rcpt')) return 'RCPT';
  if (word.startsWith('mail')) return 'MAIL';
  if (word === 'helo' || word === 'ehlo') return 'HELO';
  if (word === 'initial connection' || word === 'connect') return 'CONN';
  if (word === 'starttls' || word === 'auth' || word === 'rset' || word === 'quit') return word.toUpperCase();
  return 'DATA';
}

// "host mx.example.org[192.0.2.1] said:", "Remote Server returned", "<<< 550", "Remote-MTA:"
const REMOTE_REPLY =
  /\bhost [\w.-]{1,253}(?: ?\[[\w.:]{1,60}\])?(?: said)?:|\bremote (?:mail )?(?:server|host|mta|system)\b|\bin reply to (?:rcpt|mail|data|end of data|helo|ehlo)\b|^<<< ?[45]\d\d|\bwhile talking to\b|\bremote-mta:|\bremote server returned\b|\bthe (?:recipient|destination)(?:'s)? (?:mail )?(?:server|system)\b|\bsmtp error from remote\b|\bserver (?:replied|responded|said)\b/im;

/** Whether the text quotes a reply from a server other than the one that wrote the bounce. */
export function hasRemoteReply(text: string): boolean {
  return REMOTE_REPLY.test(text);
}

// A session transcript line: ">>> MAIL From:<a@b>", "<<< 550 Insecure Mail Relay", "... while talking to mx.example:"
const TRANSCRIPT_LINE = /^(?:[ \t]*(?:>>>|<<<)|(?:\.\.\. )?while talking to\b)/i;

// Moves a line start back over the transcript lines just above it: the reply an address line reports.
function transcriptStart(text: string, lineStart: number): number {
  let start = lineStart;
  for (let steps = 0; start > 0 && steps < 12; steps++) {
    const previous = text.lastIndexOf('\n', start - 2) + 1;
    if (!TRANSCRIPT_LINE.test(text.slice(previous, start - 1))) break;
    start = previous;
  }
  return start;
}

/** The paragraph about `address`, from its first mention (at most 1500 characters); '' when it is not in the text. */
export function findAddressBlock(text: string, address: string): string {
  if (address === '') return '';
  const mention = text.toLowerCase().indexOf(address.toLowerCase());
  if (mention < 0) return '';
  const lineStart = text.lastIndexOf('\n', mention) + 1;
  const transcript = transcriptStart(text, lineStart);
  const at = transcript < lineStart ? transcript : mention;
  const [first, second] = firstParagraphs(text.slice(at, at + 1500));
  // Postfix and others put the address alone on a line and the reason in the next paragraph.
  if (!first.includes('\n') && first.trim().length < address.length + 40 && second !== undefined) {
    return cutAtNextRecipient(`${first}\n${second}`, address);
  }
  return cutAtNextRecipient(first, address);
}

// A blank line between paragraphs: "\n\n", "\r\n \r\n"
const BLANK_LINE = /\r?\n[ \t]*\r?\n/g;

/** The first two pieces of text.split(BLANK_LINE) (the second undefined when there is one), found with two searches. */
export function firstParagraphs(text: string): [string, string | undefined] {
  BLANK_LINE.lastIndex = 0;
  const blank = BLANK_LINE.exec(text);
  if (blank === null) return [text, undefined];
  const secondStart = BLANK_LINE.lastIndex;
  const next = BLANK_LINE.exec(text);
  return [text.slice(0, blank.index), text.slice(secondStart, next === null ? text.length : next.index)];
}

// A failed address alone on its line, possibly bulleted or in angle brackets: "   * jo@example.org", "<jo@example.org>";
// not "<jo@example.org>:" (a colon introduces a reason) or "undeliverable to jo@example.org"
const BARE_ADDRESS_LINE = /^[ \t*-]*<?[^\s<>@]{1,64}@[^\s<>:;,()]{1,253}>?[ \t]*$/;

/**
 * The sentence a notice lists a bare failed address under ("Delivery to the following recipients failed."),
 * skipping the other addresses of the list, or '' when the address has words or a colon beside it.
 */
export function findListHeading(text: string, address: string): string {
  if (address === '') return '';
  const mention = text.toLowerCase().indexOf(address.toLowerCase());
  if (mention < 0) return '';
  const lineStart = text.lastIndexOf('\n', mention) + 1;
  const lineEnd = text.indexOf('\n', mention);
  if (!BARE_ADDRESS_LINE.test(text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, ''))) return '';
  const lines = text.slice(Math.max(0, lineStart - 2000), lineStart).split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || BARE_ADDRESS_LINE.test(line)) continue;
    return /\p{L}{2}/u.test(line) ? line : '';
  }
  return '';
}

// A line that opens with an address, as a heading for the lines below it or as the next recipient's entry:
// "\"b@example.org\":", "<b@example.org>:", "b@example.org: 550 5.1.1 ..." (OpenSMTPD), "b@example.org (user unknown)"
const RECIPIENT_HEADING = /^[ \t>]*["<]?([^\s"<>@]{1,64}@[^\s"<>:;,()]{1,253})[">]?(?::|[ \t]|\r?$)/;

// Ends a block where the next recipient's heading starts, when a bounce lists recipients without blank lines.
function cutAtNextRecipient(block: string, address: string): string {
  const lines = block.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const heading = RECIPIENT_HEADING.exec(lines[i] ?? '');
    if (heading?.[1] && heading[1].toLowerCase() !== address.toLowerCase()) return lines.slice(0, i).join('\n');
  }
  return block;
}

/** Lines of `text` holding an SMTP reply or enhanced code, each with its indented continuation lines. */
export function findCodeLines(text: string, codeStarts: readonly number[]): string {
  return joinSpans(text, findCodeLineSpans(text, codeStarts));
}

/** The stretches `spans` ([start, end) pairs) of `text`, joined by line breaks. */
export function joinSpans(text: string, spans: readonly (readonly [number, number])[]): string {
  return spans.map(([start, end]) => text.slice(start, end)).join('\n');
}

/**
 * Where the lines findCodeLines joins stand in `text`: [start, end) of each (a start is that of a line, an
 * end that of a line, before its line break), at most eight, in order and apart.
 */
export function findCodeLineSpans(text: string, codeStarts: readonly number[]): [number, number][] {
  const spans: [number, number][] = [];
  let taken = -1;
  for (const start of codeStarts) {
    if (start < taken) continue;
    const lineStart = text.lastIndexOf('\n', start) + 1;
    let lineEnd = text.indexOf('\n', start);
    if (lineEnd < 0) lineEnd = text.length;
    while (lineEnd < text.length && /^\n[ \t]+\S/.test(text.slice(lineEnd, lineEnd + 3))) {
      const next = text.indexOf('\n', lineEnd + 1);
      lineEnd = next < 0 ? text.length : next;
    }
    spans.push([lineStart, lineEnd]);
    taken = lineEnd;
    if (spans.length >= 8) break;
  }
  return spans;
}

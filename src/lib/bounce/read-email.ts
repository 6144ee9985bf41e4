// Turns pasted input into the parts a diagnosis needs, using postal-mime for all MIME work
// (RFC 2045 transfer encodings, RFC 2047 words, charsets, RFC 6522 multipart/report).
// Input that is not an email (a fragment of a bounce) is returned as the body unchanged. Work is
// bounded: parts past a count or a nesting depth are not read, and a notice says so.
import PostalMime from 'postal-mime';
import type { Email } from 'postal-mime';
import { decodeText } from './decode-bytes.ts';
import type { Notice } from './types.ts';

export type EmailParts = {
  isEmail: boolean;
  headers: Map<string, string>;
  subject: string;
  from: string;
  /** The human-readable part(s), original message cut off. */
  body: string;
  /** The message/delivery-status part(s) (RFC 3464), or '' when there are none. */
  deliveryStatus: string;
  /** The message/feedback-report part (RFC 5965), or ''. */
  feedbackReport: string;
  contentType: string;
  /** What was left unread (MIME limits reached). */
  notices?: Notice[];
};

/** The most MIME parts read and the deepest multipart nesting followed (RFC 2046 section 5.1). */
export const MIME_LIMITS = { maxParts: 500, maxDepth: 16 };

// A boundary declared in a Content-Type header ('boundary="b1"', 'boundary=b1'), or a delimiter line
// ("--b1", "--b1--") of RFC 2046 section 5.1.1
const MIME_MARK = /boundary[ \t]*=[ \t]*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))|^--([^\r\n]{1,200}?)[ \t]*\r?$/gim;

// "boundary" in any case: every boundary declaration holds it ('Content-Type: multipart/mixed; BOUNDARY="b1"')
const BOUNDARY_WORD = /boundary/gi;

// Whether a cut is possible at all: it needs a boundary declaration (each holds the word "boundary"), and
// more than maxDepth of them or more than maxParts delimiter lines (each starts with "--"). Counting those
// with plain searches spares reading the marks one by one in nearly every message.
function mayReachLimits(input: string, limits: typeof MIME_LIMITS): boolean {
  let declarations = 0;
  BOUNDARY_WORD.lastIndex = 0;
  while (BOUNDARY_WORD.exec(input) !== null) {
    declarations += 1;
    if (declarations > limits.maxDepth) return true;
  }
  if (declarations === 0) return false;
  let dashes = 0;
  for (let at = input.indexOf('--'); at >= 0; at = input.indexOf('--', at + 2)) {
    dashes += 1;
    if (dashes > limits.maxParts) return true;
  }
  return false;
}

/**
 * Cuts a message before the part that would pass the MIME limits: the part after the last one allowed,
 * or the part that opens a multipart nested deeper than allowed. Everything before the cut parses as
 * usual (a multipart whose closing delimiter is missing still yields its parts). The answer is the same
 * with `precount` false (the marks are always read one by one, for tests).
 */
export function limitMimeParts(input: string, limits = MIME_LIMITS, precount = true): { text: string; notices: Notice[] } {
  if (precount ? !mayReachLimits(input, limits) : !/boundary/i.test(input)) return { text: input, notices: [] };
  const open: string[] = [];
  let parts = 0;
  let partStart = 0;
  for (const mark of input.matchAll(MIME_MARK)) {
    const declared = mark[1] ?? mark[2];
    if (declared !== undefined) {
      if (open.includes(declared)) continue;
      if (open.length >= limits.maxDepth && partStart > 0) {
        const message = `MIME parts are nested more than ${String(limits.maxDepth)} levels deep; the parts below that level were not read.`;
        return { text: input.slice(0, partStart), notices: [{ code: 'mime-depth', message }] };
      }
      open.push(declared);
      continue;
    }
    const line = mark[3] ?? '';
    const closes = line.endsWith('--') && open.includes(line.slice(0, -2));
    const level = open.lastIndexOf(closes ? line.slice(0, -2) : line);
    if (level < 0) continue;
    open.length = closes ? level : level + 1;
    if (closes) continue;
    parts += 1;
    if (parts > limits.maxParts) {
      const message = `This message has more than ${String(limits.maxParts)} MIME parts; only the first ${String(limits.maxParts)} were read.`;
      return { text: input.slice(0, mark.index), notices: [{ code: 'mime-parts', message }] };
    }
    partStart = mark.index;
  }
  return { text: input, notices: [] };
}

// "Received: from ...", "Subject: ..." as the first line: a header block starts the input
const HEADER_LINE = /^[!-9;-~]{1,76}:[ \t]?\S?/;
const EMAIL_HEADER_NAMES = /^(?:received|return-path|from|to|subject|date|message-id|mime-version|content-type|delivered-to|x-[\w-]+|dkim-signature|authentication-results|arc-[\w-]+|reply-to|sender|cc|auto-submitted|thread-topic|thread-index|precedence|errors-to|references|in-reply-to):/i;
// Where a bounce starts quoting the message it returns: "------ This is a copy of the message",
// "--- Below this line is a copy of the message.", "----- Original message -----", "Original message headers:",
// "Original mail as follows:"
const ORIGINAL_MESSAGE_MARKER =
  /^[ \t>]*(?:-{2,}[ \t]*)?(?:this is a copy of the message|below this line is a copy|original message|the original message headers|original message headers|undelivered message headers|unsent message below|returned message|message headers follow|the text you sent follows|headers of your message|a copy of the original message|the message was|your message reads|original mail as follows)[^\n]{0,80}$/im;

// The top-level "Content-Type: multipart/report; ...; boundary=..." of a delivery report (RFC 6522)
const REPORT_CONTENT_TYPE = /^content-type:[ \t]*multipart\/report\b([^\n]*)$/im;
// "multipart/report" in any case, anywhere: "Content-Type: Multipart/Report;"
const MULTIPART_REPORT = /multipart\/report/i;
// 'boundary="R1"' or 'boundary=R1' among the parameters
const BOUNDARY_PARAMETER = /boundary[ \t]*=[ \t]*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))/i;
// "Content-Type: message/rfc822" at the start of a part's header block
const PART_CONTENT_TYPE = /^content-type:[ \t]*([\w.+-]+\/[\w.+-]+)/im;
const REPORT_PARTS = new Set(['message/delivery-status', 'message/global-delivery-status', 'message/feedback-report']);
const RETURNED_PARTS = new Set(['message/rfc822', 'text/rfc822-headers', 'message/global', 'message/global-headers']);

function headerBlock(text: string, from: number): string {
  const head = text.slice(from, from + 8000);
  const blank = /\r?\n[ \t]*\r?\n/.exec(head);
  return (blank ? head.slice(0, blank.index) : head).replace(/\r?\n[ \t]+/g, ' ');
}

/**
 * Leaves out the returned message of a delivery report: the last part of the top-level multipart/report
 * when it is the original message or its headers (RFC 6522 section 3) and follows the report part. The
 * engine never reads it (a report's own copy of the message is not opened), and parsing it was most of
 * the MIME work for bounces that return a large message.
 */
export function dropReturnedMessage(text: string): string {
  // Unfolding turns a line break and the white space after it into a space, so "multipart/report" in the
  // unfolded header block stands unbroken in the text: without it, there is no report to cut.
  if (!MULTIPART_REPORT.test(text.slice(0, 8000))) return text;
  const top = headerBlock(text, 0);
  const report = REPORT_CONTENT_TYPE.exec(top);
  const boundaryMatch = report ? BOUNDARY_PARAMETER.exec(report[1] ?? '') : null;
  const boundary = boundaryMatch ? (boundaryMatch[1] ?? boundaryMatch[2] ?? '') : '';
  if (boundary === '') return text;
  const delimiter = `\n--${boundary}`;
  let seenReport = false;
  for (let at = text.indexOf(delimiter); at !== -1; ) {
    const lineEnd = text.indexOf('\n', at + 1);
    if (lineEnd === -1) return text;
    const line = text.slice(at + delimiter.length, lineEnd).trim();
    if (line === '--') return text;
    const next = text.indexOf(delimiter, lineEnd);
    if (line === '') {
      const type = PART_CONTENT_TYPE.exec(headerBlock(text, lineEnd + 1))?.[1]?.toLowerCase() ?? 'text/plain';
      if (REPORT_PARTS.has(type)) seenReport = true;
      const last = next === -1 || text.startsWith('--', next + delimiter.length);
      if (seenReport && last && RETURNED_PARTS.has(type)) return text.slice(0, at + 1);
    }
    at = next;
  }
  return text;
}

/** Whether the input starts with a header block (after blank lines or an mbox "From " line). */
export function looksLikeEmail(input: string): boolean {
  const head = input
    .slice(0, 8000)
    .replace(/^(?:[ \t]*(?:\r\n|\r|\n))+/, '')
    .replace(/^From [^\r\n]*(?:\r\n|\r|\n)/, '');
  // the first 30 lines, as head.split(/\r\n|\r|\n/, 30) gives them, read one by one
  let at = 0;
  let lineFeed = head.indexOf('\n');
  let carriageReturn = head.indexOf('\r');
  for (let count = 0; count < 30; count++) {
    if (lineFeed >= 0 && lineFeed < at) lineFeed = head.indexOf('\n', at);
    if (carriageReturn >= 0 && carriageReturn < at) carriageReturn = head.indexOf('\r', at);
    const end = carriageReturn >= 0 && (lineFeed < 0 || carriageReturn < lineFeed) ? carriageReturn : lineFeed;
    const line = end < 0 ? head.slice(at) : head.slice(at, end);
    if (count === 0 && !HEADER_LINE.test(line)) return false;
    if (EMAIL_HEADER_NAMES.test(line)) return true;
    if (end < 0) return false;
    at = end + (head.charCodeAt(end) === 0x0d && head.charCodeAt(end + 1) === 0x0a ? 2 : 1);
  }
  return false;
}

/** Cuts a bounce's human-readable text where the quoted original message begins. */
export function cutOriginalMessage(text: string): string {
  const marker = ORIGINAL_MESSAGE_MARKER.exec(text);
  return marker ? text.slice(0, marker.index) : text;
}

function rawBody(input: string): string {
  const blank = /\r?\n[ \t]*\r?\n|\r[ \t]*\r/.exec(input);
  return blank ? input.slice(blank.index + blank[0].length) : '';
}

function textOf(content: string | ArrayBuffer | Uint8Array): string {
  if (typeof content === 'string') return content;
  return decodeText(content instanceof Uint8Array ? content : new Uint8Array(content));
}

// "<script ...>...</script>": the element and its content are dropped. Found by scanning forward so an
// unclosed element costs one pass, where a lazy regular expression rescans the rest of the text from every
// opening tag (quadratic on a paste of many "<script>" with no end tag).
function dropElements(html: string, name: 'script' | 'style'): string {
  const open = new RegExp(`<${name}[^<>]*>`, 'gi');
  const close = new RegExp(`</${name}>`, 'gi');
  let out = '';
  let from = 0;
  for (let start = open.exec(html); start !== null; start = open.exec(html)) {
    close.lastIndex = open.lastIndex;
    const end = close.exec(html);
    if (end === null) break;
    out += `${html.slice(from, start.index)} `;
    from = close.lastIndex;
    open.lastIndex = from;
  }
  return out + html.slice(from);
}

function stripHtml(html: string): string {
  return dropElements(dropElements(html, 'script'), 'style')
    .replace(/<br\s*\/?>|<\/(?:p|div|tr|li|h\d)>/gi, '\n')
    // "<td class=x>": a tag ends at the next ">" and holds no "<" (so each "<" is scanned once)
    .replace(/<[^<>]{0,2000}>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function collectHeaders(email: Email): Map<string, string> {
  const headers = new Map<string, string>();
  for (const { key, value } of email.headers) {
    if (!headers.has(key)) headers.set(key, value);
  }
  return headers;
}

function plainParts(input: string): EmailParts {
  return {
    isEmail: false,
    headers: new Map(),
    subject: '',
    from: '',
    body: input,
    deliveryStatus: '',
    feedbackReport: '',
    contentType: '',
  };
}

// "> <<< 550 Unknown user": a bounce forwarded inline with every line quoted
const QUOTE_PREFIX = /^> ?/gm;

/** Drops one level of "> " quoting when most lines of the text carry it (a bounce forwarded inline). */
export function unquoteForwarded(text: string): string {
  // No line starts with ">": nothing is quoted.
  if (!text.startsWith('>') && !text.includes('\n>') && !text.includes('\r>')) return text;
  const lines = text.split(/\r\n|\r|\n/, 400).filter((line) => line.trim() !== '');
  const quoted = lines.filter((line) => line.startsWith('>')).length;
  return lines.length >= 4 && quoted / lines.length >= 0.6 ? text.replace(QUOTE_PREFIX, '') : text;
}

// A sender of bounces or a report, for deciding whether an attached message is itself a bounce.
const BOUNCE_FROM = /mailer-daemon|postmaster|mail delivery|mail-daemon/i;
const BOUNCE_SUBJECT = /undeliver|undelivered|returned mail|delivery (?:status|failure|has failed|notification)|failure notice|mail delivery failed|non-?delivery/i;

// An attached message that is itself a delivery report: 'Content-Type: multipart/report; report-type=delivery-status'
function isAttachedReport(attachment: Email['attachments'][number]): boolean {
  return attachment.mimeType.toLowerCase() === 'message/rfc822' && /^content-type:[ \t]*multipart\/report/im.test(textOf(attachment.content).slice(0, 8000));
}

function attachedBounce(email: Email, depth: number): string | null {
  if (depth >= 3) return null;
  for (const attachment of email.attachments) {
    if (attachment.mimeType.toLowerCase() !== 'message/rfc822') continue;
    const text = textOf(attachment.content);
    const head = text.slice(0, 8000);
    const from = /^from:[ \t]*(.*)$/im.exec(head)?.[1] ?? '';
    const subject = /^subject:[ \t]*(.*)$/im.exec(head)?.[1] ?? '';
    if (BOUNCE_FROM.test(from) || BOUNCE_SUBJECT.test(subject) || /multipart\/report/i.test(head)) return text;
  }
  return null;
}

// Two options only the bundled postal-mime knows (scripts/postal-mime-patches.mjs; the library itself
// ignores them): messageFields, the message's fields read here (From, Subject; every header still reaches
// email.headers), and skipContentOf, the parts whose content is never read here (images, documents,
// archives: only text and message parts are), which are then listed without being decoded.
const PARSE_OPTIONS = {
  attachmentEncoding: 'arraybuffer',
  maxRfc822NestingDepth: 4,
  messageFields: ['from', 'subject'],
  skipContentOf: ['image/', 'audio/', 'video/', 'application/', 'font/', 'model/'],
} as const;

/** Parses the input as an email when it looks like one; otherwise treats it as a text fragment. */
export async function readEmail(input: string, depth = 0): Promise<EmailParts> {
  if (!looksLikeEmail(input)) return plainParts(input);
  let email: Email;
  // postal-mime splits lines on LF only: old Mac CR-only files are given LF endings first
  const limited = limitMimeParts(dropReturnedMessage(input.includes('\r') ? input.replace(/\r(?!\n)/g, '\n') : input));
  try {
    email = await PostalMime.parse(limited.text, PARSE_OPTIONS);
  } catch {
    return plainParts(input);
  }
  const deliveryStatus: string[] = [];
  const feedbackReport: string[] = [];
  const textParts: string[] = [];
  for (const attachment of email.attachments) {
    const type = attachment.mimeType.toLowerCase();
    if (type === 'message/delivery-status' || type === 'message/global-delivery-status') {
      deliveryStatus.push(textOf(attachment.content));
    } else if (type === 'message/feedback-report') {
      feedbackReport.push(textOf(attachment.content));
    } else if (type === 'text/plain' && attachment.disposition !== 'attachment' && !email.text) {
      textParts.push(textOf(attachment.content));
    }
  }
  const decodedText = email.text ?? (email.html ? stripHtml(email.html) : textParts.join('\n'));
  // Malformed MIME (a lost boundary) leaves no text: fall back to the raw body after the header block.
  const text = decodedText.trim() === '' && deliveryStatus.length === 0 ? rawBody(input) : decodedText;
  const headers = collectHeaders(email);
  const from = email.from?.address ?? headers.get('from') ?? '';
  // A bounce forwarded as an attachment (message/rfc822) by someone asking about it is opened and read
  // instead, and so is a delivery report that a filter wrapped in a notice of its own (a postmaster's
  // multipart/mixed holding the real multipart/report and a disclaimer); a bounce's own copy of the
  // returned original message is never opened.
  const hasReport = deliveryStatus.length > 0 || feedbackReport.length > 0 || /multipart\/report/i.test(headers.get('content-type') ?? '');
  const isReport = hasReport || (BOUNCE_FROM.test(from) && !email.attachments.some(isAttachedReport));
  const forwarded = isReport ? null : attachedBounce(email, depth);
  if (forwarded !== null && looksLikeEmail(forwarded)) {
    const inner = await readEmail(forwarded, depth + 1);
    const notices = [...limited.notices, ...(inner.notices ?? [])];
    return notices.length > 0 ? { ...inner, notices } : inner;
  }
  return {
    isEmail: true,
    headers,
    subject: email.subject ?? '',
    from,
    body: cutOriginalMessage(unquoteForwarded(text)),
    deliveryStatus: deliveryStatus.join('\n'),
    feedbackReport: feedbackReport.join('\n'),
    contentType: headers.get('content-type') ?? '',
    ...(limited.notices.length > 0 ? { notices: limited.notices } : {}),
  };
}

// Turns pasted input into the parts a diagnosis needs, using postal-mime for all MIME work
// (RFC 2045 transfer encodings, RFC 2047 words, charsets, RFC 6522 multipart/report).
// Input that is not an email (a fragment of a bounce) is returned as the body unchanged.
import PostalMime from 'postal-mime';
import type { Email } from 'postal-mime';
import { decodeText } from './decode-bytes.ts';

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
};

// "Received: from ...", "Subject: ..." as the first line: a header block starts the input
const HEADER_LINE = /^[!-9;-~]{1,76}:[ \t]?\S?/;
const EMAIL_HEADER_NAMES = /^(?:received|return-path|from|to|subject|date|message-id|mime-version|content-type|delivered-to|x-[\w-]+|dkim-signature|authentication-results|arc-[\w-]+|reply-to|sender|cc|auto-submitted|thread-topic|thread-index|precedence|errors-to|references|in-reply-to):/i;
// Where a bounce starts quoting the message it returns: "------ This is a copy of the message",
// "--- Below this line is a copy of the message.", "----- Original message -----", "Original message headers:",
// "Original mail as follows:"
const ORIGINAL_MESSAGE_MARKER =
  /^[ \t>]*(?:-{2,}[ \t]*)?(?:this is a copy of the message|below this line is a copy|original message|the original message headers|original message headers|undelivered message headers|unsent message below|returned message|message headers follow|the text you sent follows|headers of your message|a copy of the original message|the message was|your message reads|original mail as follows)[^\n]{0,80}$/im;

/** Whether the input starts with a header block (after blank lines or an mbox "From " line). */
export function looksLikeEmail(input: string): boolean {
  const head = input
    .slice(0, 8000)
    .replace(/^(?:[ \t]*(?:\r\n|\r|\n))+/, '')
    .replace(/^From [^\r\n]*(?:\r\n|\r|\n)/, '');
  const lines = head.split(/\r\n|\r|\n/, 30);
  if (!HEADER_LINE.test(lines[0] ?? '')) return false;
  return lines.some((line) => EMAIL_HEADER_NAMES.test(line));
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
  const lines = text.split(/\r\n|\r|\n/, 400).filter((line) => line.trim() !== '');
  const quoted = lines.filter((line) => line.startsWith('>')).length;
  return lines.length >= 4 && quoted / lines.length >= 0.6 ? text.replace(QUOTE_PREFIX, '') : text;
}

// A sender of bounces or a report, for deciding whether an attached message is itself a bounce.
const BOUNCE_FROM = /mailer-daemon|postmaster|mail delivery|mail-daemon/i;
const BOUNCE_SUBJECT = /undeliver|undelivered|returned mail|delivery (?:status|failure|has failed|notification)|failure notice|mail delivery failed|non-?delivery/i;

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

/** Parses the input as an email when it looks like one; otherwise treats it as a text fragment. */
export async function readEmail(input: string, depth = 0): Promise<EmailParts> {
  if (!looksLikeEmail(input)) return plainParts(input);
  let email: Email;
  try {
    // postal-mime splits lines on LF only: old Mac CR-only files are given LF endings first
    email = await PostalMime.parse(input.replace(/\r(?!\n)/g, '\n'), { attachmentEncoding: 'arraybuffer', maxRfc822NestingDepth: 4 });
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
  // instead; a bounce's own copy of the returned original message is never opened.
  const isReport = deliveryStatus.length > 0 || feedbackReport.length > 0 || BOUNCE_FROM.test(from) || /multipart\/report/i.test(headers.get('content-type') ?? '');
  const forwarded = isReport ? null : attachedBounce(email, depth);
  if (forwarded !== null && looksLikeEmail(forwarded)) return readEmail(forwarded, depth + 1);
  return {
    isEmail: true,
    headers,
    subject: email.subject ?? '',
    from,
    body: cutOriginalMessage(unquoteForwarded(text)),
    deliveryStatus: deliveryStatus.join('\n'),
    feedbackReport: feedbackReport.join('\n'),
    contentType: headers.get('content-type') ?? '',
  };
}

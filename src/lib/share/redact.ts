// Redaction of a whole bounce before it goes into a share link. Walks the MIME tree (RFC 2045/2046):
// every text part is decoded (base64, quoted-printable, charset), redacted and encoded again, so no
// address, IP or host survives inside an encoded part; header fields are decoded (RFC 2047) first.
// By default the returned original message (message/rfc822, text/rfc822-headers, or the copy a plain
// bounce quotes after "------ This is a copy of the message") and attachments are dropped: they carry
// the most private text and none of the diagnosis. A forwarded bounce (an attached message that is
// itself a bounce) is kept, since it is the diagnosis. Parts that are not text cannot be redacted and
// are always dropped.
import { cutOriginalMessage, looksLikeEmail } from '../bounce/read-email.ts';
import { createRedactor, type RedactionCounts, type Redactor } from './redact-text.ts';
import { decodeBase64, decodeQuotedPrintable, decodeText, decodeWords, encodeBase64, encodeHeaderValue, encodeQuotedPrintable, encodeUtf8 } from './transfer-encoding.ts';

export type RedactOptions = {
  publicHosts: readonly string[];
  /** Drop the returned original message and attachments (the default). */
  dropOriginal?: boolean;
};

export type RedactionReport = RedactionCounts & {
  /** Returned messages (or their headers) that were dropped. */
  droppedMessages: number;
  /** Attachments and other parts that are not text, dropped. */
  droppedAttachments: number;
  /** Characters removed by dropping. */
  droppedCharacters: number;
  /** Encoded parts (base64, quoted-printable) that were decoded, redacted and encoded again. */
  encodedParts: number;
};

export type Redaction = { text: string; report: RedactionReport };

const MAX_DEPTH = 8;
const ADDRESS_FIELDS = /^(?:from|to|cc|bcc|reply-to|sender|resent-(?:from|to|cc|sender)|disposition-notification-to|return-receipt-to|x-original-from|x-original-to|delivered-to|x-forwarded-to|x-envelope-from|x-envelope-to|original-recipient|final-recipient|x-failed-recipients)$/i;
const MESSAGE_ID_FIELDS = /^(?:[\w-]*message-?id|in-reply-to|references|original-message-id)$/i;
const SUBJECT_FIELDS = /^(?:subject|thread-topic)$/i;
/** Fields whose whole value is opaque and private: signatures, thread indexes, tenant routing data. */
const DROPPED_VALUE_FIELDS = /^(?:dkim-signature|x-google-dkim-signature|arc-seal|arc-message-signature|domainkey-signature|thread-index|x-ms-exchange-crosstenant-[\w-]+|x-ms-exchange-organization-[\w-]+|x-microsoft-antispam[\w-]*|x-forefront-antispam-report[\w-]*|x-ms-office365-filtering-correlation-id[\w-]*|x-ms-traffictypediagnostic|x-ms-publictraffictype|x-gm-message-state|x-google-smtp-source|x-received|x-ms-has-attach|x-ms-tnef-correlator|x-originatororg|x-ms-exchange-transport-[\w-]+|x-ms-exchange-messagesentrepresentingtype|x-ms-exchange-senderadcheck|x-ms-exchange-antispam-[\w-]+|x-eopattributedmessage|x-eoptenantattributedmessage)$/i;
const DROPPED_MARK = '[removed before sharing]';

// A sender or subject of an attached message that is itself a bounce (kept, it is the diagnosis).
const BOUNCE_FROM = /mailer-daemon|postmaster|mail delivery|mail-daemon/i;
const BOUNCE_SUBJECT = /undeliver|undelivered|returned mail|delivery (?:status|failure|has failed|notification)|failure notice|mail delivery failed|non-?delivery/i;

type Header = { name: string; raw: string; value: string };
type Entity = { headers: Header[]; headerText: string; separator: string; body: string };

/** Splits an entity at its first blank line ("\r\n\r\n", "\n\n" or "\r\r"). */
function splitEntity(raw: string): Entity {
  const blank = /\r\n\r\n|\n\n|\r\r/.exec(raw);
  const headerText = blank ? raw.slice(0, blank.index) : raw;
  const separator = blank ? blank[0] : '';
  const body = blank ? raw.slice(blank.index + blank[0].length) : '';
  const headers: Header[] = [];
  for (const line of headerText.split(/(?<=\n|\r(?!\n))(?![ \t])/)) {
    // "Content-Type: text/plain;\r\n\tcharset=utf-8"
    const field = /^([!-9;-~]+)[ \t]*:([\s\S]*)$/.exec(line);
    const last = headers.at(-1);
    if (field) headers.push({ name: field[1] ?? '', raw: line, value: (field[2] ?? '').replace(/\r\n|\n|\r/g, '').replace(/^[ \t]+/, '') });
    else if (last) {
      // A continuation line without the leading white space RFC 5322 asks for still belongs to the field.
      last.raw += line;
      last.value += line.replace(/\r\n|\n|\r/g, '');
    }
    else headers.push({ name: '', raw: line, value: line });
  }
  return { headers, headerText, separator, body };
}

const headerValue = (entity: Entity, name: string): string => entity.headers.find((header) => header.name.toLowerCase() === name)?.value ?? '';
/** A parameter of a header value, e.g. boundary in 'multipart/report; boundary="b1"'. */
function parameterOf(value: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  if (!match) return null;
  return match[1] ?? match[2] ?? null;
}
const lineBreakOf = (text: string): string => /\r\n|\n|\r/.exec(text)?.[0] ?? '\r\n';

/** Display names and comments of an address field: '"Jane Doe" <jane@x>, Bob <bob@y>, carol@z (Carol)'. */
function displayNames(value: string): string[] {
  const names: string[] = [];
  for (const item of value.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
    const phrase = /^\s*(.*?)\s*<[^<>]*>\s*$/.exec(item)?.[1];
    if (phrase) names.push(phrase.replace(/^"|"$/g, '').replace(/\\(.)/g, '$1'));
    const comment = /\(([^()]+)\)/.exec(item)?.[1];
    if (comment) names.push(comment);
  }
  return names;
}

/** Collects display names and subjects from every header block, so they can be removed wherever they appear. */
function collectLiterals(raw: string, redactor: Redactor): void {
  const names: string[] = [];
  const subjects: string[] = [];
  // "From: Jane Doe <jane@x>" anywhere: top-level headers, attached messages, quoted originals, decoded parts.
  // The bounce's own Subject is the server's ("Returned mail: Host unknown"): it is handled where it stands.
  const ownHeaders = looksLikeEmail(raw) ? (/\r\n\r\n|\n\n|\r\r/.exec(raw)?.index ?? raw.length) : 0;
  const texts = [raw, ...decodedTexts(raw, 0)];
  for (const [index, text] of texts.entries()) {
    redactor.addLocalParts(text);
    for (const match of text.matchAll(/^[ \t>]*([\w-]+)[ \t]*:[ \t]*(.*(?:(?:\r\n|\n|\r)[ \t]+.*)*)/gm)) {
      const inOwnHeaders = index === 0 && match.index < ownHeaders;
      const name = match[1] ?? '';
      const value = decodeWords((match[2] ?? '').replace(/(?:\r\n|\n|\r)[ \t]+/g, ' '));
      if (ADDRESS_FIELDS.test(name)) names.push(...displayNames(value));
      else if (SUBJECT_FIELDS.test(name) && !inOwnHeaders) {
        const stripped = value.replace(/^(?:[^:\r\n]{1,30}:[ \t]*)+/, '');
        // A Subject line still in quoted-printable ("=3D?UTF-8?B?...") is read again from the decoded part.
        if (!/=[0-9A-F]{2}/.test(stripped)) subjects.push(stripped.trim());
      }
    }
  }
  redactor.addLiterals('name', names);
  redactor.addLiterals('subject', subjects);
}

/** The decoded text of every encoded text part, for collecting names and subjects. */
function decodedTexts(raw: string, depth: number): string[] {
  if (depth > MAX_DEPTH) return [];
  const entity = splitEntity(raw);
  const type = headerValue(entity, 'content-type').toLowerCase();
  const boundary = parameterOf(headerValue(entity, 'content-type'), 'boundary');
  if (type.startsWith('multipart/') && boundary) return splitMultipart(entity.body, boundary).parts.flatMap((part) => decodedTexts(part, depth + 1));
  if (type.startsWith('message/')) return decodedTexts(entity.body, depth + 1);
  const encoding = headerValue(entity, 'content-transfer-encoding').trim().toLowerCase();
  if (encoding !== 'base64' && encoding !== 'quoted-printable') return [];
  const bytes = encoding === 'base64' ? decodeBase64(entity.body) : decodeQuotedPrintable(entity.body);
  const text = decodeText(bytes, parameterOf(headerValue(entity, 'content-type'), 'charset'));
  return looksLikeEmail(text) ? [text, ...decodedTexts(text, depth + 1)] : [text];
}

type Multipart = { preamble: string; delimiters: string[]; parts: string[]; epilogue: string };

/** Splits a multipart body on its boundary lines ("--b", "--b--"), keeping the delimiter lines exactly. */
function splitMultipart(body: string, boundary: string): Multipart {
  const escaped = boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const delimiter = new RegExp(`(?:^|\\r\\n|\\n|\\r)--${escaped}(--)?[ \\t]*(?=\\r\\n|\\n|\\r|$)(?:\\r\\n|\\n|\\r)?`, 'g');
  const pieces: { start: number; end: number; text: string; closing: boolean }[] = [];
  for (const match of body.matchAll(delimiter)) pieces.push({ start: match.index, end: match.index + match[0].length, text: match[0], closing: match[1] === '--' });
  if (pieces.length === 0) return { preamble: body, delimiters: [], parts: [], epilogue: '' };
  const parts: string[] = [];
  const delimiters: string[] = [];
  let closed = false;
  for (let index = 0; index < pieces.length && !closed; index += 1) {
    const piece = pieces[index];
    if (!piece) continue;
    delimiters.push(piece.text);
    closed = piece.closing;
    const next = pieces[index + 1];
    if (!closed) parts.push(body.slice(piece.end, next ? next.start : body.length));
  }
  const lastDelimiter = pieces[delimiters.length - 1];
  const epilogue = closed && lastDelimiter ? body.slice(lastDelimiter.end) : '';
  return { preamble: body.slice(0, pieces[0]?.start ?? 0), delimiters, parts, epilogue };
}

function joinMultipart({ preamble, delimiters, parts, epilogue }: Multipart): string {
  let out = preamble;
  delimiters.forEach((delimiter, index) => {
    out += delimiter + (parts[index] ?? '');
  });
  return out + epilogue;
}

type Walk = { redactor: Redactor; dropOriginal: boolean; report: RedactionReport; boundaries: number };

function redactHeaders(entity: Entity, walk: Walk, topLevel: boolean): string {
  const { redactor } = walk;
  const lineBreak = lineBreakOf(entity.headerText);
  return entity.headers
    .map((header) => {
      if (header.name === '') return redactor.redact(header.raw);
      const ending = /(?:\r\n|\n|\r)$/.exec(header.raw)?.[0] ?? '';
      const write = (value: string): string => `${header.name}: ${encodeHeaderValue(value)}${ending}`;
      if (/^content-/i.test(header.name)) return header.raw.replace(/(name\*?\s*=\s*)("[^"]*"|[^;\s]+)/gi, (_, head: string) => `${head}"attachment"`);
      if (DROPPED_VALUE_FIELDS.test(header.name)) return write(DROPPED_MARK);
      const decoded = decodeWords(header.value);
      if (MESSAGE_ID_FIELDS.test(header.name)) return write(redactor.redact(redactor.redactMessageIds(decoded)));
      if (SUBJECT_FIELDS.test(header.name)) return write(topLevel ? redactor.redactSubject(redactor.redact(decoded)) : redactor.redactSubject(decoded));
      return write(redactor.redact(decoded));
    })
    .join('')
    .replace(/(?:\r\n|\n|\r)?$/, entity.headerText.endsWith(lineBreak) ? lineBreak : '');
}

/** Whether an attached message is itself a bounce (a forwarded bounce): it stays. */
function isBounceMessage(raw: string): boolean {
  const entity = splitEntity(raw.slice(0, 16_000));
  return BOUNCE_FROM.test(headerValue(entity, 'from')) || BOUNCE_SUBJECT.test(headerValue(entity, 'subject')) || /multipart\/report/i.test(headerValue(entity, 'content-type'));
}

function dropBody(body: string, walk: Walk, kind: 'message' | 'attachment'): string {
  walk.report.droppedCharacters += body.length;
  if (kind === 'message') walk.report.droppedMessages += 1;
  else walk.report.droppedAttachments += 1;
  const lineBreak = lineBreakOf(body);
  return kind === 'message' ? `[The returned message was removed before sharing.]${lineBreak}` : `[An attachment was removed before sharing.]${lineBreak}`;
}

/** Redacts plain decoded text; drops a quoted original message when asked. */
function redactPlain(text: string, walk: Walk): string {
  let kept = text;
  if (walk.dropOriginal) {
    const cut = cutOriginalMessage(text);
    if (cut.length < text.length) {
      const marker = /^.*$/m.exec(text.slice(cut.length))?.[0] ?? '';
      walk.report.droppedCharacters += text.length - cut.length - marker.length;
      walk.report.droppedMessages += 1;
      const lineBreak = lineBreakOf(text);
      kept = `${cut}${marker}${lineBreak}[The rest, a copy of the returned message, was removed before sharing.]${lineBreak}`;
    }
  }
  return walk.redactor.redact(kept);
}

function redactEntity(raw: string, walk: Walk, depth: number, topLevel: boolean): string {
  const entity = splitEntity(raw);
  const contentType = headerValue(entity, 'content-type');
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase() || 'text/plain';
  const encoding = headerValue(entity, 'content-transfer-encoding').trim().toLowerCase();
  const headers = redactHeaders(entity, walk, topLevel);
  const rebuild = (body: string): string => `${headers}${entity.separator || lineBreakOf(raw).repeat(2)}${body}`;

  if (depth > MAX_DEPTH) return rebuild(dropBody(entity.body, walk, 'attachment'));
  const boundary = parameterOf(contentType, 'boundary');
  if (type.startsWith('multipart/') && boundary) {
    const multipart = splitMultipart(entity.body, boundary);
    // "4Q1X2Y3Z.1733562002/mail.example.org": a boundary can name the host; then it gets a neutral one.
    if (walk.redactor.redact(boundary) !== boundary) {
      walk.boundaries += 1;
      const renamed = `redacted-boundary-${String(walk.boundaries)}`;
      const delimiters = multipart.delimiters.map((delimiter) => delimiter.replace(`--${boundary}`, `--${renamed}`));
      const renamedHeaders = headers.replace(/(boundary\s*=\s*)("[^"]*"|[^;\s]+)/i, `$1"${renamed}"`);
      return `${renamedHeaders}${entity.separator || lineBreakOf(raw).repeat(2)}${joinMultipart({
        preamble: walk.redactor.redact(multipart.preamble),
        delimiters,
        parts: multipart.parts.map((part) => redactEntity(part, walk, depth + 1, false)),
        epilogue: walk.redactor.redact(multipart.epilogue),
      })}`;
    }
    return rebuild(
      joinMultipart({
        preamble: walk.redactor.redact(multipart.preamble),
        delimiters: multipart.delimiters,
        parts: multipart.parts.map((part) => redactEntity(part, walk, depth + 1, false)),
        epilogue: walk.redactor.redact(multipart.epilogue),
      }),
    );
  }
  const encoded = encoding === 'base64' || encoding === 'quoted-printable';
  const decode = (): string => {
    if (!encoded) return entity.body;
    const bytes = encoding === 'base64' ? decodeBase64(entity.body) : decodeQuotedPrintable(entity.body);
    return decodeText(bytes, parameterOf(contentType, 'charset'));
  };
  const encode = (text: string): string => {
    if (!encoded) return text;
    walk.report.encodedParts += 1;
    const bytes = encodeUtf8(text);
    return encoding === 'base64' ? encodeBase64(bytes, lineBreakOf(raw)) : encodeQuotedPrintable(bytes, lineBreakOf(raw));
  };
  // Re-encoded text is UTF-8 whatever it was before: say so in the charset parameter.
  const rebuildText = (text: string): string => {
    const body = encode(text);
    if (!encoded) return rebuild(body);
    const charsetFixed = headers.replace(/^(content-type:[^\r\n]*(?:(?:\r\n|\n|\r)[ \t][^\r\n]*)*)/im, (field) =>
      /charset\s*=/i.test(field) ? field.replace(/charset\s*=\s*("[^"]*"|[^;\s]+)/i, 'charset=utf-8') : `${field}; charset=utf-8`,
    );
    return `${charsetFixed}${entity.separator || lineBreakOf(raw).repeat(2)}${body}`;
  };

  if (type === 'message/rfc822' || type === 'message/global') {
    const inner = decode();
    if (walk.dropOriginal && !isBounceMessage(inner)) {
      // Its header lines stay, redacted like every other (they say which message bounced); body and attachments go.
      const original = splitEntity(inner);
      const kept = redactHeaders({ ...original, headers: original.headers.filter((header) => !/^content-/i.test(header.name)) }, walk, false);
      return rebuild(`${kept}${original.separator || lineBreakOf(raw).repeat(2)}${dropBody(original.body, walk, 'message')}`);
    }
    return rebuildText(redactEntity(inner, walk, depth + 1, false));
  }
  if (type === 'text/rfc822-headers' || type === 'message/rfc822-headers') {
    if (walk.dropOriginal) return rebuild(dropBody(entity.body, walk, 'message'));
    return rebuildText(redactHeaders(splitEntity(decode()), walk, false));
  }
  const isText = type.startsWith('text/') || type === 'message/delivery-status' || type === 'message/global-delivery-status' || type === 'message/feedback-report' || type === 'message/disposition-notification';
  if (!isText) return rebuild(dropBody(entity.body, walk, 'attachment'));
  return rebuildText(type.startsWith('text/') ? redactPlain(decode(), walk) : walk.redactor.redact(decode()));
}

/** Redacts a pasted bounce (an email or a fragment) for sharing. */
export function redactBounce(text: string, options: RedactOptions): Redaction {
  const redactor = createRedactor(options.publicHosts);
  const report: RedactionReport = { ...redactor.counts, droppedMessages: 0, droppedAttachments: 0, droppedCharacters: 0, encodedParts: 0 };
  const walk: Walk = { redactor, dropOriginal: options.dropOriginal ?? true, report, boundaries: 0 };
  collectLiterals(text, redactor);
  const redacted = looksLikeEmail(text) ? redactEntity(text.replace(/^(?:[ \t]*(?:\r\n|\n|\r))+/, ''), walk, 0, true) : redactPlain(text, walk);
  return { text: redacted, report: { ...report, ...redactor.counts } };
}

/** Redacts text with the default options, for callers that need only the text. */
export function redactText(text: string, options: RedactOptions): string {
  return redactBounce(text, options).text;
}

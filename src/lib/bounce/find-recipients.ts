// Finds the recipients that really bounced, one per failed address: from the delivery report's
// recipient blocks (RFC 3464 section 2.3: Final-Recipient, else Original-Recipient when the final one is
// no internet address), from Exim's X-Failed-Recipients header, else from the failed-recipient lines of
// the human-readable text. An address counts there only where the line presents it as a recipient (a list
// entry, "<a@b>: host said", "a@b... User unknown", "delivered to a@b"); addresses in quoted headers,
// URLs, mailto: links, message ids, "from" phrases and the bounce's own sender and receiver never count.
import { splitLines } from './read-delivery-status.ts';
import type { DsnRecipient } from './read-delivery-status.ts';

// An address with Unicode letters on both sides (RFC 6531): "pelé@exemple.fr", "用户@例子.中国",
// "user@xn--bcher-kva.example"; the domain needs a dot and ends in letters (or an IDN "xn--" label).
const ADDRESS = /[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~.-]{1,64}@[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,62}\.){1,8}(?:\p{L}{2,24}|xn--[a-z0-9-]{1,59})(?![\p{L}\p{M}\p{N}-]|\.[\p{L}\p{N}])/gu;
// mailboxes that send bounces or take replies about them, never a failed recipient
const SYSTEM_ADDRESS = /^(?:mailer-daemon|postmaster|no-?reply|do-?not-?reply|root|double-bounce|bounces?|mail-?daemon|abuse|hostmaster)@/i;
// The left side of a message id rather than of a mailbox: long, with a run of digits after a separator, or a UUID
// ("20080907124011.12abcd8@host", "mailman.0.1037840296.16399.list@host", "0ae85451-e088-48ae-804e-1f4b713b6c63@host");
// a phone number is a mailbox ("0000000000@vzwpix.com")
const MESSAGE_ID_LOCAL = /^(?:(?=[^@]*\d{6})(?=[^@]*[.$%=_-][^@]*\d)[^@]{16,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@/i;
// A usable Final-Recipient: "a@b.example"; not an X.400 form "/S=x/O=y/" nor a host without a dot "a@mailhub0"
const INTERNET_ADDRESS = /^[^\s@/]{1,64}@[^\s@.]{1,63}(?:\.[^\s@.]{1,63})+$/u;

// A header line quoted in the text, whose addresses are the original message's, not failed recipients:
// "To: a@b", "> From: \"Kijitora\" <k@example.jp>", "Return-Path: <x@y>", "Message-ID: <id@host>", "  Sent by: ..."
const HEADER_LINE =
  /^[ \t>|]*(?:from|to|cc|bcc|reply-to|sender|return-path|errors-to|message-id|references|in-reply-to|received|delivered-to|envelope-to|subject|date|resent-[\w-]+|list-[\w-]+|x-[\w-]+|mail from|sent by|envoyé par|de|von|da|van|od|para|an|à|a|aan|destinatario)[ \t]*:/i;
// the lines that introduce the quoted original message's headers (two header lines in a row start one)
const QUOTED_HEADER = /^>?[ ]?(?:received|return-path|message-id|from|to|subject|date|mime-version|content-type|x-[\w-]+)[ \t]*:/i;

// An address that opens its line as a list entry: "  a@b", "> a@b", "<a@b>", "\"a@b\"", "- a@b", "* a@b", "1) a@b",
// or after its display name: "\"midica@banknbr.com\" <midica@banknbr.com>"
const LIST_ENTRY = /^[ \t>*•·|"'(<[-]*(?:\d{1,2}[.)][ \t]*)?(?:"[^"\n]{0,80}"[ \t]*)?[<"']?$/;
// ...counts when the rest of its line is empty or a reason: "  a@b", "a@b (user unknown)", "a@b [User unknown]",
// "a@b - mailbox full", "a@b on Thu, 29 Apr 2007 16:51:51" (Exchange), "a@b<TAB>550 ...", "a@b <a@b>" (qmail-ldap)
const LIST_ENTRY_TAIL = /^[>"']?[ \t]*(?:$|\(|\[|[-–][ \t]|,?[ \t]+on[ \t]|\t|<[^<>\s]{1,254}>[ \t]*$)/;

/**
 * What stands just before an address on its line and makes it a failed recipient, each with an example.
 * Checked against the text from the line start to the address.
 */
const RECIPIENT_BEFORE: readonly { example: string; pattern: RegExp; unlessAfter?: RegExp }[] = [
  // a labelled field: "RCPT To:<a@b>", "Recipient address: a@b", "Failed recipient: a@b", "Unknown user: a@b",
  // and as localised notices write it: "Destinataire : a@b", "Empfänger: a@b", "宛先: a@b", "收件人：a@b", "Адресат: a@b"
  {
    example: 'Recipient address: a@b.example',
    pattern:
      /(?:rcpt to|recipients?(?: address(?:es)?| name)?|(?:delivery )?userid|failed (?:recipients?|address(?:es)?)|address(?:es)?|user(?: unknown)?|unknown (?:user|recipient)|invalid (?:recipient|address|user)|mailbox|destinataire|destinatario|destinatário|empfänger|adresse|ontvanger|odbiorca|adresat|адресат|получатель|宛先|受信者|送信先|收件人|收件者|original-recipient|final-recipient|to address|addressee|smtp)[ \t]*(?:\([^)\n]{0,20}\))?[ \t]*[:=：][ \t]*(?:rfc822[ \t]*;[ \t]*)?[<"'＜]?$/i,
  },
  // the recipient field of a sending service's JSON notification: "emailAddress": "a@b", {"email":"a@b", "recipient": "a@b"
  { example: '"bouncedRecipients": [{"emailAddress": "a@b.example"', pattern: /"(?:email|emailAddress|email_address|recipient|rcpt_to|rcpt)"[ \t]*:[ \t]*"$/i },
  // a failure stated before it: "Delivery failed 20 attempts: a@b", "User's mailbox is full: <a@b>", "Unknown or illegal alias: a@b"
  {
    example: "User's mailbox is full: <a@b.example>",
    pattern: /\b(?:failed|failure|undeliverable|not delivered|unknown|illegal|rejected|full|invalid|disabled|does not exist)\b[^@\n:]{0,30}:[ \t]*[<"']?$/i,
  },
  // a sentence naming it as the destination: "could not be delivered to <a@b>", "delivery to a@b failed", "message for <a@b>", "mail to a@b"
  // (but not the recipient clause of a Received header: "for <a@b>; Thu, 29 Apr 2010 23:34:45")
  { example: 'Could not be delivered to: <a@b.example>', pattern: /\b(?:to|for|an|à)[ \t]*:?[ \t]*[<"'(]?$/i, unlessAfter: /^[>"')]?[ \t]*;/ },
  // "The user a@b", "mailbox a@b", "recipient <a@b>", "address <a@b>", "user <a@b>" in prose
  { example: 'The mailbox <a@b.example> is full', pattern: /\b(?:user|mailbox|recipient|address(?:ee)?|account|destination)[ \t]+[<"'(]?$/i },
  // "The address to which your message was addressed, a@b, did not match"
  { example: 'your message was addressed, a@b.example, did not', pattern: /\bwas addressed(?: to)?,?[ \t]+[<"'(]?$/i },
];

/** What follows an address on its line and makes it a failed recipient, wherever the address stands. */
const RECIPIENT_AFTER: readonly { example: string; pattern: RegExp }[] = [
  // Postfix, qmail, Courier: "<a@b>: host mx said: 550 ...", "<a@b>:", Sendmail "<a@b>... User unknown"
  { example: '<a@b.example>: host mx.example[192.0.2.1] said:', pattern: /^[>"']?[ \t]*(?::|\.\.\.)/ },
  // a failure right after: "a@b does not exist", "a@b is unknown", "a@b could not be delivered", "a@b not found"
  {
    example: 'kijitora@example.jp is not a valid mailbox',
    pattern: /^[>"']?[ \t]*(?:does not exist|doesn't exist|is (?:not|unknown|invalid|disabled|full|over|unavailable|inactive)|could not|cannot|can't|was not|has (?:been|exceeded)|not found|unknown|failed|rejected|user unknown|mailbox)/i,
  },
];

/**
 * What stands just before an address and rules it out: a "from" phrase (the sender), an alias's source
 * ("expanded from", "generated by"), a contact to write to, a URL or mailto: link, a source route.
 */
// "from <a@b>", "Sender Address: a@b" (Office 365's details), "try sending to a@b", "send questions to a@b" (advice),
// "expanded from: a@b", "generated by a@b", "please contact <a@b>", "id <a@b>", "mailto:a@b",
// "https://x.example/?email=a@b", "/a@b", "@relay.example:a@b" (a source route)
const NOT_RECIPIENT_BEFORE =
  /(?:\btry (?:e-?mailing|sending|writing|mailing)(?: it)? to[ \t]*[<"']?|\b(?:sender|from|reply-?to|return|envelope)(?:'s)?[ \t]+(?:e-?mail[ \t]+)?address(?:es)?[ \t]*:?[ \t]*[<"']?|\b(?:send|forward|direct|address|report)[ \t]+(?:any[ \t]+|your[ \t]+)?(?:questions|inquiries|enquiries|problems|comments|this[ \t]+(?:message|report|notice|e-?mail)|it|them)\b[^@\n]{0,40}\b(?:to|at)[ \t]*:?[ \t]*[<"'(]?|\b(?:from|by|sender|envelope-from|contact|write to|reply to|send mail to|id|message-id|von|de la part de|e-?mail us at|reach us at)[ \t]*:?[ \t]*[<"'(]?|mailto:[ \t]*|(?:https?:\/\/|www\.)\S*|[?&][\w.-]{1,40}=|[/%]|@[\w.-]{1,253}:)$/i;

type Source = {
  headers: Map<string, string>;
  from: string;
  /** The whole input, for the quoted original message's "To:" (empty for a fragment). */
  input: string;
  /** The message/feedback-report part (RFC 5965), whose Original-Rcpt-To names the complaining recipient. */
  feedbackReport?: string;
  /** Whether the recipient wrote this message itself (an automatic reply, an unsubscribe request): then it is the sender. */
  selfSent?: boolean;
};

// "Original-Rcpt-To: kijitora@example.jp" (RFC 5965 section 3.2)
const ORIGINAL_RCPT_TO = /^original-rcpt-to:[ \t]*(.*)$/gim;

/**
 * The failed recipients of a bounce: the delivery report's blocks, else a complaint's Original-Rcpt-To, else the
 * sender of a message the recipient wrote itself, else X-Failed-Recipients, else the notice's text.
 */
export function findRecipients(dsnRecipients: readonly DsnRecipient[], body: string, source: Source, limit: number): { address: string; dsn: DsnRecipient | null }[] {
  const failedHeader = source.headers.get('x-failed-recipients');
  const listed = failedHeader ? addressesIn(failedHeader).filter((address) => !SYSTEM_ADDRESS.test(address)) : [];
  if (dsnRecipients.length > 0) {
    const drafts = dsnRecipients.slice(0, limit).map((dsn) => ({ dsn, address: reportAddress(dsn) }));
    // A single block whose recipient is missing, a program, a file or a broken route ("|/usr/bin/procmail a@b",
    // "/var/mail/a", "@mx.example.org") takes the one address that the header or the notice names instead.
    const only = drafts.length === 1 ? drafts[0] : undefined;
    if (only && !INTERNET_ADDRESS.test(only.address)) {
      const { named, mentioned } = scanReport(body, ownAddresses(source));
      const [address] = [listed, named, mentioned].find((candidates) => candidates.length === 1) ?? [];
      if (address !== undefined) only.address = address;
    }
    return drafts;
  }
  const complained = [...(source.feedbackReport ?? '').matchAll(ORIGINAL_RCPT_TO)].flatMap((m) => addressesIn(m[1] ?? ''));
  if (complained.length > 0) return complained.slice(0, limit).map((address) => ({ dsn: null, address }));
  const self = source.selfSent ? addressesIn(source.from) : [];
  if (self.length > 0) return self.slice(0, 1).map((address) => ({ dsn: null, address }));
  if (listed.length > 0) return listed.slice(0, limit).map((address) => ({ dsn: null, address }));
  // The bounce's own addresses (never a failed recipient) are read only when the text is searched.
  const exclude = ownAddresses(source);
  const { named, mentioned } = scanReport(body, exclude);
  // A notice that names no recipient in a recipient line ("Duplicated Message-ID in <a@b>") but mentions a
  // single address names it; else the quoted original message's single "To:" address is the recipient.
  const addresses = named.length > 0 ? named : mentioned.length === 1 ? mentioned : originalRecipient(source.input, exclude);
  return addresses.slice(0, limit).map((address) => ({ dsn: null, address }));
}

/** The address of a report block: Final-Recipient, or Original-Recipient when the final one is not an internet address. */
export function reportAddress(dsn: DsnRecipient): string {
  const final = dsn.finalRecipient ?? '';
  const original = dsn.originalRecipient ?? '';
  if (original !== '' && !INTERNET_ADDRESS.test(final) && INTERNET_ADDRESS.test(original)) return original;
  return final || original;
}

// The matches of ADDRESS in order, as text.matchAll(ADDRESS) gives them, without the copy of the expression
// matchAll makes for every call (ADDRESS never matches an empty string, so each search moves on).
function addressMatches(text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  if (!text.includes('@')) return matches;
  ADDRESS.lastIndex = 0;
  for (let match = ADDRESS.exec(text); match !== null; match = ADDRESS.exec(text)) matches.push(match);
  return matches;
}

function addressesIn(text: string): string[] {
  return addressMatches(text).map((match) => trimAddress(match[0]));
}

// "'a@b'", "a@b." at a sentence end, "..a@b", an X.400 gateway's "SMTP=a@b" or "RFC-822=a@b": what is not part of the address
function trimAddress(raw: string): string {
  return raw.replace(/^(?:smtp|rfc-?822)=/i, '').replace(/^[.'`{|}~=-]+|[.]+$/g, '');
}

function ownAddresses(source: Source): Set<string> {
  const own = new Set<string>();
  for (const name of ['from', 'to', 'reply-to', 'sender', 'return-path', 'delivered-to']) {
    for (const address of addressesIn(source.headers.get(name) ?? '')) own.add(address.toLowerCase());
  }
  for (const address of addressesIn(source.from)) own.add(address.toLowerCase());
  return own;
}

function isExcluded(address: string, exclude: ReadonlySet<string>): boolean {
  return SYSTEM_ADDRESS.test(address) || exclude.has(address.toLowerCase());
}

// A header that only a full header block shows (a summary "To: / Subject: / Sent:" of the returned message does not)
const TRANSPORT_HEADER = /^>?[ ]?(?:received|return-path|message-id|mime-version|content-type|x-[\w-]+|dkim-signature|delivered-to)[ \t]*:/i;

// A rule line before a summary of the returned message ("-----\nFrom:    a@b\nSubject: ...\nTo: ...")
const RULE_LINE = /^[ \t]*[-_=*]{8,}[ \t]*$/;

// Where the text starts quoting a header block: two header lines (folded lines between them allowed), one
// of them a transport header, or a header line right after a rule line. From there on, addresses belong to
// the returned message.
// (A header line holds a colon and a rule line eight characters at least: the others are passed over first.)
function quotedHeadersStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.length >= 8 && RULE_LINE.test(line) && QUOTED_HEADER.test(lines[i + 1] ?? '')) return i;
    if (!line.includes(':') || !QUOTED_HEADER.test(line)) continue;
    let transport = TRANSPORT_HEADER.test(lines[i] ?? '');
    let j = i + 1;
    while (j < lines.length && /^[ \t]+\S/.test(lines[j] ?? '') && j - i < 8) j++;
    if (j < lines.length && QUOTED_HEADER.test(lines[j] ?? '')) {
      transport ||= TRANSPORT_HEADER.test(lines[j] ?? '');
      if (transport) return i;
    }
  }
  return lines.length;
}

/** Addresses that the human-readable text presents as failed recipients, in order of first mention. */
export function findFailedAddresses(text: string, exclude: ReadonlySet<string> = new Set()): string[] {
  return scanReport(text, exclude).named;
}

const HEAD_REACH = 160;

// Reads the report's lines up to the returned message: the addresses it names as failed recipients, and
// every address it mentions that is not ruled out (the sender, a contact, a link).
function scanReport(text: string, exclude: ReadonlySet<string>): { named: string[]; mentioned: string[] } {
  const allLines = splitLines(text.slice(0, 100_000));
  const lines = allLines.slice(0, quotedHeadersStart(allLines));
  const named: string[] = [];
  const mentioned = new Map<string, string>();
  const seen = new Set<string>();
  for (const line of lines) {
    // a rule line after the failed recipients ends the report: a signature, a list footer or the returned message follows
    if (named.length > 0 && RULE_LINE.test(line)) break;
    if (!line.includes('@') || HEADER_LINE.test(line)) continue;
    for (const match of addressMatches(line)) {
      const address = trimAddress(match[0]);
      const lower = address.toLowerCase();
      if (seen.has(lower) || isExcluded(address, exclude) || MESSAGE_ID_LOCAL.test(address)) continue;
      const start = match.index + match[0].indexOf(address);
      // at most 160 characters either side (a megabyte-long line stays linear); a cut head cannot pass for a line start
      const head = start > HEAD_REACH ? `\u0000${line.slice(start - HEAD_REACH, start)}` : line.slice(0, start);
      const tail = line.slice(start + address.length, start + address.length + HEAD_REACH);
      if (NOT_RECIPIENT_BEFORE.test(head)) continue;
      if (!mentioned.has(lower)) mentioned.set(lower, address);
      const isNamed =
        (LIST_ENTRY.test(head) && LIST_ENTRY_TAIL.test(tail)) ||
        RECIPIENT_BEFORE.some(({ pattern, unlessAfter }) => pattern.test(head) && !unlessAfter?.test(tail)) ||
        RECIPIENT_AFTER.some(({ pattern }) => pattern.test(tail));
      if (!isNamed) continue;
      seen.add(lower);
      named.push(address);
    }
  }
  return { named, mentioned: [...mentioned.values()] };
}

// "List-Post: <mailto:list@example.org>", "X-BeenThere: list@example.org", "Mailing-List: list list@example.org"
const LIST_ADDRESS_HEADER = /^[ \t>]*(?:list-post|x-beenthere|mailing-list)[ \t]*:[ \t]*([^\r\n]*)/gim;

// The quoted original message's single "To:" address, for notices that name no recipient themselves
// ("Message could not be delivered to mobile." followed by "Original Message: ... To: 0000000000@vzwpix.com").
function originalRecipient(input: string, exclude: ReadonlySet<string>): string[] {
  const blank = /\r?\n[ \t]*\r?\n|\r[ \t]*\r/.exec(input);
  if (!blank) return [];
  const rest = input.slice(blank.index, blank.index + 200_000);
  const to = /^[ \t>]*to:[ \t]*([^\r\n]*(?:\r?\n[ \t]+[^\r\n]*)*)/im.exec(rest);
  if (!to?.[1]) return [];
  // a post to a mailing list (RFC 2369 List-Post, Mailman's X-BeenThere) is addressed to the list, not to the recipient
  const lists = new Set([...rest.matchAll(LIST_ADDRESS_HEADER)].flatMap((m) => addressesIn(m[1] ?? '')).map((address) => address.toLowerCase()));
  const addresses = addressesIn(to[1]).filter((address) => !isExcluded(address, exclude) && !lists.has(address.toLowerCase()));
  return addresses.length === 1 ? addresses : [];
}

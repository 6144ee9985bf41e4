// Mail servers whose non-delivery notices have a format of their own, recognised by the headers they
// write (after Sisimai 4.25's lib/Sisimai/Lhost/*.pm detection, BSD-2-Clause). Such a notice's "unknown
// user" is the server's own verdict on the mailbox; an anonymous notice that names neither the refused
// command nor a mailbox status cannot tell a missing mailbox from a filter (see classify-bounce.ts).
// Each row: the header to read ('subject', 'from', 'x-mailer' ...), a pattern over its value and, where the
// header alone is shared with other mail, the line the server's own notice starts its report with.
// The Received fields are unfolded only when the header block holds a literal a Received row needs.
import { requiredLiteralSets } from './phrase-prefilter.ts';

export type ServerFormat = { server: string; header: string; pattern: RegExp; body?: RegExp };

export const SERVER_FORMATS: readonly ServerFormat[] = [
  { server: 'Exchange 2003', header: 'x-mailer', pattern: /^(?:Internet Mail Service \(|Microsoft Exchange Server Internet Mail Connector)/, body: /^[ \t]*did not reach the following recipient\(s\):/m }, // "X-Mailer: Internet Mail Service (5.5.2232.9)"
  { server: 'Exchange 2003', header: 'x-mimeole', pattern: /^Produced By Microsoft Exchange/, body: /^[ \t]*did not reach the following recipient\(s\):/m }, // "X-MimeOLE: Produced By Microsoft Exchange V6.5"
  { server: 'Exchange 2003', header: 'x-ms-embedded-report', pattern: /^/, body: /^[ \t]*did not reach the following recipient\(s\):/m }, // "X-MS-Embedded-Report:" (any value)
  { server: 'Exchange 2003', header: 'received', pattern: / with Internet Mail Service \(/, body: /^[ \t]*did not reach the following recipient\(s\):/m }, // "Received: by mx.example.net with Internet Mail Service (5.5.2657.72)"
  { server: 'Verizon', header: 'received', pattern: /\.vtext\.com \(/ }, // "Received: from njbrspamp1.vtext.com (njbrspamp1.vtext.com [192.0.2.146])"
  { server: 'Lotus Domino', header: 'subject', pattern: /^DELIVERY[ _]FAILURE:/ }, // "Subject: DELIVERY FAILURE: User x not listed"
  { server: 'Lotus Notes', header: 'subject', pattern: /^Undeliverable message/ }, // "Subject: Undeliverable message"
  { server: 'IMail Server', header: 'x-mailer', pattern: /^<SMTP32 v/ }, // "X-Mailer: <SMTP32 v8.22>"
  { server: 'IMail Server', header: 'subject', pattern: /^Undeliverable Mail *$/ }, // "Subject: Undeliverable Mail"
  { server: 'McAfee', header: 'x-nai-header', pattern: /Modified by McAfee/ }, // "X-NAI-Header: Modified by McAfee Email Gateway"
  { server: 'Verizon', header: 'from', pattern: /post_master@vtext\.com/ }, // "From: post_master@vtext.com"
  { server: 'EZweb', header: 'from', pattern: /Postmaster@(?:ezweb\.ne\.jp|au\.com)/i }, // "From: Postmaster@ezweb.ne.jp"
  { server: 'EZweb', header: 'subject', pattern: /^Mail System Error - Returned Mail$/ }, // "Subject: Mail System Error - Returned Mail"
  { server: 'Messaging Server', header: 'subject', pattern: /^Delivery Notification: / }, // "Subject: Delivery Notification: Delivery has failed"
  { server: 'Messaging Server', header: 'content-type', pattern: /Boundary_\(ID_/ }, // 'boundary="Boundary_(ID_0000000000000000000000)"'
  { server: 'Microsoft 365', header: 'x-ms-exchange-message-is-ndr', pattern: /^/ }, // "X-MS-Exchange-Message-Is-Ndr:"
  { server: 'Microsoft 365', header: 'subject', pattern: /^Undeliverable:/ }, // "Subject: Undeliverable: Hello"
  { server: 'Outlook.com', header: 'x-message-delivery', pattern: /^/ }, // "X-Message-Delivery: Vj0xLjE7..."
  { server: 'Google Workspace', header: 'x-gm-message-state', pattern: /^/ }, // "X-Gm-Message-State: AOJu0Y..."
  { server: 'Exchange 2007', header: 'subject', pattern: /^(?:Undeliverable|Non_remis_|Non recapitabile):/ }, // "Subject: Undeliverable: Hello"
  { server: 'mFILTER', header: 'x-mailer', pattern: /^m-FILTER$/ }, // "X-Mailer: m-FILTER"
  { server: 'MailMarshal', header: 'subject', pattern: /^Undeliverable Mail: "/ }, // 'Subject: Undeliverable Mail: "Hello"'
  { server: 'Mail Delivery System (X3)', header: 'subject', pattern: /^Delivery status notification/ }, // "Subject: Delivery status notification"
];

const WHITE_SPACE = /\s+/g;
// Every "Received:" field of a header block, folded lines included.
const RECEIVED_FIELD = /^received:[^\n]*(?:\r?\n[ \t][^\n]*)*/gim;

// What an unfolded field's match needs in the raw header block: for one literal of the pattern's most
// selective set, that literal's longest run without white space (unfolding changes only white space):
// ".vtext.com (" -> ".vtext.com". Null: nothing known (or a case-insensitive pattern), the fields are read.
const rawNeeds = new Map<RegExp, readonly string[] | null>();

function rawNeedOf(pattern: RegExp): readonly string[] | null {
  if (rawNeeds.has(pattern)) return rawNeeds.get(pattern) ?? null;
  const set = pattern.flags.includes('i') ? undefined : requiredLiteralSets(pattern.source)?.[0];
  const runs = set?.map((literal) => literal.split(WHITE_SPACE).reduce((longest, run) => (run.length > longest.length ? run : longest), ''));
  const need = runs === undefined || runs.includes('') ? null : runs;
  rawNeeds.set(pattern, need);
  return need;
}

/**
 * The server whose notice format the headers (keyed by lower-case name), the body and the notice's own
 * header block (for its every Received field, not only the first) show, or null. With `prefilter` false
 * the Received fields are always unfolded (the reference the tests compare with); the answer is the same.
 */
export function findServerFormat(headers: ReadonlyMap<string, string>, body = '', headerBlock = '', options: { prefilter?: boolean } = {}): string | null {
  let received: string[] | null = null;
  for (const format of SERVER_FORMATS) {
    let values: readonly string[];
    if (format.header === 'received') {
      const need = options.prefilter === false ? null : rawNeedOf(format.pattern);
      if (need !== null && !need.some((run) => headerBlock.includes(run))) continue;
      values = received ??= [...headerBlock.matchAll(RECEIVED_FIELD)].map((m) => m[0].replace(WHITE_SPACE, ' '));
    } else {
      const value = headers.get(format.header);
      values = value === undefined ? [] : [value.trim()];
    }
    if (values.some((value) => format.pattern.test(value)) && (format.body === undefined || format.body.test(body))) return format.server;
  }
  return null;
}

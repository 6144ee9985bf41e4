// Turns one diagnosis into the small record the bulk report is built from, so a worker can post
// thousands of them cheaply: the category of the message, its cause, codes, date, the provider that
// refused it and one line per failed recipient. Pure: runs in the worker, in Node and in tests.
import type { Audience, Reason } from '../content/vocabulary.ts';
import type { Diagnosis } from '../bounce/types.ts';
import { nameProvider, readHostName } from './host-providers.ts';

/** What a message is, for the report's totals. */
export type MessageCategory = 'bounce' | 'auto-reply' | 'complaint' | 'other';

/**
 * Diagnosis kinds -> report category. A delay notice reports a temporary failure of delivery, so it
 * counts as a bounce; kinds this table does not know (new ones the engine may add) count as "other".
 */
export const KIND_CATEGORIES: Readonly<Record<string, MessageCategory>> = {
  bounce: 'bounce',
  delay: 'bounce',
  vacation: 'auto-reply',
  feedback: 'complaint',
  delivered: 'other',
  unknown: 'other',
};

export type BulkRecipient = {
  address: string;
  reason: Reason;
  permanent: boolean | null;
  replyCode: string | null;
  enhancedCode: string | null;
  domain: string | null;
  provider: string | null;
};

export type BulkMessage = {
  /** Where the message came from: "folder/file.eml", "box.mbox #12", "archive.zip/x.eml". */
  source: string;
  category: MessageCategory;
  kind: string;
  reason: Reason;
  permanent: boolean | null;
  replyCode: string | null;
  enhancedCode: string | null;
  actors: Audience[];
  /** When the bounce was written, as an ISO 8601 timestamp, or null when no date could be read. */
  date: string | null;
  recipients: BulkRecipient[];
};

/** A file or message that could not be read as an email; listed, never fatal. */
export type SkippedItem = { source: string; problem: string };

export const categorize = (kind: string): MessageCategory => KIND_CATEGORIES[kind] ?? 'other';

// The header block ends at the first empty line (RFC 5322 section 2.1)
const HEADER_END = /\r?\n\r?\n/;
// "Date: Tue, 4 Mar 2025 10:15:02 +0100" (with folded continuation lines)
const DATE_HEADER = /^Date:[ \t]*((?:.*)(?:\r?\n[ \t].*)*)/im;
// "Arrival-Date: Tue, 4 Mar 2025 10:15:02 +0100" in a delivery report (RFC 3464 section 2.2.5)
const ARRIVAL_DATE = /^Arrival-Date:[ \t]*(.+)$/im;
// "(CEST)", "(GMT+01:00)": comments Date.parse does not read
const DATE_COMMENT = /\([^)]*\)/g;

/** Parses an RFC 5322 date, or null when it is missing, unreadable or absurd (before 1990, after 2100). */
export function parseMailDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value.replace(DATE_COMMENT, '').replace(/\s+/g, ' ').trim());
  if (Number.isNaN(time)) return null;
  const year = new Date(time).getUTCFullYear();
  return year < 1990 || year > 2100 ? null : new Date(time).toISOString();
}

/** The date of a message: its Date header, else the delivery report's Arrival-Date or last attempt. */
export function readMessageDate(text: string, diagnosis: Diagnosis): string | null {
  const end = HEADER_END.exec(text)?.index ?? Math.min(text.length, 8000);
  const header = parseMailDate(DATE_HEADER.exec(text.slice(0, end))?.[1]);
  if (header !== null) return header;
  const arrival = parseMailDate(ARRIVAL_DATE.exec(text.slice(0, 200_000))?.[1]);
  if (arrival !== null) return arrival;
  for (const recipient of diagnosis.recipients) {
    const attempt = parseMailDate(recipient.lastAttemptDate);
    if (attempt !== null) return attempt;
  }
  return null;
}

/** The domain of an address, lower case: "Ann@Example.COM" -> "example.com". */
export function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  return at > 0 && at < address.length - 1 ? address.slice(at + 1).toLowerCase().replace(/[>.]+$/, '') : null;
}

/** Summarizes one diagnosed message for the bulk report. */
export function summarizeMessage(source: string, text: string, diagnosis: Diagnosis): BulkMessage {
  const category = categorize(diagnosis.kind);
  const fallbackHost = readHostName(diagnosis.reportingMta) ?? readHostName(diagnosis.generatingHost);
  const recipients: BulkRecipient[] =
    category === 'bounce'
      ? diagnosis.recipients.map((recipient) => {
          const host = readHostName(recipient.remoteMta) ?? fallbackHost;
          return {
            address: recipient.address,
            reason: recipient.reason,
            permanent: recipient.permanent,
            replyCode: recipient.replyCode,
            enhancedCode: recipient.enhancedCode,
            domain: domainOf(recipient.address),
            provider: host === null ? null : nameProvider(host),
          };
        })
      : [];
  // A bounce that names no address still failed for someone: it gets one row with the message's verdict.
  if (category === 'bounce' && recipients.length === 0) {
    recipients.push({
      address: '',
      reason: diagnosis.reason,
      permanent: diagnosis.permanent,
      replyCode: diagnosis.replyCode,
      enhancedCode: diagnosis.enhancedCode,
      domain: null,
      provider: fallbackHost === null ? null : nameProvider(fallbackHost),
    });
  }
  return {
    source,
    category,
    kind: diagnosis.kind,
    reason: diagnosis.reason,
    permanent: diagnosis.permanent,
    replyCode: diagnosis.replyCode,
    enhancedCode: diagnosis.enhancedCode,
    actors: diagnosis.actors,
    date: readMessageDate(text, diagnosis),
    recipients,
  };
}

// Reads the machine-readable fields of a delivery status notification (RFC 3464 section 2.2 and
// 2.3): per-message fields (Reporting-MTA, Arrival-Date) and one block per recipient (Final-Recipient,
// Original-Recipient, Action, Status, Remote-MTA, Diagnostic-Code, Last-Attempt-Date). The same
// fields pasted into a plain-text bounce are read too.

export type DsnRecipient = {
  finalRecipient: string | null;
  originalRecipient: string | null;
  action: string | null;
  status: string | null;
  /** A reply code written where the status belongs ("Status: 553 Exceeded maximum inbound message size"). */
  statusReply: string | null;
  remoteMta: string | null;
  diagnosticCode: string | null;
  /** The Diagnostic-Code type: "smtp", or "x-unix" for a local delivery program's exit status. */
  diagnosticType: string | null;
  lastAttemptDate: string | null;
};

export type DeliveryStatus = {
  reportingMta: string | null;
  receivedFromMta: string | null;
  recipients: DsnRecipient[];
};

// "Final-Recipient: rfc822; user@example.com" (the type prefix is optional in the wild)
const FIELD = /^([A-Za-z][A-Za-z-]{1,40})[ \t]*:[ \t]*(.*)$/;
const RECIPIENT_FIELDS = new Set(['final-recipient', 'original-recipient', 'action', 'status', 'remote-mta', 'diagnostic-code', 'last-attempt-date', 'x-actual-recipient']);

/** Drops an RFC 3464 type prefix: "rfc822; a@b.example" -> "a@b.example", "dns; mx.example" -> "mx.example". */
function stripType(value: string): string {
  return value.replace(/^[ \t]*[A-Za-z0-9-]{1,12}[ \t]*;[ \t]*/, '').trim();
}

// "<@relay.example:a@b.example>": an RFC 5321 source route before the mailbox is dropped
function cleanAddress(value: string): string {
  return stripType(value).replace(/^<|>$/g, '').replace(/^@[^:\s]{1,253}:/, '').trim();
}

/** The lines of `text`, whatever its line breaks ("\r\n", "\r" or "\n"); split on "\n" alone, quicker, when it holds no "\r". */
export function splitLines(text: string): string[] {
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

function unfold(text: string): string[] {
  const out: string[] = [];
  for (const line of splitLines(text)) {
    const previous = out.at(-1);
    // a continuation line: a space or tab, then more than white space ("  a@b", not "  ")
    const first = line.charCodeAt(0);
    if ((first === 0x20 || first === 0x09) && previous !== undefined && previous !== '' && /^[ \t]+\S/.test(line)) {
      out[out.length - 1] = `${previous} ${line.trim()}`;
    } else {
      out.push(line.trimEnd());
    }
  }
  return out;
}

/** A recipient with no field read yet. */
export function emptyRecipient(): DsnRecipient {
  return {
    finalRecipient: null,
    originalRecipient: null,
    action: null,
    status: null,
    statusReply: null,
    remoteMta: null,
    diagnosticCode: null,
    diagnosticType: null,
    lastAttemptDate: null,
  };
}

function isEmptyRecipient(recipient: DsnRecipient): boolean {
  return Object.values(recipient).every((value) => value === null);
}

// The name of a field read below, then its colon, maybe on a folded line: "Final-Recipient: rfc822; a@b",
// "Status : 5.1.1", "Action\n  : failed". Most bounce texts without a report hold none, and are then not
// read line by line. (Not anchored to a line start: a search for the names alone stays linear on any text.)
const ANY_FIELD = /(?:reporting-mta|received-from-mta|final-recipient|original-recipient|action|status|remote-mta|diagnostic-code|last-attempt-date|x-actual-recipient)\s*:/i;

/**
 * Reads DSN fields from a message/delivery-status part, or from text that quotes one. The answer is the
 * same with `precheck` false (every line is read, for tests).
 */
export function readDeliveryStatus(text: string, precheck = true): DeliveryStatus {
  const result: DeliveryStatus = { reportingMta: null, receivedFromMta: null, recipients: [] };
  const read = text.length > 200_000 ? text.slice(0, 200_000) : text;
  if (precheck && !ANY_FIELD.test(read)) return result;
  let current = emptyRecipient();
  const flush = (): void => {
    if (!isEmptyRecipient(current)) result.recipients.push(current);
    current = emptyRecipient();
  };
  for (const line of unfold(read)) {
    const trimmed = line.trim();
    if (trimmed === '') {
      if (current.finalRecipient !== null || current.originalRecipient !== null) flush();
      continue;
    }
    // a field has a colon (most lines of a bounce's text have none)
    const field = trimmed.includes(':') ? FIELD.exec(trimmed) : null;
    if (!field) continue;
    const name = (field[1] ?? '').toLowerCase();
    const value = (field[2] ?? '').trim();
    if (name === 'reporting-mta') result.reportingMta ??= stripType(value);
    else if (name === 'received-from-mta') result.receivedFromMta ??= stripType(value);
    if (!RECIPIENT_FIELDS.has(name)) continue;
    if ((name === 'final-recipient' && current.finalRecipient !== null) || (name === 'original-recipient' && current.originalRecipient !== null && current.finalRecipient !== null)) flush();
    switch (name) {
      case 'final-recipient':
        current.finalRecipient = cleanAddress(value);
        break;
      case 'x-actual-recipient':
        current.finalRecipient ??= cleanAddress(value);
        break;
      case 'original-recipient':
        current.originalRecipient = cleanAddress(value);
        break;
      case 'action':
        current.action = value.toLowerCase().split(/[ \t(;]/)[0] ?? null;
        break;
      case 'status':
        current.status = /^[245]\.\d{1,3}\.\d{1,3}/.exec(value)?.[0] ?? null;
        // "Status: 553 Exceeded maximum inbound message size": some servers put the SMTP reply here
        current.statusReply = current.status === null ? (/^([245][0-5]\d)(?![\d.])/.exec(value)?.[1] ?? null) : null;
        break;
      case 'remote-mta':
        current.remoteMta = stripType(value) || null;
        break;
      case 'diagnostic-code':
        if (current.diagnosticCode === null) {
          current.diagnosticCode = stripType(value);
          current.diagnosticType = /^[ \t]*([A-Za-z0-9-]{1,12})[ \t]*;/.exec(value)?.[1]?.toLowerCase() ?? null;
        }
        break;
      case 'last-attempt-date':
        current.lastAttemptDate = value;
        break;
    }
  }
  flush();
  result.recipients = result.recipients.filter((r) => r.finalRecipient !== null || r.status !== null || r.action !== null || r.diagnosticCode !== null);
  return result;
}

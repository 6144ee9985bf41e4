// Sending services report events as JSON (webhooks, SNS messages, exported logs) rather than as bounce
// emails: Amazon SES ("notificationType": "Bounce" | "Complaint" | "Delivery"), SendGrid ("event":
// "bounce" | "dropped" | "deferred" | "delivered" | "spamreport"), Mailgun ("event": "failed" |
// "delivered" | "complained") and Postmark ("RecordType": "Bounce" | "SpamComplaint" | "Delivery").
// Each is named as what it is; the key names are the services' published payload fields.
import type { Reason } from '../content/vocabulary.ts';

export type ServiceNoticeKind = 'bounce' | 'delay' | 'complaint' | 'delivery';

type EventRule = { pattern: RegExp; kinds: Readonly<Record<string, ServiceNoticeKind>> };

// One example per rule: "notificationType":"Complaint" (also inside an SNS envelope's escaped "Message",
// \"notificationType\":\"Bounce\") · "RecordType":"Delivery" · "event": "spamreport"
const EVENT_RULES: readonly EventRule[] = [
  { pattern: /\\?"(?:notificationType|eventType)\\?"\s*:\s*\\?"(Bounce|Complaint|Delivery|DeliveryDelay)\\?"/, kinds: { Bounce: 'bounce', Complaint: 'complaint', Delivery: 'delivery', DeliveryDelay: 'delay' } },
  { pattern: /"RecordType"\s*:\s*"(Bounce|SpamComplaint|Delivery)"/, kinds: { Bounce: 'bounce', SpamComplaint: 'complaint', Delivery: 'delivery' } },
  { pattern: /"event"\s*:\s*"(bounce|dropped|deferred|delivered|spamreport|failed|complained)"/, kinds: { bounce: 'bounce', dropped: 'bounce', deferred: 'delay', delivered: 'delivery', spamreport: 'complaint', failed: 'bounce', complained: 'complaint' } },
];

/** The kind of sending-service event a JSON paste reports, or null when the text is no such payload. */
export function findServiceNotice(text: string): ServiceNoticeKind | null {
  const head = text.slice(0, 20_000);
  if (!head.includes('{') || !head.includes('"')) return null;
  for (const rule of EVENT_RULES) {
    const value = rule.pattern.exec(head)?.[1];
    const kind = value === undefined ? undefined : rule.kinds[value];
    if (kind) return kind;
  }
  return null;
}

/** What a service's own bounce category says about the cause (Amazon SES bounceSubType, Postmark Type). */
export const SERVICE_BOUNCE_TYPES: Readonly<Record<string, Reason>> = {
  // Amazon SES: "bounceSubType": "NoEmail" (no such address), "Suppressed", "OnAccountSuppressionList" ...
  NoEmail: 'userunknown',
  Suppressed: 'suppressed',
  OnAccountSuppressionList: 'suppressed',
  MailboxFull: 'mailboxfull',
  MessageTooLarge: 'mesgtoobig',
  ContentRejected: 'contenterror',
  AttachmentRejected: 'securityerror',
  // Postmark: "Type": "HardBounce" is a missing address; "DnsError", "AddressChange", "ManuallyDeactivated"
  HardBounce: 'userunknown',
  DnsError: 'networkerror',
  AddressChange: 'hasmoved',
  ManuallyDeactivated: 'suppressed',
  InboxFull: 'mailboxfull',
};

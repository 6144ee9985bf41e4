// Redaction of one piece of decoded text (a header value, a text part, a fragment): replaces email
// addresses, display names, subjects, Message-IDs, IPv4/IPv6 literals, GUIDs and host names with stable
// placeholders, the same value always getting the same placeholder. Codes, provider tags
// (RESOLVER.ADR.RecipientNotFound, AS(201806281)), blocklist names and provider host names stay, so the
// diagnosis does not change. Placeholders use names reserved for documentation: example.com (RFC 2606),
// 192.0.2.0/24 (RFC 5737), 2001:db8:: (RFC 3849), and the .invalid top-level domain for Message-IDs.
import { hostKind, registrableDomain } from './public-hosts.ts';
import { decodeWords } from './transfer-encoding.ts';

/** What was replaced, counted once per distinct value. */
export type RedactionCounts = {
  addresses: number;
  names: number;
  subjects: number;
  messageIds: number;
  ips: number;
  hosts: number;
  tenants: number;
  ids: number;
};

export type Redactor = {
  /** Redacts a piece of decoded text. */
  redact: (text: string) => string;
  /** Redacts the value of a Subject (or Thread-Topic) field, keeping a server-written prefix. */
  redactSubject: (value: string) => string;
  /** Replaces every "<...>" of a Message-ID, In-Reply-To or References value. */
  redactMessageIds: (value: string) => string;
  /** Names and subjects found in the message, replaced wherever they appear. */
  addLiterals: (kind: 'name' | 'subject', values: readonly string[]) => void;
  /** Local parts of the addresses in this text ("jane.public"), replaced also where they stand alone. */
  addLocalParts: (text: string) => void;
  counts: RedactionCounts;
};

const LOCAL_CHARS = "\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~\\-";
/**
 * An email address with a dot-atom, quoted or non-ASCII local part and a host name or address literal:
 * "jane.doe@example.org", "\"john smith\"@example.org", "josé+tag@exämple.de", "o'neil@[192.0.2.1]".
 */
const EMAIL = new RegExp(
  `(?<![${LOCAL_CHARS}.])(?:"(?:[^"\\\\\\r\\n]|\\\\.){1,64}"|[${LOCAL_CHARS}]{1,64}(?:\\.[${LOCAL_CHARS}]{1,64}){0,10})@((?:[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_-]{0,61}[\\p{L}\\p{N}])?\\.){1,10}\\p{L}{2,24}|\\[[^\\]\\r\\n]{1,60}\\])`,
  'gu',
);
/** An IPv4 address, e.g. "203.0.113.7" (not a longer dotted run such as a version "1.2.3.4.5" or a code). */
const IPV4 = /(?<![\d.])(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?![\d]|\.\d)/g;
/** An IPv6 candidate, e.g. "2a00:1450:4864:20::42b", "fe80::1" or "[IPv6:2001:4860::1]"; checked by isIpv6 so "10:22:33" stays a time. */
const IPV6 = /(?:(?<![\w.:])|(?<=IPv6:))(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:.])/gi;
/** A GUID, e.g. "72f988bf-86f1-41af-91ab-2d7cd011db47" (Microsoft tenant and message ids). */
const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
/** A host name, labels may start with "_" (e.g. "_dmarc.example.org", "mx1.mail.example.org", "bücher.example"). */
const HOST = /(?<![\p{L}\p{N}_.@-])(?:[\p{L}\p{N}_](?:[\p{L}\p{N}_-]{0,61}[\p{L}\p{N}])?\.){1,10}\p{L}{2,24}(?![\p{L}\p{N}_-]|\.[\p{L}\p{N}])/gu;
/** A Message-ID in angle brackets, e.g. "<CAF=x1@mail.gmail.com>", on a Message-ID, References or In-Reply-To line. */
const MESSAGE_ID_LINE = /^([ \t>]*(?:[\w-]*message-?id|in-reply-to|references|original-message-id)[ \t]*:)(.*)$/gim;
const ANGLE_ID = /<[^<>\s]{1,250}>/g;
/** '"Jane Doe" <jane@example.org>': a quoted display name before an address. */
const QUOTED_NAME = /"((?:[^"\\\r\n]|\\.){1,80})"(?=[ \t]*<[^<>\s]{1,250}@)/g;
/** "Subject: ..." as a line of a quoted header block or of a notification, e.g. "Subject: Q3 numbers". */
const SUBJECT_LINE = /^([ \t>]*(?:subject|thread-topic|betreff|objet|asunto|oggetto|assunto|onderwerp)[ \t]*:[ \t]*)(\S.*)$/gim;

// Words of server-written subjects: "Undeliverable:", "Delivery Status Notification (Failure)",
// "Automatic reply:", "Mail delivery failed: returning message to sender"
const SYSTEM_SUBJECT =
  /undeliver|undelivered|unzustellbar|non remis|no entregado|returned mail|delivery|failure|failed|notice|non-?delivery|delayed|warning|notification|report|error|returned|automatic|auto[ -]?(?:reply|response)|out of (?:the )?office|vacation|abwesen|absence|r[ée]ponse automatique|respuesta autom|risposta automatica|rejected|bounce|mailer|postmaster|message (?:blocked|not delivered)/i;
// Prefixes put before the original subject: "Undeliverable: ", "Automatic reply: ", "Re: ", "AW: "
const ORIGINAL_SUBJECT_PREFIX = /(?:^|:\s*)(?:undeliver\w*|undelivered|unzustellbar|non remis|no entregado|non recapitabile|automatic reply|auto[ -]?reply|autoreply|auto[ -]?response|out of (?:the )?office\w*|r[ée]ponse automatique|respuesta autom[aá]tica|automatische antwort|abwesenheitsnotiz|re|fwd?|aw|wg|tr|sv|vs|delivery (?:delayed|failed|failure)|delayed|failed|message not delivered|not delivered)\s*:\s*$/i;
const SUBJECT_PREFIX = /^((?:[^:\r\n]{1,60}:[ \t]*)+)(.*)$/;
// Senders and display names written by mail systems, never a person: "Mail Delivery Subsystem", "MAILER-DAEMON"
const SYSTEM_NAME = /mail.{0,12}(?:deliver|daemon|system)|postmaster|administrator|microsoft outlook|mail delivery|delivery (?:status|subsystem)|^(?:outlook|gmail|google|yahoo|exchange|system)$/i;

// Mailboxes of a mail system, not of a person: "MAILER-DAEMON", "postmaster", "post_master", "no-reply"
const ROLE_LOCAL_PART = /^(?:mailer-?daemon|mail-?daemon|post_?master|hostmaster|abuse|no-?reply|do-?not-?reply|bounces?|nobody|root|daemon)$/i;

// A local part a mail system writes as a message: "this-message-rejected-by-the-domain-filter"
const SYSTEM_LOCAL_PART = /^(?=[a-z]+(?:-[a-z]+){3,}$).*(?:reject|filter|unknown|invalid|blocked|denied|undeliver)/i;

/** Phrases (names, subjects) matched wherever they stand; past this many, they are still replaced in their fields. */
const MAX_PHRASES = 300;
/** A word as a local part spells it, e.g. "jane.public" or "o.adeyemi+billing". */
const WORD = /[\p{L}\p{N}._%+=!#$&'*/?^`{|}~-]+/gu;

const REMOVED_SUBJECT = '[subject removed]';

/** Whether a candidate is an IPv6 address: one "::" and at most 7 groups, or 6 to 8 full groups. */
function isIpv6(candidate: string): boolean {
  if (/^2001:db8:/i.test(candidate) || candidate.includes(':::')) return false;
  const compressed = candidate.split('::').length - 1;
  const groups = candidate.split(':').filter((group) => group !== '');
  if (compressed > 1 || groups.length === 0) return false;
  if (compressed === 1) return groups.length <= 7;
  return groups.length >= 6 && groups.length <= 8 && !candidate.startsWith(':') && !candidate.endsWith(':');
}

const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a value is one of our own placeholders (so later passes leave it alone). */
const isPlaceholder = (host: string): boolean => /(?:^|\.)example\.(?:com|net|org)$|\.invalid$|^example\.(?:com|net|org)$/i.test(host);

export function createRedactor(publicHosts: readonly string[]): Redactor {
  const publicSet = publicHosts.map((host) => host.toLowerCase());
  const placeholders = new Map<string, string>();
  const counters = { user: 0, domain: 0, host: 0, ip4: 0, ip6: 0, tenant: 0, id: 0, guid: 0, name: 0 };
  const counts: RedactionCounts = { addresses: 0, names: 0, subjects: 0, messageIds: 0, ips: 0, hosts: 0, tenants: 0, ids: 0 };
  /**
   * Private strings found in the message (lower case) and what replaces them. Single words ("jane.public")
   * are looked up token by token, in one pass whatever their number; phrases ("Jane Q. Public", a subject)
   * are few and go into one pattern.
   */
  const words = new Map<string, string>();
  const phrases = new Map<string, string>();
  let phrasePattern: RegExp | null = null;
  const addLiteral = (value: string, replacement: string): void => {
    if (/\s/.test(value)) {
      if (phrases.size >= MAX_PHRASES) return;
      phrases.set(value.toLowerCase(), replacement);
      phrasePattern = null;
    } else {
      words.set(value.toLowerCase(), replacement);
    }
  };
  const literalValues = new Set<string>();
  const removedSubjects = new Set<string>();
  const countSubject = (value: string): void => {
    removedSubjects.add(decodeWords(value).trim().toLowerCase());
    counts.subjects = removedSubjects.size;
  };

  const stable = (kind: keyof typeof counters, value: string, make: (n: number) => string, count?: keyof RedactionCounts): string => {
    const key = `${kind}:${value.toLowerCase()}`;
    let placeholder = placeholders.get(key);
    if (!placeholder) {
      counters[kind] += 1;
      if (count) counts[count] += 1;
      placeholder = make(counters[kind]);
      placeholders.set(key, placeholder);
    }
    return placeholder;
  };

  /** A host or mail domain: provider hosts stay, a tenant's label goes, anything else maps to example.com names. */
  const placeHost = (host: string, isMailDomain = false): string => {
    if (isPlaceholder(host)) return host;
    const kind = hostKind(host, publicSet, isMailDomain);
    if (kind.kind === 'public' || kind.kind === 'not-a-host') return host;
    if (kind.kind === 'tenant') return `${stable('tenant', kind.customer, (n) => `tenant${String(n)}`, 'tenants')}.${kind.suffix}`;
    const labels = host.split('.');
    const registrable = registrableDomain(host);
    const domain = stable('domain', registrable, (n) => `domain${String(n)}.example.com`, 'hosts');
    const below = labels.slice(0, labels.length - registrable.split('.').length);
    // "_dmarc", "_domainkey" say what a name is for: they stay; other labels are the customer's own.
    const kept = below.map((label) => (label.startsWith('_') ? label : stable('host', label, (n) => `host${String(n)}`)));
    return [...kept, domain].join('.');
  };

  const redactAddresses = (text: string): string =>
    text.replace(EMAIL, (address, domain: string) => {
      const local = address.slice(0, address.length - domain.length - 1);
      const user = ROLE_LOCAL_PART.test(local) || SYSTEM_LOCAL_PART.test(local) ? local : stable('user', local, (n) => `user${String(n)}`, 'addresses');
      return `${user}@${domain.startsWith('[') ? domain : placeHost(domain, true)}`;
    });

  const redactMessageIds = (value: string): string => value.replace(ANGLE_ID, (id) => stable('id', id, (n) => `<id${String(n)}@message-id.invalid>`, 'messageIds'));
  const redactIds = (text: string): string => text.replace(MESSAGE_ID_LINE, (_, head: string, rest: string) => `${head}${redactMessageIds(rest)}`);

  const redactIps = (text: string): string =>
    text
      .replace(IPV4, (ip) => stable('ip4', ip, (n) => `192.0.2.${String(n % 254 || 254)}`, 'ips'))
      .replace(IPV6, (ip) => (isIpv6(ip) ? stable('ip6', ip, (n) => `2001:db8::${n.toString(16)}`, 'ips') : ip));

  const redactLiterals = (text: string): string => {
    let out = text;
    if (phrases.size > 0) {
      // Longest first, so "Jane Q. Public" wins over "Jane Q"; not inside a longer word or an address.
      phrasePattern ??= new RegExp(
        `(?<![\\p{L}\\p{N}._%+=-])(?:${[...phrases.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_%+=@-]|\\.[\\p{L}\\p{N}])`,
        'giu',
      );
      out = out.replace(phrasePattern, (found) => phrases.get(found.toLowerCase()) ?? found);
    }
    if (words.size === 0) return out;
    // A word followed by "@" is the local part of an address: the address pass replaces it whole.
    return out.replace(WORD, (word: string, offset: number, whole: string) => {
      const bare = word.replace(/\.+$/, '');
      const replacement = words.get(bare.toLowerCase());
      if (replacement === undefined || whole.charAt(offset + bare.length) === '@' || whole.charAt(offset - 1) === '@') return word;
      return replacement + word.slice(bare.length);
    });
  };

  const redact = (text: string): string => {
    let out = redactLiterals(text);
    out = out.replace(SUBJECT_LINE, (_, head: string, value: string) => `${head}${redactSubjectValue(value)}`);
    out = out.replace(QUOTED_NAME, (whole, name: string) => (SYSTEM_NAME.test(name) ? whole : `"${stable('name', name, (n) => `Person ${String(n)}`, 'names')}"`));
    out = redactIds(out);
    out = redactAddresses(out);
    out = redactIps(out);
    out = out.replace(GUID, (guid) => stable('guid', guid, (n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`, 'ids'));
    // "554-mail.example.org": a reply code in front of a host name (a multi-line reply) stays.
    return out.replace(HOST, (host) => {
      const code = /^[245]\d\d-(?=[\p{L}])/u.exec(host)?.[0] ?? '';
      return code + placeHost(host.slice(code.length));
    });
  };

  const redactSubjectValue = (value: string): string => {
    const trimmed = value.trim();
    if (trimmed === '' || trimmed === REMOVED_SUBJECT) return value;
    const prefixed = SUBJECT_PREFIX.exec(trimmed);
    if (prefixed && SYSTEM_SUBJECT.test(prefixed[1] ?? '')) {
      const prefix = prefixed[1] ?? '';
      const rest = (prefixed[2] ?? '').trim();
      // "Undeliverable: Q3 plan" carries the original subject; "Returned mail: Host unknown" the server's words.
      if (rest === '' || rest === REMOVED_SUBJECT || !ORIGINAL_SUBJECT_PREFIX.test(prefix) || /^\S+@\S+$/.test(rest)) return trimmed;
      countSubject(rest);
      return `${prefix}${REMOVED_SUBJECT}`;
    }
    if (!trimmed.includes(':') && SYSTEM_SUBJECT.test(trimmed) && trimmed.length <= 80) return trimmed;
    countSubject(trimmed.replace(SUBJECT_PREFIX, '$2'));
    return REMOVED_SUBJECT;
  };

  const addLiterals = (kind: 'name' | 'subject', values: readonly string[]): void => {
    for (const raw of values) {
      const value = raw.trim().replace(/^"|"$/g, '').trim();
      // Short values ("Hi", "Bob") would also hit unrelated words; they are removed where they stand instead.
      if (value.length < (kind === 'name' ? 4 : 6) || literalValues.has(value) || isPlaceholder(value) || /^\[.*\]$/.test(value)) continue;
      if (kind === 'name' && (SYSTEM_NAME.test(value) || value.includes('@'))) continue;
      if (kind === 'subject' && !value.includes(':') && SYSTEM_SUBJECT.test(value) && value.length <= 80) continue;
      literalValues.add(value);
      const replacement = kind === 'name' ? stable('name', value, (n) => `Person ${String(n)}`, 'names') : REMOVED_SUBJECT;
      if (kind === 'subject') countSubject(value);
      addLiteral(value, replacement);
    }
  };

  const addLocalParts = (text: string): void => {
    for (const match of text.matchAll(EMAIL)) {
      const local = match[0].slice(0, match[0].length - (match[1] ?? '').length - 1);
      // "jane.public", "o.adeyemi+billing", "rk2024": a word such as "user" or "sales" would also hit prose.
      if (local.length < 4 || !/[._+\d]/.test(local) || local.startsWith('"') || ROLE_LOCAL_PART.test(local) || SYSTEM_LOCAL_PART.test(local) || literalValues.has(local)) continue;
      // "xxx.com" in "Postmaster\@xxx.com@host" is a host name; the host pass handles it.
      if (/^[\d.]+$/.test(local) || hostKind(local, [], false).kind !== 'not-a-host') continue;
      literalValues.add(local);
      const replacement = stable('user', local, (n) => `user${String(n)}`, 'addresses');
      addLiteral(local, replacement);
    }
  };

  return { redact, redactSubject: redactSubjectValue, redactMessageIds, addLiterals, addLocalParts, counts };
}

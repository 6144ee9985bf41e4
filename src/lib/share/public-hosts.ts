// Which host names in a bounce are public infrastructure (a provider, a blocklist, a help site: kept, so
// the diagnosis and the advice stay the same) and which belong to the customer (replaced). Provider hosts
// that embed a customer ("contoso.onmicrosoft.com", "contoso-com.mail.protection.outlook.com",
// "mx0a-00123401.pphosted.com") keep the provider's part and lose the customer's. A dotted word whose
// last label is no top-level domain ("RESOLVER.ADR.RecipientNotFound", "STOREDRV.Submission.Exception")
// is a provider tag, not a host, and is never touched.

/** Hosts where the labels left of the suffix name the customer (tenant), longest suffix first. */
export const TENANT_SUFFIXES = [
  'mail.protection.outlook.com',
  'mail.onmicrosoft.com',
  'onmicrosoft.com',
  'pphosted.com',
  'ppe-hosted.com',
  'iphmx.com',
  'mail.eo.outlook.com',
  'sharepoint.com',
] as const;

/** Public services named in bounces besides the providers of the catalogue: blocklists and reputation sites. */
export const PUBLIC_INFRASTRUCTURE = [
  'spamhaus.org',
  'spamhaus.net',
  'spamcop.net',
  'barracudacentral.org',
  'barracuda.com',
  'sorbs.net',
  'uceprotect.net',
  'abuseat.org',
  'surbl.org',
  'uribl.com',
  'mailspike.net',
  'spamrats.com',
  'psbl.org',
  'senderscore.org',
  'senderbase.org',
  'talosintelligence.com',
  'cloudmark.com',
  'proofpoint.com',
  'mimecast.com',
  'messagelabs.com',
  'microsoft.com',
  'office.com',
  'office365.com',
  'outlook.com',
  'google.com',
  'gmail.com',
  'yahoo.com',
  'yahoodns.net',
  'apple.com',
  'icloud.com',
  'aol.com',
  'amazonses.com',
  'sendgrid.net',
  'mailgun.org',
  'rfc-editor.org',
  'ietf.org',
  'iana.org',
  'dmarc.org',
  'dnswl.org',
  'invaluement.com',
  'junkemailfilter.com',
  'blocklist.de',
  'hostkarma.com',
  'nixspam.net',
  '0spam.org',
  'backscatterer.org',
  'cloudflare.net',
  'cloudflare.com',
  'amazonaws.com',
  'awsapps.com',
  'mailgun.net',
  'postmarkapp.com',
  'sparkpostmail.com',
  'mandrillapp.com',
  'mailchimp.com',
  'fastmail.com',
  'messagingengine.com',
  'gmx.com',
  // Mobile carriers whose servers the engine recognises by host name (server-formats.ts, remote-host-rules.ts).
  'vtext.com',
  'ezweb.ne.jp',
  'au.com',
  'docomo.ne.jp',
  'sophos.com',
  'forcepoint.net',
  'mailcontrol.com',
  'hornetsecurity.com',
  'antispamcloud.com',
  'naver.com',
  'daum.net',
  'hanmail.net',
  '163.com',
  '126.com',
  'sina.com',
  'libero.it',
  'sfr.fr',
  'bluewin.ch',
  'btinternet.com',
  'earthlink.net',
  'ovh.net',
  'strato.de',
  'aruba.it',
  'zoho.com',
  'zohomail.com',
] as const;

// Generic and common country top-level domains. Two-letter labels are all accepted as country codes.
const TOP_LEVEL = new Set(
  'com net org edu gov mil int info biz name pro mobi asia tel travel jobs coop aero museum cat arpa xyz online site tech app dev email cloud top club shop store live life world today space website host link click page blog news media agency digital solutions services systems network company group global center business consulting email mail local localdomain lan internal intranet corp home invalid test example onion'.split(
    ' ',
  ),
);

export type HostKind = { kind: 'public' } | { kind: 'not-a-host' } | { kind: 'tenant'; customer: string; suffix: string } | { kind: 'private' };

const endsWithDomain = (host: string, domain: string): boolean => host === domain || host.endsWith(`.${domain}`);

/** Classifies a host name found in a bounce; a mail domain (after "@") is a host whatever its last label. */
export function hostKind(host: string, publicHosts: readonly string[], isMailDomain = false): HostKind {
  const lower = host.toLowerCase();
  const last = lower.slice(lower.lastIndexOf('.') + 1);
  if (!isMailDomain && !(last.length === 2 && /^[a-z]+$/.test(last)) && !TOP_LEVEL.has(last) && !/^xn--/.test(last)) return { kind: 'not-a-host' };
  for (const suffix of TENANT_SUFFIXES) {
    if (lower.endsWith(`.${suffix}`)) return { kind: 'tenant', customer: lower.slice(0, -suffix.length - 1), suffix: host.slice(host.length - suffix.length) };
  }
  if (publicHosts.some((known) => endsWithDomain(lower, known)) || PUBLIC_INFRASTRUCTURE.some((known) => endsWithDomain(lower, known))) return { kind: 'public' };
  return { kind: 'private' };
}

// Second-level labels under which a country registry sells names: "example.co.uk", "example.com.au"
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'ac', 'gov', 'edu', 'ne', 'or', 'go', 'gob', 'nic', 'ltd', 'plc', 'me', 'gv', 'mil']);

/** The part of a host name a customer registers: "mx1.mail.example.co.uk" -> "example.co.uk". */
export function registrableDomain(host: string): string {
  const labels = host.split('.');
  const last = labels.at(-1) ?? '';
  const second = labels.at(-2) ?? '';
  const size = labels.length >= 3 && last.length === 2 && SECOND_LEVEL.has(second.toLowerCase()) ? 3 : 2;
  return labels.slice(-size).join('.');
}

// Names the mail provider behind a server host name, so a report can say "Microsoft refused 40" rather
// than listing forty different MX hosts. Host suffixes are public facts (the providers' MX and relay
// domains); any other host is grouped by its registrable domain ("mx1.example.co.uk" -> "example.co.uk").

/** Host suffix -> provider name; the longest matching suffix wins. */
export const HOST_PROVIDERS: Readonly<Record<string, string>> = {
  'google.com': 'Google',
  'googlemail.com': 'Google',
  'gmail.com': 'Google',
  'outlook.com': 'Microsoft',
  'hotmail.com': 'Microsoft',
  'office365.com': 'Microsoft',
  'microsoft.com': 'Microsoft',
  'yahoodns.net': 'Yahoo',
  'yahoo.com': 'Yahoo',
  'aol.com': 'Yahoo',
  'icloud.com': 'Apple iCloud',
  'me.com': 'Apple iCloud',
  'apple.com': 'Apple iCloud',
  'secureserver.net': 'GoDaddy',
  'mimecast.com': 'Mimecast',
  'pphosted.com': 'Proofpoint',
  'ppe-hosted.com': 'Proofpoint',
  'barracudanetworks.com': 'Barracuda',
  'zoho.com': 'Zoho',
  'zoho.eu': 'Zoho',
  'qq.com': 'QQ Mail',
  'yandex.net': 'Yandex',
  'yandex.ru': 'Yandex',
  'mail.ru': 'Mail.ru',
  'orange.fr': 'Orange',
  'laposte.net': 'La Poste',
  'gmx.net': 'United Internet (GMX, WEB.DE)',
  'gmx.com': 'United Internet (GMX, WEB.DE)',
  'web.de': 'United Internet (GMX, WEB.DE)',
  '1and1.com': 'United Internet (GMX, WEB.DE)',
  'ionos.com': 'United Internet (GMX, WEB.DE)',
  'comcast.net': 'Comcast',
  'att.net': 'AT&T',
  'protonmail.ch': 'Proton Mail',
  'emailsrvr.com': 'Rackspace',
  'titan.email': 'Titan',
  'improvmx.com': 'ImprovMX',
  'mxroute.com': 'MXroute',
  't-online.de': 'Telekom (T-Online)',
  'free.fr': 'Free',
  'amazonses.com': 'Amazon SES',
  'messagelabs.com': 'Broadcom (MessageLabs)',
  'fireeyecloud.com': 'Trellix (FireEye)',
  'trendmicro.com': 'Trend Micro',
  'iphmx.com': 'Cisco Secure Email',
};

// Second-level labels under which names are registered: "example.co.uk", "example.com.au"
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'ac', 'gov', 'edu', 'ne', 'or', 'go']);
// "dns; mx.example.com", "mx.example.com [192.0.2.1]", "[192.0.2.1]": the host name, if any
const HOST_NAME = /^(?:dns;\s*)?\[?([a-z0-9.-]+?)\.?\]?(?:\s|$|\[|\()/i;
// "192.0.2.1": an IPv4 address, grouped as is
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** The host name in a Remote-MTA or Reporting-MTA value, lower case, or null. */
export function readHostName(value: string | null): string | null {
  if (value === null) return null;
  const host = HOST_NAME.exec(value.trim())?.[1]?.toLowerCase() ?? null;
  return host !== null && host.includes('.') ? host : null;
}

/** The registrable domain of a host name: "mx1.eu.example.co.uk" -> "example.co.uk". */
export function registrableDomain(host: string): string {
  if (IPV4.test(host)) return host;
  const labels = host.split('.').filter(Boolean);
  const keep = labels.length >= 3 && SECOND_LEVEL.has(labels[labels.length - 2] ?? '') && (labels[labels.length - 1] ?? '').length === 2 ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** The provider name for a host ("gmail-smtp-in.l.google.com" -> "Google"), else its registrable domain. */
export function nameProvider(host: string): string {
  const labels = host.toLowerCase().split('.');
  for (let start = 0; start < labels.length - 1; start += 1) {
    const name = HOST_PROVIDERS[labels.slice(start).join('.')];
    if (name !== undefined) return name;
  }
  return registrableDomain(host.toLowerCase());
}

// Redaction for share links: replaces email addresses, IP addresses and host names with stable
// placeholders (the same value always gets the same placeholder), so a link can go into a ticket
// without the customer's addresses. Codes, tags and public host names (providers, blocklists, help
// sites) are kept, so the diagnosis of the redacted text is the same. Placeholders use the ranges
// reserved for documentation: example.com / example.net (RFC 2606), 192.0.2.0/24 (RFC 5737), 2001:db8:: (RFC 3849).

/** An email address, e.g. "jane.doe@mail.example.org". */
const EMAIL = /[A-Za-z0-9._%+=-]{1,64}@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,10}[A-Za-z]{2,24})\b/g;
/** An IPv4 address, e.g. "203.0.113.7" (not a longer dotted run such as a version "1.2.3.4.5"). */
const IPV4 = /(?<![\d.])(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?![\d.]*\d)/g;
/** An IPv6 candidate, e.g. "2a00:1450:4864:20::42b"; kept only with "::" or six groups, so "10:22:33" is a time. */
const IPV6 = /(?<![\w:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])/gi;
/** A host name with a letter-only top-level domain, e.g. "mx1.mail.example.org". */
const HOST = /(?<![\w.@-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,10}[A-Za-z]{2,24}(?![\w-]|\.[A-Za-z0-9])/g;

export type RedactOptions = { publicHosts: readonly string[] };

export function redactText(text: string, options: RedactOptions): string {
  const publicHosts = options.publicHosts.map((host) => host.toLowerCase());
  const isPublic = (host: string): boolean => {
    const lower = host.toLowerCase();
    return publicHosts.some((known) => lower === known || lower.endsWith(`.${known}`));
  };
  const placeholders = new Map<string, string>();
  const counters = { user: 0, domain: 0, host: 0, ip4: 0, ip6: 0 };
  const stable = (kind: keyof typeof counters, value: string, make: (n: number) => string): string => {
    const key = `${kind}:${value.toLowerCase()}`;
    let placeholder = placeholders.get(key);
    if (!placeholder) {
      counters[kind] += 1;
      placeholder = make(counters[kind]);
      placeholders.set(key, placeholder);
    }
    return placeholder;
  };
  const hostPlaceholder = (host: string): string =>
    isPublic(host) ? host : stable('host', host, (n) => `host${String(n)}.example.net`);

  return text
    .replace(EMAIL, (address, domain: string) => {
      const local = address.slice(0, address.length - domain.length - 1);
      const user = stable('user', local, (n) => `user${String(n)}`);
      return `${user}@${isPublic(domain) ? domain : stable('domain', domain, (n) => `domain${String(n)}.example.com`)}`;
    })
    .replace(IPV4, (ip) => stable('ip4', ip, (n) => `192.0.2.${String(n % 254 || 254)}`))
    .replace(IPV6, (ip) => (ip.includes('::') || ip.split(':').length >= 6 ? stable('ip6', ip, (n) => `2001:db8::${n.toString(16)}`) : ip))
    .replace(HOST, (host) => (/^(?:user\d+|domain\d+\.example\.com|host\d+\.example\.net)$/.test(host) || /\.example\.(?:com|net)$/.test(host) ? host : hostPlaceholder(host)));
}

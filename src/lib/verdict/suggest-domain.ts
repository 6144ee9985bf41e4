// "Did you mean gmail.com?": a domain one or two typing slips away from a widely used mail domain is
// most likely that domain mistyped. Only near misses count: a real but unrelated domain (gmx.com) is
// never "corrected", and an exact common domain needs no suggestion.

/** Mail domains common enough that a near miss of one is almost surely a typo. */
export const COMMON_MAIL_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.co.uk',
  'yahoo.fr',
  'ymail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'hotmail.fr',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  't-online.de',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'yandex.ru',
  'mail.ru',
  'qq.com',
  '163.com',
  'comcast.net',
  'att.net',
  'verizon.net',
  'cox.net',
  'sbcglobal.net',
  'zoho.com',
] as const;

/** Optimal string alignment distance: insertions, deletions, substitutions and swapped neighbours each cost 1. */
export function countEdits(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, ((rows[i - 2] as number[])[j - 2] ?? 0) + 1);
      row[j] = best;
    }
  }
  return (rows[a.length] as number[])[b.length] ?? 0;
}

/** The common mail domain `domain` is probably a typo of, or null. */
export function suggestDomain(domain: string): string | null {
  const typed = domain.trim().toLowerCase().replace(/\.$/, '');
  if (typed.length < 4 || typed.length > 40 || (COMMON_MAIL_DOMAINS as readonly string[]).includes(typed)) return null;
  let best: string | null = null;
  let bestEdits = Infinity;
  for (const candidate of COMMON_MAIL_DOMAINS) {
    // Short domains allow one slip; longer ones two. The top-level part must be typed almost right.
    const allowed = candidate.length <= 7 ? 1 : 2;
    const edits = countEdits(typed, candidate);
    if (edits <= allowed && edits < bestEdits) [best, bestEdits] = [candidate, edits];
  }
  return best;
}

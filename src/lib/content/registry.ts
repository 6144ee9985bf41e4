// Reads the code registries (RFC 5321 reply codes, the IANA enhanced status code registry) from CSV,
// and names code pages: "550", "5.7.1", classes "5.x.x" and subjects "x.7.x" (RFC 3463 section 3).

export type RegistryRow = { code: string; title: string; reference: string };

/** Parses the registry CSV format: a header line, then `code,title,reference` with "quoted, fields". */
export function parseRegistryCsv(source: string): RegistryRow[] {
  const rows: RegistryRow[] = [];
  for (const line of source.split(/\r?\n/).slice(1)) {
    if (!line.trim()) continue;
    const fields: string[] = [];
    // One CSV field: "quoted, with commas" or plain, e.g. `"System status, or help",RFC 5321`.
    for (const m of line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)) {
      if (m.index === line.length && fields.length > 0) break;
      const raw = m[1] ?? '';
      fields.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    }
    const [code = '', title = '', reference = ''] = fields;
    rows.push({ code, title, reference });
  }
  return rows;
}

/** "2.XXX.YYY" is the class 2 page "2.x.x"; "X.7.YYY" the subject page "x.7.x"; "X.7.1" the detail "x.7.1". */
export function registryCodeToPageKey(code: string): string {
  return code.toLowerCase().replace('xxx', 'x').replace('yyy', 'x');
}

export type CodeKind = 'reply' | 'enhanced' | 'class' | 'subject';

/** Classifies a code page id: "550" reply, "5.7.1" enhanced, "5.x.x" class, "x.7.x" subject. */
export function codeKind(code: string): CodeKind {
  if (/^\d{3}$/.test(code)) return 'reply';
  if (/^\d\.x\.x$/.test(code)) return 'class';
  if (/^x\.\d+\.x$/.test(code)) return 'subject';
  return 'enhanced';
}

/** The registry key of an enhanced code: "5.7.1" -> "x.7.1"; a range "5.7.606-649" -> "x.7.606-649". */
export function detailKey(code: string): string {
  return `x${code.slice(code.indexOf('.'))}`;
}

/** The subject key of an enhanced code: "5.7.1" -> "x.7.x". */
export function subjectKey(code: string): string {
  return `x.${code.split('.')[1] ?? '0'}.x`;
}

/** The class key of any code: "550" or "5.7.1" -> "5.x.x". */
export function classKey(code: string): string {
  return `${code[0] ?? '5'}.x.x`;
}

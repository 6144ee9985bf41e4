// The paste box's data as /data/diagnosis.json stores it. Every entry is keyed by its id and every code by
// itself, and a page's address follows from that key (urls.ts), so the file leaves the id and the address
// out and the reader puts them back: about 50 KB less on every first visit, which downloads this file.
import type { DiagnosisCode, DiagnosisData, DiagnosisEntry } from './build.ts';
import { codeUrl, entryUrl } from './urls.ts';

export type StoredDiagnosisData = Omit<DiagnosisData, 'entries' | 'codes'> & {
  entries: Record<string, Omit<DiagnosisEntry, 'id' | 'url'>>;
  codes: Record<string, Omit<DiagnosisCode, 'url'>>;
};

/** The stored form; throws, naming the entry or code, when its id or address is not the one its key gives. */
export function packDiagnosisData(data: DiagnosisData): StoredDiagnosisData {
  const entries = Object.entries(data.entries).map(([key, { id, url, ...rest }]) => {
    if (id !== key || url !== entryUrl(key)) throw new Error(`diagnosis data: entry "${key}" has id "${id}" and url "${url}"; the stored form needs id "${key}" and url "${entryUrl(key)}"`);
    return [key, rest] as const;
  });
  const codes = Object.entries(data.codes).map(([key, { url, ...rest }]) => {
    if (url !== codeUrl(key)) throw new Error(`diagnosis data: code "${key}" has url "${url}"; the stored form needs "${codeUrl(key)}"`);
    return [key, rest] as const;
  });
  return { ...data, entries: Object.fromEntries(entries), codes: Object.fromEntries(codes) };
}

/** The data as the page uses it, each entry and code with its id and address again. */
export function unpackDiagnosisData(stored: StoredDiagnosisData): DiagnosisData {
  const entries = Object.entries(stored.entries).map(([key, entry]) => [key, { id: key, url: entryUrl(key), ...entry }] as const);
  const codes = Object.entries(stored.codes).map(([key, code]) => [key, { url: codeUrl(key), ...code }] as const);
  return { ...stored, entries: Object.fromEntries(entries), codes: Object.fromEntries(codes) };
}

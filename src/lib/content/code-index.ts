// Which code pages exist and what the registries call them: every registered reply code, every 4.y.z and
// 5.y.z of the enhanced registry (RFC 3463 section 3), the classes and subjects, and every code an entry
// carries. Derived once and shared by the rules (a note must name a known code) and the page derivation.
import { codeKind, detailKey, parseRegistryCsv, registryCodeToPageKey } from './registry.ts';
import type { ParsedContent } from './parse.ts';

export type Registries = { replyCsv: string; enhancedCsv: string };
export type CodeIndex = { keys: Set<string>; registered: Map<string, { title: string; reference: string }> };

export function indexCodes(registries: Registries, content: ParsedContent): CodeIndex {
  const replyRows = parseRegistryCsv(registries.replyCsv);
  const enhancedRows = parseRegistryCsv(registries.enhancedCsv);
  const registered = new Map<string, { title: string; reference: string }>();
  const keys = new Set<string>();
  for (const row of replyRows) {
    registered.set(row.code, { title: row.title, reference: row.reference });
    keys.add(row.code);
  }
  for (const row of enhancedRows) {
    const key = registryCodeToPageKey(row.code);
    registered.set(key, { title: row.title, reference: row.reference });
    const kind = codeKind(key);
    if (kind === 'class' || kind === 'subject') keys.add(key);
    else {
      keys.add(`4${key.slice(1)}`);
      keys.add(`5${key.slice(1)}`);
    }
  }
  for (const { data } of content.entries) {
    if (data.reply) keys.add(data.reply);
    if (data.enhanced) keys.add(data.enhanced);
  }
  return { keys, registered };
}

/** The registry title of a code page: "550" -> its reply text, "5.7.1" -> the title of X.7.1. */
export function codeTitle(index: CodeIndex, code: string): string {
  const kind = codeKind(code);
  if (kind === 'enhanced') {
    const registry = index.registered.get(detailKey(code));
    return registry ? registry.title || 'No title in the registry' : 'Provider-specific status';
  }
  return index.registered.get(code)?.title ?? (kind === 'reply' ? 'Non-standard reply code' : 'Status');
}

// Temporary or permanent is a fact of the code's first digit (RFC 5321 section 4.2.1: 4yz transient,
// 5yz permanent; RFC 3463: class 4 / 5). Only an entry whose texts carry no code states it.
import type { EntryFrontMatter } from './schema.ts';

/** True when the entry's bounce is permanent; entries with no code fall back to their permanence field. */
export function isPermanent(data: Pick<EntryFrontMatter, 'reply' | 'enhanced' | 'permanence'>): boolean {
  const first = (data.reply ?? data.enhanced)?.[0];
  return first ? first === '5' : data.permanence !== 'temporary';
}

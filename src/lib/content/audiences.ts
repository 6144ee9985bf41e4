// Who has to act, said as a person would: "The sender or the recipient's mail admin".
import { AUDIENCE_LABELS, type Audience } from './vocabulary.ts';

/** "The sender", "The sender or the recipient", "The sender, the recipient or the recipient's mail admin". */
export function listAudiences(audiences: readonly Audience[]): string {
  const words = audiences.map((audience, i) => (i === 0 ? AUDIENCE_LABELS[audience] : AUDIENCE_LABELS[audience].replace(/^The /, 'the ')));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;
}

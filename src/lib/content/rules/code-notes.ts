// A code note (content/codes/<code>.md) must name a code that has a page: a registered code, a class,
// a subject, or a code an entry carries.
import { suggest } from '../suggest.ts';
import type { ContentRule } from './rule.ts';

export const codeNotes: ContentRule = {
  name: 'code-notes',
  check: ({ content, codes }) =>
    [...content.notes.values()].flatMap((note) => {
      const key = note.code;
      const known = codes.keys.has(key) || codes.registered.has(key) || codes.keys.has(`5${key.slice(1)}`);
      return known ? [] : [`${note.path}: file name: no code "${key}" in the registries or the catalogue${suggest(key, codes.registered.keys())}`];
    }),
};

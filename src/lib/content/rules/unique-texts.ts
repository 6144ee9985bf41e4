// Two entries may never claim the same literal text: the engine would have two answers for one bounce.
// Case and runs of white space do not make a text different.
import type { ContentRule } from './rule.ts';

/** "550  5.1.1 User Unknown" -> "550 5.1.1 user unknown". */
export const normaliseText = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

export const uniqueTexts: ContentRule = {
  name: 'unique-texts',
  check: ({ content }) => {
    const owners = new Map<string, string>();
    const problems: string[] = [];
    for (const { path, data } of content.entries) {
      data.texts.forEach((text, i) => {
        const key = normaliseText(text);
        const owner = owners.get(key);
        if (owner && owner !== path) problems.push(`${path}: texts[${i}]: the same literal text is already claimed by ${owner}`);
        else owners.set(key, path);
      });
    }
    return problems;
  },
};

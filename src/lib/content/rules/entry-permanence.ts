// Temporary or permanent is derived from the code's first digit (RFC 5321 section 4.2.1, RFC 3463), so an
// entry with a code must not state it, one without a code must, and the reply and enhanced classes agree.
import type { ContentRule } from './rule.ts';

export const entryPermanence: ContentRule = {
  name: 'entry-permanence',
  check: ({ content }) =>
    content.entries.flatMap(({ path, data }) => {
      const classes = [data.reply, data.enhanced].filter((code): code is string => Boolean(code)).map((code) => code[0]);
      if (classes.length === 0) {
        return data.permanence ? [] : [`${path}: permanence: an entry with no reply or enhanced code must say temporary or permanent`];
      }
      const problems: string[] = [];
      if (data.permanence) problems.push(`${path}: permanence: derived from the code; remove this field`);
      if (classes.length === 2 && classes[0] !== classes[1]) {
        problems.push(`${path}: enhanced: class ${classes[1] ?? ''} does not agree with reply code ${data.reply ?? ''}`);
      }
      return problems;
    }),
};

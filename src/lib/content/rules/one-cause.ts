// One literal text has one cause: the same server message, once codes, addresses, hosts, numbers and
// <placeholders> are set aside (a bracketed tag such as [CS01] or (IP based) still tells messages apart), may not carry two reasons in the catalogue. Otherwise the engine
// and the pages would tell two people with the same bounce two different stories.
import type { ContentRule } from './rule.ts';

/** The parts of a bounce text that vary between copies of one message, each with an example. */
const VARIABLE_PARTS: RegExp[] = [
  /https?:\/\/\S+/g, // https://postmaster.yahooinc.com/error-codes
  /\S+@\S+/g, // <user@example.com>, user@domain
  /<[^>]*>/g, // <localhost>, <user@domain.com>
  /\b[\w-]+(?:\.[\w-]+)+\b/g, // 5.7.1, 192.0.2.25, mx.example.com
  /\d+/g, // 550, 4.16.55.1 leftovers
];

/** "504 5.5.2 <a@b>: Sender address rejected: need fully-qualified address" -> "sender address rejected need fully qualified address". */
export function messageCore(text: string): string {
  let core = text.toLowerCase();
  for (const pattern of VARIABLE_PARTS) core = core.replace(pattern, ' ');
  return core.replace(/[^\p{L}]+/gu, ' ').trim();
}

/** Cores shorter than this many words ("user unknown") are too generic to say the texts are one message. */
const MIN_WORDS = 3;

export const oneCause: ContentRule = {
  name: 'one-cause',
  check: ({ content }) => {
    const first = new Map<string, { path: string; reason: string }>();
    const problems: string[] = [];
    for (const { path, data } of content.entries) {
      data.texts.forEach((text, i) => {
        const core = messageCore(text);
        if (core.split(' ').length < MIN_WORDS) return;
        const owner = first.get(core);
        if (!owner) first.set(core, { path, reason: data.reason });
        else if (owner.reason !== data.reason) {
          problems.push(`${path}: texts[${i}]: the same message has reason ${data.reason} here and ${owner.reason} in ${owner.path}; one message has one cause`);
        }
      });
    }
    return problems;
  },
};

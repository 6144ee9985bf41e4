// Guards the memo of recent phrase scans in classify-bounce.ts: a paste with no code lines is read as
// the server's reply, as the context and as the text tested for a strong wording, and is scanned once.
// Read from the memo or afresh, in any order, a text must give the same wordings and the same verdict.
import { describe, expect, it } from 'vitest';
import { classifyBounce, findPhraseReason } from '../../../src/lib/bounce/classify-bounce.ts';
import { DEFAULT_LEXICON, findPhrases, normalizeText } from '../../../src/lib/bounce/reason-lexicon.ts';

const TEXTS = [
  '550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in virtual mailbox table',
  'Mailbox full, try again later',
  'The message was rejected because it contains prohibited virus or spam content',
  'Your message could not be delivered: the domain name does not exist',
  'Hello, thanks for your letter. See you tomorrow.',
  'Delivery to the following recipients failed. Host not found, try again',
];

function evidence(text: string) {
  return { diagnostic: text, context: text, status: null, replyCode: null, command: null, action: null };
}

// The strongest project wording, read without the memo.
function strongestAfresh(text: string) {
  const hits = findPhrases(normalizeText(text), DEFAULT_LEXICON).filter((hit) => hit.source === 'project');
  return hits.find((hit) => hit.strength === 'strong') ?? hits[0] ?? null;
}

describe('phrase scans remembered across the reply, the context and the strong-wording test', () => {
  it('gives the same wording for a text whether it was just read or not', () => {
    for (const text of TEXTS) {
      const cold = findPhraseReason(text);
      const warm = findPhraseReason(text);
      expect(warm).toEqual(cold);
      expect(cold).toEqual(strongestAfresh(text));
    }
  });

  it('classifies a text read as reply and context alike, in any order of texts', () => {
    const fresh = TEXTS.map((text) => classifyBounce(evidence(text)));
    const reordered = [...TEXTS].reverse().map((text) => classifyBounce(evidence(text))).reverse();
    const twice = TEXTS.map((text) => {
      classifyBounce(evidence(text));
      return classifyBounce(evidence(text));
    });
    expect(reordered).toEqual(fresh);
    expect(twice).toEqual(fresh);
    expect(fresh.filter((c) => c.signals.some((s) => s.region === 'diagnostic')).length).toBeGreaterThan(3);
  });
});

// Guards the memo of recent phrase scans in classify-bounce.ts: a paste with no code lines is read as
// the server's reply, as the context and as the text tested for a strong wording, and is scanned once.
// Read from the memo or afresh, in any order, a text must give the same wordings and the same verdict.
// The provider verdict of a report's body and delivery-status part, shared by its recipients, is
// remembered the same way.
import { describe, expect, it } from 'vitest';
import { classifyBounce, collectSignals, findPhraseReason } from '../../../src/lib/bounce/classify-bounce.ts';
import { findProviderVerdict } from '../../../src/lib/bounce/provider-verdicts.ts';
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

describe('provider verdicts remembered across the recipients of one report', () => {
  const REPLIES = ['550 5.1.1 RCP-P2 http://postmaster.facebook.com/response_codes', '550 5.7.1 Client host blocked for spamming issues. OFR006_102', 'user unknown', ''];
  const BODIES = ['Your message to <a@example.org> was automatically rejected:\nNot enough disk space', 'Delivery failed for several recipients.', ''];
  const REPORTS = ['Final-Recipient: rfc822; a@example.org\nX-PowerMTA-BounceCategory: bad-mailbox', 'Final-Recipient: rfc822; b@example.org', ''];
  const cases = REPLIES.flatMap((diagnostic) => BODIES.flatMap((context) => REPORTS.map((report) => ({ diagnostic, context, report, status: null, replyCode: null, command: null, action: null }))));

  it('gives each recipient the verdict a fresh search of its texts gives, in any order', () => {
    const fresh = cases.map((evidence) => classifyBounce(evidence));
    const reordered = [...cases].reverse().map((evidence) => classifyBounce(evidence)).reverse();
    expect(reordered).toEqual(fresh);
    cases.forEach((evidence, n) => {
      const expected = findProviderVerdict(evidence.diagnostic) ?? findProviderVerdict(evidence.context) ?? findProviderVerdict(evidence.report);
      const signal = collectSignals(evidence).find((s) => s.signal === 'provider');
      expect(signal?.text ?? null, JSON.stringify(evidence)).toEqual(expected?.text ?? null);
      expect(fresh[n]).toEqual(classifyBounce(evidence));
    });
    expect(fresh.filter((c) => c.signals[0]?.signal === 'provider').length).toBeGreaterThan(10);
  });
});

// The scored diagnosis: the weights table keeps the evidence hierarchy (a provider's own code, then a
// specific status code, then the remote server's own words, then the rest of the bounce), a success
// code (2.x.x, RFC 3463 section 3.1) never names a failure, and every deciding signal that is a span
// points at the words it quotes, so the page can show them.
import { describe, expect, it } from 'vitest';
import { classifyBounce, collectSignals } from '../../../src/lib/bounce/classify-bounce.ts';
import type { BounceEvidence } from '../../../src/lib/bounce/classify-bounce.ts';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';
import { compileLexicon, LEXICON_TERMS, normalizeText } from '../../../src/lib/bounce/reason-lexicon.ts';
import { SIGNAL_WEIGHTS } from '../../../src/lib/bounce/reason-weights.ts';
import { loadCatalogue } from '../../fixtures/load-catalogue.ts';

const evidence = (diagnostic: string, extra: Partial<BounceEvidence> = {}): BounceEvidence => ({ diagnostic, context: '', status: null, replyCode: null, command: null, action: null, ...extra });

describe('SIGNAL_WEIGHTS', () => {
  it('ranks a provider code over a specific status over the reply over the rest of the text', () => {
    const w = SIGNAL_WEIGHTS;
    expect(w.providerInReply).toBeGreaterThan(w.strongStatus);
    expect(w.strongStatus).toBeGreaterThan(w.strongPhraseInReply);
    expect(w.strongPhraseInReply).toBeGreaterThan(w.sisimaiInReply);
    expect(w.sisimaiInReply).toBeGreaterThan(w.weakPhraseInReply);
    expect(w.weakPhraseInReply).toBeGreaterThan(w.strongPhraseInText);
    expect(w.strongPhraseInText).toBeGreaterThan(w.weakPhraseInText);
    expect(w.weakStatus).toBeLessThan(w.weakPhraseInText);
  });
});

describe('classifyBounce', () => {
  it('takes the remote reply over a different cause named elsewhere in the bounce', () => {
    const result = classifyBounce(evidence('550 IP address blacklisted by recipient', { context: '550 5.1.1 <other@example.org>... User unknown', replyCode: '550' }));
    expect(result.reason).toBe('blocked');
    expect(result.signals[0]?.signal).toMatch(/reply/);
  });

  it('never reads a failure reason from a success code', () => {
    const signals = collectSignals(evidence('250 2.1.1 recipient ok', { status: '2.1.1' }));
    expect(signals.some((signal) => signal.signal === 'enhanced-code')).toBe(false);
  });

  it('lets a specific status code outrank a generic wording', () => {
    expect(classifyBounce(evidence('550 5.2.2 rejected', { status: '5.2.2' })).reason).toBe('mailboxfull');
  });
});

describe('the lexicon', () => {
  it('maps normalised matches back to offsets in the original text', () => {
    const text = '550-5.1.1 The email account that you tried\n550-5.1.1 to reach does not exist.';
    const normalized = normalizeText(text);
    const at = normalized.text.indexOf('tried to reach');
    expect(text.slice(normalized.offsets[at], (normalized.offsets[at + 'tried to reach'.length - 1] ?? 0) + 1)).toBe('tried\n550-5.1.1 to reach');
  });

  it('compiles without some terms for validation', () => {
    const without = compileLexicon(LEXICON_TERMS.filter((term) => term.reason !== 'mailboxfull'));
    expect(classifyBounce(evidence('552 Mailbox full', { lexicon: without })).reason).not.toBe('mailboxfull');
    expect(classifyBounce(evidence('552 Mailbox full')).reason).toBe('mailboxfull');
  });
});

describe('diagnoseBounce evidence', () => {
  it('points each spanned signal at the words it quotes', async () => {
    const email = [
      'From: MAILER-DAEMON@mail.example.net',
      'Subject: Undelivered Mail Returned to Sender',
      '',
      '<someone@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1',
      '    <someone@example.org>: Recipient address rejected: User unknown in local',
      '    recipient table (in reply to RCPT TO command)',
    ].join('\n');
    const diagnosis = await diagnoseBounce(email, loadCatalogue());
    expect(diagnosis.reason).toBe('userunknown');
    const text = diagnosis.text ?? email;
    const spanned = diagnosis.evidence.filter((e) => e.start !== null && e.end !== null);
    expect(spanned.length).toBeGreaterThan(0);
    for (const e of spanned) expect(text.slice(e.start ?? 0, e.end ?? 0)).toBe(e.text);
    expect(diagnosis.evidence[0]?.weight).toBe(Math.max(...diagnosis.evidence.map((e) => e.weight)));
  });
});

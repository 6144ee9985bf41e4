// The verdict decision: the best catalogue entry decides when it matches with confidence (score 0.8 or
// more), else the engine's reason with its own guide; the headline's family always equals the deciding
// entry's; several recipients failing one way are one verdict, another reason is another verdict.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';
import type { Diagnosis, RecipientResult } from '../../../src/lib/bounce/types.ts';
import { readReasonGuides, type ReasonGuides } from '../../../src/lib/content/reason-guides.ts';
import { REASON_FAMILY } from '../../../src/lib/content/vocabulary.ts';
import { decideVerdict, decideVerdicts, explainEvidence, type VerdictEntry } from '../../../src/lib/verdict/decide-verdict.ts';
import { readVerdicts } from '../../../src/lib/verdict/read-verdicts.ts';
import { loadCatalogue } from '../../fixtures/load-catalogue.ts';

const dir = path.resolve('content/reasons');
const { guides: loaded } = readReasonGuides(readdirSync(dir).map((name) => ({ path: `content/reasons/${name}`, source: readFileSync(path.join(dir, name), 'utf8') })));
const guides = loaded as ReasonGuides;

const ENTRY: VerdictEntry = {
  id: 'microsoft365/5-7-708',
  url: '/bounces/microsoft365/5-7-708',
  title: 'Access denied, traffic not accepted from this IP (5.7.708)',
  summary: 'Microsoft refuses to send mail from this tenant because of its reputation.',
  reason: 'badreputation',
  permanent: true,
  actors: ['sender-admin'],
  steps: [{ audience: 'sender-admin', html: ['Ask Microsoft to review the tenant.'] }],
};
const catalogue = { [ENTRY.id]: ENTRY };

function diagnosis(overrides: Partial<Diagnosis>): Diagnosis {
  return {
    kind: 'bounce',
    reason: 'filtered',
    reasonLabel: '',
    permanent: true,
    replyCode: '550',
    enhancedCode: '5.7.708',
    codes: [],
    matches: [],
    recipients: [],
    reportingMta: null,
    generatingHost: null,
    generatedBy: null,
    origin: 'recipient-side',
    actors: ['recipient', 'recipient-admin'],
    audience: 'recipient',
    evidence: [{ signal: 'enhanced-code', reason: 'filtered', weight: 1, text: '5.7.708', start: 4, end: 11 }],
    ...overrides,
  };
}

const recipient = (address: string, reason: RecipientResult['reason'], enhancedCode: string): RecipientResult => ({
  address,
  originalRecipient: null,
  action: 'failed',
  status: enhancedCode,
  remoteMta: null,
  diagnosticCode: null,
  lastAttemptDate: null,
  reason,
  permanent: true,
  replyCode: '550',
  enhancedCode,
});

describe('decideVerdict', () => {
  it('lets a confident best entry decide the cause, who acts and the steps', () => {
    const verdict = decideVerdict(diagnosis({ matches: [{ id: ENTRY.id, score: 0.86 }] }), catalogue, guides);
    expect(verdict.reason).toBe('badreputation');
    expect(verdict.family).toBe(REASON_FAMILY.badreputation);
    expect(verdict.headline).toBe(guides.badreputation.headline);
    expect(verdict.actors).toEqual(['sender-admin']);
    expect(verdict.steps['sender-admin']).toEqual({ html: ['Ask Microsoft to review the tenant.'], source: 'entry' });
    expect(verdict.steps.sender.source).toBe('guide');
    expect(verdict.confidence).toBe('close match');
    expect(verdict.entry?.id).toBe(ENTRY.id);
  });

  it('says "exact match" only for a word-for-word match', () => {
    expect(decideVerdict(diagnosis({ matches: [{ id: ENTRY.id, score: 1 }] }), catalogue, guides).confidence).toBe('exact match');
  });

  it("falls back to the engine's reason and its guide below a score of 0.8", () => {
    const verdict = decideVerdict(diagnosis({ matches: [{ id: ENTRY.id, score: 0.79 }] }), catalogue, guides);
    expect(verdict.reason).toBe('filtered');
    expect(verdict.entry).toBeNull();
    expect(verdict.confidence).toBe('inferred from the codes');
    expect(verdict.steps.sender).toEqual({ html: guides.filtered.steps.sender, source: 'guide' });
    expect(verdict.actors).toEqual(['recipient', 'recipient-admin']);
  });

  it('gives every role steps even with no catalogue match at all', () => {
    const verdict = decideVerdict(diagnosis({ reason: 'systemfull', matches: [] }), {}, guides);
    for (const role of ['sender', 'sender-admin', 'recipient', 'recipient-admin'] as const) expect(verdict.steps[role].html.length).toBeGreaterThan(0);
  });

  it('reads the code evidence as one reply and uses the codes when evidence is thin', () => {
    const verdict = decideVerdict(diagnosis({ reason: 'userunknown', enhancedCode: '5.1.1', evidence: [{ signal: 'enhanced-code', reason: 'userunknown', weight: 1, text: '5.1.1', start: 4, end: 9 }] }), {}, guides);
    expect(verdict.why).toEqual(["550 5.1.1 in the remote server's reply"]);
    expect(explainEvidence([], 'address', { replyCode: '421', enhancedCode: null }, 'sender-provider')).toEqual(["421 in your provider's reply"]);
  });

  it('names a catalogue signal by its entry title, and leaves it out when that entry decides', () => {
    const near = { signal: 'catalogue', reason: ENTRY.reason, weight: 0.1, text: ENTRY.id, start: null, end: null };
    const weak = decideVerdict(diagnosis({ reason: ENTRY.reason, evidence: [near], matches: [{ id: ENTRY.id, score: 0.6 }] }), catalogue, guides);
    expect(weak.why).toContain(`its likeness to the catalogue entry “${ENTRY.title}”`);
    const decided = decideVerdict(diagnosis({ reason: ENTRY.reason, evidence: [near], matches: [{ id: ENTRY.id, score: 1 }] }), catalogue, guides);
    expect(decided.why.some((line) => line.includes('likeness'))).toBe(false);
  });

  it('leaves out evidence that points to a cause of another family', () => {
    const lines = explainEvidence(
      [
        { signal: 'phrase', reason: 'spamdetected', weight: 2, text: 'spam', start: 0, end: 4 },
        { signal: 'phrase', reason: 'userunknown', weight: 1, text: 'no such user', start: 5, end: 17 },
      ],
      'address',
      { replyCode: null, enhancedCode: null },
      'unknown',
    );
    expect(lines).toEqual(['the words “no such user”']);
  });

  it('calls an automatic reply delivered, with no permanence and nobody to act', () => {
    const verdict = decideVerdict(diagnosis({ kind: 'vacation', reason: 'vacation', permanent: null, actors: [], matches: [{ id: ENTRY.id, score: 1 }] }), catalogue, guides);
    expect(verdict.headline).toMatch(/delivered/i);
    expect(verdict.notBounce).toBe(true);
    expect(verdict.permanence).toBe('unknown');
    expect(verdict.entry).toBeNull();
  });
});

describe('decideVerdicts', () => {
  it('makes one verdict for recipients failing the same way, with each address', () => {
    const verdicts = decideVerdicts(
      diagnosis({ reason: 'userunknown', recipients: [recipient('a@example.org', 'userunknown', '5.1.1'), recipient('b@example.org', 'userunknown', '5.1.1')] }),
      {},
      guides,
    );
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0]?.recipients).toEqual(['a@example.org', 'b@example.org']);
  });

  it("makes another verdict for a recipient failing for another reason, with that reason's codes", () => {
    const verdicts = decideVerdicts(
      diagnosis({ reason: 'userunknown', recipients: [recipient('a@example.org', 'userunknown', '5.1.1'), recipient('c@example.net', 'mailboxfull', '5.2.2')] }),
      {},
      guides,
    );
    expect(verdicts.map((verdict) => verdict.reason)).toEqual(['userunknown', 'mailboxfull']);
    expect(verdicts[1]?.recipients).toEqual(['c@example.net']);
    expect(verdicts[1]?.enhancedCode).toBe('5.2.2');
  });

  it('makes no verdict for text with no bounce in it', () => {
    expect(decideVerdicts(diagnosis({ kind: 'unknown', reason: 'undefined' }), {}, guides)).toEqual([]);
  });
});

describe('verdicts over the real-bounce corpus', () => {
  // The headline's family equals the best entry's whenever that entry matches with 0.8 or more.
  it('never names a cause of another family than a confident best entry', async () => {
    const match = loadCatalogue();
    const entries: Record<string, VerdictEntry> = Object.fromEntries(
      match.map((entry) => [entry.id, { id: entry.id, url: '', title: entry.id, summary: '', reason: entry.reason, permanent: true, actors: ['sender'], steps: [] }]),
    );
    const root = path.resolve('../shared/bounces');
    const files = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((item) => item.isFile() && /\.(eml|txt)$/i.test(item.name))
      .slice(0, 150);
    expect(files.length).toBeGreaterThan(0);
    let confident = 0;
    for (const file of files) {
      const result = await diagnoseBounce(readFileSync(path.join(file.parentPath, file.name), 'utf8'), match);
      const best = result.matches[0];
      for (const verdict of decideVerdicts(result, entries, guides).slice(0, 1)) {
        if (!best || best.score < 0.8 || verdict.notBounce) continue;
        confident++;
        expect(verdict.family, file.name).toBe(REASON_FAMILY[entries[best.id]?.reason ?? 'undefined']);
      }
    }
    expect(confident).toBeGreaterThan(0);
  });
});

describe('readVerdicts', () => {
  const gmail = `Address not found
Your message wasn't delivered to bob@gmial.com because the domain gmial.com couldn't be found.
DNS Error: DNS type 'mx' lookup of gmial.com responded with code NXDOMAIN Domain name not found: gmial.com`;

  it('reads an NXDOMAIN notice as a domain that does not exist, with a "did you mean"', () => {
    const reading = readVerdicts(gmail, diagnosis({ reason: 'networkerror', permanent: null, replyCode: null, enhancedCode: null, evidence: [] }), {}, guides);
    expect(reading.verdicts[0]?.reason).toBe('hostunknown');
    expect(reading.verdicts[0]?.why).toEqual(['the DNS answer: no such domain (NXDOMAIN) for gmial.com']);
    expect(reading.verdicts[0]?.confidence).toBe('inferred from the text');
    expect(reading.mistyped).toEqual([{ domain: 'gmial.com', suggestion: 'gmail.com' }]);
  });

  it('keeps a confident entry over the notice', () => {
    const reading = readVerdicts(`${gmail}\n550 5.7.708`, diagnosis({ matches: [{ id: ENTRY.id, score: 0.9 }] }), catalogue, guides);
    expect(reading.verdicts[0]?.reason).toBe('badreputation');
  });

  it('sends a question to search instead of giving a verdict', () => {
    const reading = readVerdicts('what does 550 mean', diagnosis({}), {}, guides);
    expect(reading.question).toBe(true);
    expect(reading.verdicts).toEqual([]);
  });
});

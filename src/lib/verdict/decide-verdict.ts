// One verdict per failure, from one decision: the best catalogue entry decides when it matches with
// confidence; otherwise the engine's reason decides, with that reason's own guide. Everything the
// verdict card shows (headline, cause, permanence, who acts, steps, how sure, why) comes from here, so
// the headline can never contradict the entry shown beneath it. Pure: no React, no DOM.
import { actorsFor } from '../bounce/reason-actors.ts';
import type { BounceOrigin, Diagnosis, Evidence, RecipientResult } from '../bounce/types.ts';
import type { ReasonGuides } from '../content/reason-guides.ts';
import { AUDIENCES, REASON_FAMILY, type Audience, type Reason, type ReasonFamily } from '../content/vocabulary.ts';

/** The catalogue data the decision needs about an entry (a subset of the page's diagnosis data). */
export type VerdictEntry = {
  id: string;
  url: string;
  title: string;
  summary: string;
  reason: Reason;
  permanent: boolean;
  actors: Audience[];
  steps: { audience: Audience; html: string[] }[];
};

/** A match at or above this score decides the verdict; below it the engine's reason does. */
export const CONFIDENT_MATCH = 0.8;
/** Scores are rounded to three decimals: 1 means the text matched word for word. */
const EXACT_MATCH = 0.999;
/** At most this many reasons are given under "why". */
const WHY_LIMIT = 3;

/** How sure the verdict is; "inferred from the text" when no entry decided and the text holds no code either. */
export type Confidence = 'exact match' | 'close match' | 'inferred from the codes' | 'inferred from the text';
export type Permanence = 'temporary' | 'permanent' | 'unknown';
export type StepSource = 'entry' | 'guide';

export type Verdict = {
  headline: string;
  /** The decided entry's one-sentence summary (plain text), when an entry decided. */
  summary: string | null;
  /** The reason guide's explanation (inline HTML from our own content). */
  explanationHtml: string;
  reason: Reason;
  family: ReasonFamily;
  permanence: Permanence;
  actors: Audience[];
  origin: BounceOrigin;
  generatingHost: string | null;
  steps: Record<Audience, { html: string[]; source: StepSource }>;
  confidence: Confidence;
  entry: VerdictEntry | null;
  why: string[];
  /** The failed recipients this verdict covers (empty when the text names none). */
  recipients: string[];
  replyCode: string | null;
  enhancedCode: string | null;
  notBounce: boolean;
};

type Catalogue = Readonly<Record<string, VerdictEntry | undefined>>;

// How each kind of evidence reads in a sentence; `where` is "the remote server's reply" or "your provider's reply".
const SIGNAL_WORDS: Record<string, (text: string, where: string) => string> = {
  'remote-reply': (text, where) => `“${text}” in ${where}`,
  'diagnostic-code': (text, where) => `“${text}” in ${where}`,
  'reply-code': (text, where) => `${text} in ${where}`,
  'enhanced-code': (text, where) => `${text} in ${where}`,
  status: (text) => `Status ${text} in the delivery report`,
  action: (text) => `the delivery report's “Action: ${text}”`,
  command: (text) => `refused at the ${text} step of the mail conversation`,
  provider: (text) => `“${text}”, a message this provider is known to send`,
  catalogue: (text) => `its likeness to the catalogue entry “${text}”`,
  phrase: (text) => `the words “${text}”`,
  boilerplate: (text) => `the mail system's wording “${text}”`,
};

const clip = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 90 ? `${flat.slice(0, 87)}…` : flat;
};

const WHERE: Record<BounceOrigin, string> = {
  'recipient-side': "the remote server's reply",
  'sender-provider': "your provider's reply",
  unknown: "the server's reply",
};

/** Why the verdict says what it says, from the engine's evidence that agrees with it; the codes when evidence is thin. */
export function explainEvidence(evidence: readonly Evidence[], family: ReasonFamily, codes: { replyCode: string | null; enhancedCode: string | null }, origin: BounceOrigin): string[] {
  const where = WHERE[origin];
  const pair = [codes.replyCode, codes.enhancedCode].filter(Boolean).join(' ');
  const said = new Set<string>();
  const lines: string[] = [];
  for (const item of evidence) {
    if (REASON_FAMILY[item.reason] !== family) continue;
    const isCode = item.signal === 'reply-code' || item.signal === 'enhanced-code';
    // "550" and "5.1.1" from one reply read as one piece of evidence: "550 5.1.1 in the remote server's reply".
    const text = isCode && pair.includes(item.text) ? pair : clip(item.text);
    const words = (SIGNAL_WORDS[item.signal] ?? ((t: string) => `“${t}”`))(text, where);
    if (said.has(words)) continue;
    said.add(words);
    lines.push(words);
    if (lines.length === WHY_LIMIT) break;
  }
  if (lines.length === 0 && pair) lines.push(`${pair} in ${where}`);
  return lines;
}

function bestEntry(diagnosis: Diagnosis, catalogue: Catalogue): { entry: VerdictEntry; score: number } | null {
  for (const match of diagnosis.matches) {
    const entry = catalogue[match.id];
    if (entry) return { entry, score: match.score };
  }
  return null;
}

const permanenceOf = (permanent: boolean | null): Permanence => (permanent === null ? 'unknown' : permanent ? 'permanent' : 'temporary');

function stepsFrom(guides: ReasonGuides, reason: Reason, entry: VerdictEntry | null): Verdict['steps'] {
  const guide = guides[reason];
  return Object.fromEntries(
    AUDIENCES.map((audience) => {
      const own = entry?.steps.find((group) => group.audience === audience);
      return [audience, own ? { html: own.html, source: 'entry' as const } : { html: guide.steps[audience], source: 'guide' as const }];
    }),
  ) as Verdict['steps'];
}

const FAILED_ACTIONS = new Set(['failed', 'delayed']);
const NOT_BOUNCES = new Set<Diagnosis['kind']>(['vacation', 'feedback', 'delivered']);

/** The failed recipients grouped by reason, in the order they first appear; the engine's own reason first. */
export function groupFailures(diagnosis: Diagnosis): { reason: Reason; recipients: RecipientResult[] }[] {
  const failed = diagnosis.recipients.filter((recipient) => FAILED_ACTIONS.has(recipient.action.toLowerCase()) || recipient.action === '');
  const groups = new Map<Reason, RecipientResult[]>();
  for (const recipient of failed) groups.set(recipient.reason, [...(groups.get(recipient.reason) ?? []), recipient]);
  const ordered = [...groups].map(([reason, recipients]) => ({ reason, recipients }));
  const own = ordered.findIndex((group) => group.reason === diagnosis.reason);
  if (own > 0) ordered.unshift(...ordered.splice(own, 1));
  return ordered;
}

/**
 * The verdicts for a diagnosis: one per reason among the failed recipients (one when they all fail the
 * same way), the engine's own first. Empty when the text holds no bounce at all (kind "unknown").
 */
export function decideVerdicts(diagnosis: Diagnosis, catalogue: Catalogue, guides: ReasonGuides): Verdict[] {
  if (diagnosis.kind === 'unknown') return [];
  const groups = NOT_BOUNCES.has(diagnosis.kind) ? [] : groupFailures(diagnosis);
  const main = decideVerdict(diagnosis, catalogue, guides, groups[0]?.recipients.map((recipient) => recipient.address) ?? []);
  const others = groups.slice(1).map(({ reason, recipients }) => {
    const first = recipients[0];
    const origin = diagnosis.origin;
    return decideVerdict(
      {
        ...diagnosis,
        reason,
        permanent: first?.permanent ?? null,
        replyCode: first?.replyCode ?? null,
        enhancedCode: first?.enhancedCode ?? null,
        matches: [],
        actors: actorsFor(reason, origin),
        evidence: [],
      },
      catalogue,
      guides,
      recipients.map((recipient) => recipient.address),
    );
  });
  return [main, ...others];
}

/** The one verdict for a diagnosis (or for one group of its recipients). */
export function decideVerdict(diagnosis: Diagnosis, catalogue: Catalogue, guides: ReasonGuides, recipients: string[] = []): Verdict {
  const best = bestEntry(diagnosis, catalogue);
  const notBounce = NOT_BOUNCES.has(diagnosis.kind);
  const decides = !notBounce && best !== null && best.score >= CONFIDENT_MATCH ? best : null;
  const reason = decides ? decides.entry.reason : diagnosis.reason;
  const family = REASON_FAMILY[reason];
  const guide = guides[reason];
  const codes = { replyCode: diagnosis.replyCode, enhancedCode: diagnosis.enhancedCode };
  // A catalogue signal names its entry by id: the reader sees the entry's title, and not twice when it decides.
  const evidence = diagnosis.evidence
    .filter((item) => item.signal !== 'catalogue' || item.text !== decides?.entry.id)
    .map((item) => (item.signal === 'catalogue' ? { ...item, text: catalogue[item.text]?.title ?? item.text } : item));
  const why = explainEvidence(evidence, family, codes, diagnosis.origin);
  if (decides) {
    why.unshift(decides.score >= EXACT_MATCH ? `the text matches “${decides.entry.title}” word for word` : `the text closely matches “${decides.entry.title}”`);
  }
  const permanent = notBounce ? null : (diagnosis.permanent ?? decides?.entry.permanent ?? (diagnosis.kind === 'delay' ? false : null));
  const actors = decides ? decides.entry.actors : diagnosis.actors.length > 0 || notBounce ? diagnosis.actors : actorsFor(reason, diagnosis.origin);
  return {
    headline: guide.headline,
    summary: decides ? decides.entry.summary : null,
    explanationHtml: guide.explanationHtml,
    reason,
    family,
    permanence: permanenceOf(permanent),
    actors: notBounce ? [] : actors,
    origin: diagnosis.origin,
    generatingHost: diagnosis.generatingHost,
    steps: stepsFrom(guides, reason, decides ? decides.entry : null),
    confidence: decides ? (decides.score >= EXACT_MATCH ? 'exact match' : 'close match') : codes.replyCode || codes.enhancedCode ? 'inferred from the codes' : 'inferred from the text',
    entry: decides ? decides.entry : null,
    why: why.slice(0, WHY_LIMIT),
    recipients,
    ...codes,
    notBounce,
  };
}

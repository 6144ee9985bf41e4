// Everything the page says about one paste, decided in one place: the verdicts, or else what kind of
// text it is (a question for search, a mail app's notice with no codes, nothing recognisable), plus a
// "did you mean" for mistyped common domains. A DNS failure is a fact that outranks a guess: a notice
// whose DNS answer says the domain does not exist gets that reason's verdict when it carries no codes,
// or when the engine could only call it a passing network problem with no confident entry. Pure.
import type { Diagnosis } from '../bounce/types.ts';
import type { ReasonGuides } from '../content/reason-guides.ts';
import { REASON_ACTORS } from '../bounce/reason-actors.ts';
import { decideVerdict, decideVerdicts, type Verdict, type VerdictEntry } from './decide-verdict.ts';
import { findMistypedDomains, looksLikeQuestion, readAppNotice, type AppNotice } from './read-app-notice.ts';

export type Reading = {
  verdicts: Verdict[];
  /** The text is a short question: it belongs in search. */
  question: boolean;
  notice: AppNotice;
  mistyped: { domain: string; suggestion: string }[];
};

const DNS_REASON = { 'no-such-domain': 'hostunknown', 'no-mail-server': 'notaccept', 'lookup-failed': 'networkerror' } as const;
const DNS_WORDS = {
  'no-such-domain': 'the DNS answer: no such domain (NXDOMAIN)',
  'no-mail-server': 'the DNS answer: the domain has no mail server',
  'lookup-failed': 'the DNS lookup failed',
} as const;

export function readVerdicts(text: string, diagnosis: Diagnosis, catalogue: Readonly<Record<string, VerdictEntry | undefined>>, guides: ReasonGuides): Reading {
  const question = looksLikeQuestion(text);
  const notice = readAppNotice(text);
  let verdicts = question ? [] : decideVerdicts(diagnosis, catalogue, guides);
  const first = verdicts[0];
  const guessed = first !== undefined && first.entry === null && (first.family === 'transient' || first.family === 'unknown');
  if (!question && notice.dns && (verdicts.length === 0 || (guessed && notice.dns !== 'lookup-failed'))) {
    const reason = DNS_REASON[notice.dns];
    const verdict = decideVerdict(
      { ...diagnosis, kind: 'bounce', reason, permanent: notice.dns !== 'lookup-failed', matches: [], actors: [...REASON_ACTORS[reason]], evidence: [] },
      catalogue,
      guides,
      first?.recipients ?? [],
    );
    verdicts = [{ ...verdict, why: [DNS_WORDS[notice.dns] + (notice.domain ? ` for ${notice.domain}` : '')] }, ...verdicts.slice(1)];
  }
  const addressTrouble = verdicts.some((verdict) => verdict.family === 'address') || notice.dns !== null || verdicts.length === 0;
  return { verdicts, question, notice, mistyped: addressTrouble ? findMistypedDomains(text) : [] };
}

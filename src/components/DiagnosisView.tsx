// The diagnosis of a paste, answer first: one verdict card per failure (or, with no bounce in the text,
// what to do instead), then the text with its codes marked, folded around them, then what each code
// means, the catalogue entries like this one and, for several recipients, each one's result.
import { Link } from '@tanstack/react-router';
import { forwardRef } from 'react';
import type { PasteData } from '../hooks/useDiagnosis.ts';
import type { Diagnosis, Finding } from '../lib/bounce/types.ts';
import { REASON_FAMILY, REASON_LABELS, type Audience } from '../lib/content/vocabulary.ts';
import type { Reading } from '../lib/verdict/read-verdicts.ts';
import { HighlightedBounce } from './HighlightedBounce.tsx';
import { NoBounceCard } from './NoBounceCard.tsx';
import { PermanenceBadge } from './PermanenceBadge.tsx';
import { ReportWrongAnswer } from './ReportWrongAnswer.tsx';
import { VerdictCard } from './VerdictCard.tsx';

/** Matches below this score are not offered as similar entries. */
const GOOD_MATCH = 0.45;
/** At most this many codes are explained, and recipients listed in the table, before the rest are counted. */
const CODES_SHOWN = 12;
const RECIPIENTS_SHOWN = 50;

/** The one-line verdict announced to screen readers when a diagnosis is ready. */
export function announceReading(reading: Reading): string {
  const first = reading.verdicts[0];
  if (first) return `Diagnosis ready: ${first.headline}.${reading.verdicts.length > 1 ? ` ${String(reading.verdicts.length)} different failures.` : ''}`;
  return reading.question ? 'This looks like a question: search for it below.' : 'No bounce codes found in this text.';
}

type DiagnosisViewProps = {
  text: string;
  diagnosis: Diagnosis;
  /** Every finding, including any left out of `diagnosis.codes` for a very code-dense paste. */
  codeCount: number;
  reading: Reading;
  data: PasteData;
  role: Audience;
  onRole: (role: Audience) => void;
  onSearch: (query: string) => void;
  busy: boolean;
};

export const DiagnosisView = forwardRef<HTMLElement, DiagnosisViewProps>(function DiagnosisView({ text, diagnosis, codeCount, reading, data, role, onRole, onSearch, busy }, ref) {
  const { verdicts } = reading;
  const main = verdicts[0];
  const family = main?.family ?? null;
  // Entries like this one: never one of another family above a verdict it would contradict.
  const similar = diagnosis.matches
    .filter((match) => match.score >= GOOD_MATCH && data.entries[match.id] && (family === null || REASON_FAMILY[data.entries[match.id]?.reason ?? 'undefined'] === family))
    .slice(0, 5);
  const codes = uniqueCodes(diagnosis.codes);
  const preferred = diagnosis.matches.map((match) => match.id);

  return (
    <section ref={ref} role="region" aria-label="Diagnosis" aria-busy={busy} className={`mt-6 scroll-mt-3 ${busy ? 'opacity-70' : ''}`}>
      {verdicts.length > 0 ? (
        <div className="space-y-4">
          {verdicts.map((verdict, index) => (
            <VerdictCard
              key={`${verdict.reason}-${String(index)}`}
              verdict={verdict}
              role={role}
              onRole={onRole}
              eyebrow={verdicts.length > 1 ? `Diagnosis ${String(index + 1)} of ${String(verdicts.length)}` : 'Diagnosis'}
              suggestions={index === 0 ? reading.mistyped : []}
            />
          ))}
        </div>
      ) : (
        <NoBounceCard text={text} question={reading.question} notice={reading.notice} suggestions={reading.mistyped} onSearch={onSearch} />
      )}
      {!reading.question && <ReportWrongAnswer key={text} text={text} diagnosis={diagnosis} reading={reading} publicHosts={data.publicHosts} reportBase={data.reportBase} />}

      {!reading.question && (
        <>
          <HighlightedBounce
            key={text}
            label="Your bounce, with the codes marked"
            text={text}
            findings={diagnosis.codes.filter((finding) => !finding.decoded)}
            data={data}
            primary={diagnosis.enhancedCode ?? diagnosis.replyCode}
            preferredEntries={preferred}
            uncounted={codeCount - diagnosis.codes.length}
          />
          {diagnosis.text && diagnosis.codes.some((finding) => finding.decoded) && (
            <HighlightedBounce
              label="Codes found in the encoded parts of the email, decoded"
              text={diagnosis.text}
              findings={diagnosis.codes.filter((finding) => finding.decoded)}
              data={data}
              primary={null}
              preferredEntries={preferred}
            />
          )}
        </>
      )}

      {similar.length > 0 && (
        <>
          <h3 className="mt-6 text-lg font-semibold">Matching entries</h3>
          <ol aria-label="Matching entries" className="mt-2 space-y-2">
            {similar.map((match, index) => {
              const entry = data.entries[match.id];
              if (!entry) return null;
              return (
                <li key={match.id} className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
                  <Link to={entry.url} className="font-medium" preload={false}>
                    {entry.title}
                  </Link>
                  <span className="ml-2 inline-flex flex-wrap items-center gap-2 text-sm">
                    {entry.providerName}
                    {index === 0 && match.id === main?.entry?.id ? ' · decided the verdict' : ''}
                    <PermanenceBadge permanent={entry.permanent} />
                  </span>
                  <p className="mt-1 text-sm">{entry.summary}</p>
                </li>
              );
            })}
          </ol>
        </>
      )}

      {codes.length > 0 && !reading.question && (
        <>
          <h3 className="mt-6 text-lg font-semibold">What each code means</h3>
          <ul aria-label="What each code means" className="mt-2 list-disc space-y-1 pl-6">
            {codes.slice(0, CODES_SHOWN).map((finding) => {
              const code = data.codes[finding.value];
              return (
                <li key={`${finding.kind}:${finding.value}`}>
                  <code>{finding.value}</code>:{' '}
                  {code ? (
                    <>
                      {code.summary || code.title}{' '}
                      <Link to={code.url} preload={false}>
                        More about {finding.value}
                      </Link>
                    </>
                  ) : finding.kind === 'tag' ? (
                    'a provider-specific tag; search the catalogue for it.'
                  ) : finding.kind === 'blocklist' ? (
                    'a blocklist: the sending server is listed on it.'
                  ) : (
                    'not a registered code.'
                  )}
                </li>
              );
            })}
            {codes.length > CODES_SHOWN && <li>and {codes.length - CODES_SHOWN} more codes</li>}
          </ul>
        </>
      )}

      {diagnosis.recipients.length > 1 && (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="text-left text-lg font-semibold">Each recipient</caption>
            <thead>
              <tr>
                {['Recipient', 'Result', 'Codes', 'Cause'].map((heading) => (
                  <th key={heading} scope="col" className="border border-slate-300 px-2 py-1 text-left dark:border-slate-700">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {diagnosis.recipients.slice(0, RECIPIENTS_SHOWN).map((recipient, index) => (
                <tr key={`${recipient.address}-${String(index)}`}>
                  <td className="border border-slate-300 px-2 py-1 break-all dark:border-slate-700">{recipient.address}</td>
                  <td className="border border-slate-300 px-2 py-1 dark:border-slate-700">{recipient.action}</td>
                  <td className="border border-slate-300 px-2 py-1 dark:border-slate-700">{[recipient.replyCode, recipient.enhancedCode].filter(Boolean).join(' ')}</td>
                  <td className="border border-slate-300 px-2 py-1 dark:border-slate-700">{REASON_LABELS[recipient.reason]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {diagnosis.recipients.length > RECIPIENTS_SHOWN && <p className="mt-1 text-sm">and {diagnosis.recipients.length - RECIPIENTS_SHOWN} more recipients</p>}
        </div>
      )}
    </section>
  );
});

function uniqueCodes(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.kind}:${finding.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// The answer a person came for, first: the verdict as a heading, one line each for whether it fixes
// itself, who has to act and who generated the bounce, then the numbered steps for the reader's role.
// Below the steps: what happened, how sure the verdict is and why. All of it comes from one decision
// (src/lib/verdict), so the heading and the entry it names always agree.
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { listAudiences } from '../lib/content/audiences.ts';
import { AUDIENCES, AUDIENCE_LABELS, type Audience } from '../lib/content/vocabulary.ts';
import type { Verdict } from '../lib/verdict/decide-verdict.ts';
import { PermanenceBadge } from './PermanenceBadge.tsx';
import { Prose } from './Prose.tsx';

/** Recipients listed in a card before the rest are counted. */
const RECIPIENTS_SHOWN = 20;

const PERMANENCE_TEXT = {
  permanent: 'No. Nothing is delivered until something changes.',
  temporary: 'Possibly. The sending server retries for a while; act if it keeps failing.',
  unknown: 'The text does not say whether the server retries.',
} as const;

const ORIGIN_TEXT = {
  'sender-provider': 'Your own mail provider, before the message left',
  'recipient-side': "The recipient's mail server or its filter",
  unknown: 'The text does not say',
} as const;

const lower = (label: string): string => label.replace(/^The /, 'the ');

type VerdictCardProps = {
  verdict: Verdict;
  role: Audience;
  onRole: (role: Audience) => void;
  /** "Diagnosis", or "Diagnosis 2 of 3" when the paste holds several failures. */
  eyebrow: string;
  suggestions: { domain: string; suggestion: string }[];
};

/** A card's heading: a small eyebrow ("Diagnosis") above the headline, read as one sentence. */
export function CardHeading({ id, eyebrow, headline }: { id: string; eyebrow: string; headline: string }) {
  return (
    <h2 id={id} className="text-2xl leading-tight font-bold sm:text-3xl">
      <span className="verdict-eyebrow">
        {eyebrow}
        <span className="sr-only">: </span>
      </span>
      <span className="block">{headline}</span>
    </h2>
  );
}

export function VerdictCard({ verdict, role, onRole, eyebrow, suggestions }: VerdictCardProps) {
  const id = useId();
  const steps = verdict.steps[role];
  const recipients = verdict.recipients.slice(0, RECIPIENTS_SHOWN);
  return (
    <article aria-labelledby={`${id}-heading`} className="verdict-card" data-family={verdict.family}>
      <CardHeading id={`${id}-heading`} eyebrow={eyebrow} headline={verdict.headline} />
      <dl className="verdict-facts mt-3">
        <div>
          <dt>{verdict.notBounce ? 'Delivered?' : 'Will it fix itself?'}</dt>
          <dd>
            {verdict.notBounce ? (
              <>
                <PermanenceBadge permanent={null} delivered />
                Yes: nothing failed.
              </>
            ) : (
              <>
                <PermanenceBadge permanent={verdict.permanence === 'unknown' ? null : verdict.permanence === 'permanent'} />
                {PERMANENCE_TEXT[verdict.permanence]}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Who has to act:</dt>
          <dd>{verdict.actors.length ? listAudiences(verdict.actors) : 'Nobody'}</dd>
        </div>
        <div>
          <dt>Who generated it:</dt>
          <dd>
            {ORIGIN_TEXT[verdict.origin]}
            {verdict.generatingHost && (
              <>
                {' ('}
                <code className="wrap-anywhere">{verdict.generatingHost}</code>)
              </>
            )}
          </dd>
        </div>
      </dl>

      {suggestions.map(({ domain, suggestion }) => (
        <p key={domain} className="mt-3 rounded-md border border-amber-700 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50">
          <strong>Did you mean {suggestion}?</strong> The address uses <code>{domain}</code>, which looks like a typo of <code>{suggestion}</code>.
        </p>
      ))}

      <fieldset className="mt-4">
        <legend className="text-sm font-semibold">Steps for</legend>
        <div className="role-chooser mt-1">
          {AUDIENCES.map((audience) => (
            <label key={audience}>
              <input type="radio" name={`${id}-role`} value={audience} checked={role === audience} onChange={() => onRole(audience)} />
              {AUDIENCE_LABELS[audience]}
            </label>
          ))}
        </div>
      </fieldset>
      <ol aria-label={`Steps for ${lower(AUDIENCE_LABELS[role])}`} className="verdict-steps mt-3">
        {steps.html.map((step) => (
          <li key={step}>
            <Prose inline html={step} />
          </li>
        ))}
      </ol>
      {!verdict.actors.includes(role) && verdict.actors.length > 0 && (
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">Mostly up to {lower(listAudiences(verdict.actors))}.</p>
      )}

      {recipients.length > 0 && (
        <div className="mt-3 text-sm">
          <p className="font-semibold">
            {verdict.recipients.length === 1 ? 'Recipient' : `${String(verdict.recipients.length)} recipients failed this way`}
          </p>
          <ul aria-label="Recipients" className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
            {recipients.map((address) => (
              <li key={address} className="font-mono break-all">
                {address}
              </li>
            ))}
            {verdict.recipients.length > recipients.length && <li>and {verdict.recipients.length - recipients.length} more</li>}
          </ul>
        </div>
      )}

      <div className="mt-4 border-t border-slate-200 pt-3 text-sm dark:border-slate-700">
        {verdict.summary ? <p>{verdict.summary}</p> : <Prose inline html={verdict.explanationHtml} />}
        {!verdict.notBounce && (
          <p className="mt-2">
            <span className="font-semibold">How sure:</span> {verdict.confidence}
            {verdict.why.length > 0 && <>, from {verdict.why.join('; ')}</>}.
          </p>
        )}
        <p className="mt-2">
          {verdict.entry ? (
            <Link to={verdict.entry.url} preload={false}>
              Read more: {verdict.entry.title}
            </Link>
          ) : (
            <Link to="/reasons/$reason" params={{ reason: verdict.reason }} preload={false}>
              More bounces with this cause
            </Link>
          )}
        </p>
      </div>
    </article>
  );
}

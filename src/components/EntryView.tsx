// One catalogue entry, answer first: what it means, whether it fixes itself, who acts and the steps;
// the literal bounce texts follow, then where to read more.
import { Link } from '@tanstack/react-router';
import type { EntryPage } from '../catalogue.ts';
import { EntryList } from './EntryList.tsx';
import { PermanenceBadge } from './PermanenceBadge.tsx';
import { ArticleList } from './ArticleList.tsx';
import { Prose, ProseList } from './Prose.tsx';

const ORIGIN_TEXT = {
  'sender-provider': "The sender's own mail provider refused the message before it left.",
  'recipient-side': "The recipient's mail server (or its filter) refused the message.",
  either: 'Either side can send this bounce: look at which server generated it.',
} as const;

export function EntryView({ entry }: { entry: EntryPage }) {
  return (
    <article>
      <p className="text-sm">
        <Link to="/providers/$provider" params={{ provider: entry.provider }}>
          {entry.providerName}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">{entry.title}</h1>
      <p className="mt-2 text-lg">{entry.summary}</p>
      <p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1">
        <PermanenceBadge permanent={entry.permanent} />
        <span>
          <span className="font-semibold">Who has to act:</span> {entry.actorsText}
        </span>
      </p>


      <h2 className="mt-5 text-xl font-semibold">What to do</h2>
      {entry.steps.map((group) => (
        <section key={group.audience} aria-labelledby={`steps-${group.audience}`} className="mt-3">
          <h3 id={`steps-${group.audience}`} className="text-lg font-semibold">
            {group.label}
          </h3>
          <ProseList items={group.html} className="mt-1" />
        </section>
      ))}

      <h2 className="mt-6 text-xl font-semibold">What it means</h2>
      <Prose html={entry.bodyHtml} />

      <h2 className="mt-6 text-xl font-semibold">Details</h2>
      <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr] sm:gap-y-2">
        <dt className="font-semibold">Will it fix itself?</dt>
        <dd className="mb-2 flex flex-wrap items-center gap-2 sm:mb-0">
          <PermanenceBadge permanent={entry.permanent} />
          {entry.permanent
            ? 'No. Nothing is delivered until something changes.'
            : 'Possibly. The sending server retries for a while; act if it keeps failing.'}
        </dd>
        <dt className="font-semibold">Cause</dt>
        <dd className="mb-2 sm:mb-0">
          <Link to="/reasons/$reason" params={{ reason: entry.reason }}>
            {entry.reasonLabel}
          </Link>
        </dd>
        <dt className="font-semibold">Who has to act</dt>
        <dd className="mb-2 sm:mb-0">{entry.actorsText}</dd>
        <dt className="font-semibold">Who sent the bounce</dt>
        <dd className="mb-2 sm:mb-0">{ORIGIN_TEXT[entry.origin]}</dd>
        {entry.codes.length > 0 && (
          <>
            <dt className="font-semibold">Codes</dt>
            <dd className="flex flex-wrap gap-3">
              {entry.codes.map((code) => (
                <Link key={code.url} to={code.url}>
                  {code.title}
                </Link>
              ))}
              {entry.tag && <code>{entry.tag}</code>}
            </dd>
          </>
        )}
      </dl>

      <h2 className="mt-6 text-xl font-semibold">How to check it worked</h2>
      <Prose html={`<p>${entry.confirmHtml}</p>`} />

      <h2 className="mt-6 text-xl font-semibold">The bounce text</h2>
      <ul aria-label="Literal bounce texts" className="mt-2 space-y-2">
        {entry.texts.map((text) => (
          <li key={text}>
            <pre className="whitespace-pre-wrap break-words rounded bg-slate-100 p-3 font-mono text-sm dark:bg-slate-900">{text}</pre>
          </li>
        ))}
      </ul>

      {entry.articles.length > 0 && (
        <>
          <h2 className="mt-6 text-xl font-semibold">Guides</h2>
          <ArticleList articles={entry.articles} className="mt-2" />
        </>
      )}
      {entry.docs && (
        <p className="mt-4">
          <a href={entry.docs}>The provider's own documentation</a>
        </p>
      )}
      {entry.related.length > 0 && (
        <>
          <h2 className="mt-6 text-xl font-semibold">Similar bounces</h2>
          <EntryList entries={entry.related} label="Similar bounces" />
        </>
      )}
      <Prose className="mt-8 border-t border-slate-300 pt-3 text-sm dark:border-slate-700" html={entry.provenanceHtml} />
    </article>
  );
}

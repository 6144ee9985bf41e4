// One code page, written for the admin who bookmarks it: what the code means, whether it fixes itself,
// who usually acts, the commonest causes with their steps, and every entry grouped (by enhanced code on
// a reply-code page, by provider on an enhanced-code page) with counts and a filter box.
import { Link } from '@tanstack/react-router';
import { Fragment, useId, useState } from 'react';
import type { CodePage } from '../catalogue.ts';
import { EntryList } from './EntryList.tsx';
import { PermanenceBadge } from './PermanenceBadge.tsx';
import { Prose, ProseList } from './Prose.tsx';

export function CodeView({ code }: { code: CodePage }) {
  return (
    <article>
      <p className="text-sm">{code.kindLabel}</p>
      <h1 className="mt-1 text-2xl font-bold">
        <code>{code.code}</code>: {code.title}
      </h1>
      {code.summary && <p className="mt-2 text-lg">{code.summary}</p>}
      <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2">
        {code.permanent !== null && (
          <>
            <dt className="font-semibold">Will it fix itself?</dt>
            <dd className="flex flex-wrap items-center gap-2">
              <PermanenceBadge permanent={code.permanent} />
              {code.permanent ? 'No: something has to change first.' : 'Often: the sending server retries.'}
            </dd>
          </>
        )}
        {code.actorsText && (
          <>
            <dt className="font-semibold">Who usually acts</dt>
            <dd>{code.actorsText}</dd>
          </>
        )}
        <dt className="font-semibold">Defined by</dt>
        <dd>{code.reference ?? 'Not in the standard registries: a provider-specific code.'}</dd>
        {([['Class', code.classLink], ['Subject', code.subjectLink]] as const).map(
          ([label, link]) =>
            link && (
              <Fragment key={label}>
                <dt className="font-semibold">{label}</dt>
                <dd>
                  <Link to={link.url}>{link.title}</Link>
                </dd>
              </Fragment>
            ),
        )}
      </dl>
      {code.noteHtml && <Prose className="mt-4" html={code.noteHtml} />}
      {code.causes.length > 0 && <CommonCauses code={code} />}
      {([['Codes in this group', code.detailLinks], ['Related codes (seen with this one)', code.related]] as const).map(
        ([heading, links]) =>
          links.length > 0 && (
            <Fragment key={heading}>
              <h2 className="mt-6 text-xl font-semibold">{heading}</h2>
              <ul className="mt-2 grid gap-1 sm:grid-cols-2">
                {links.map((link) => (
                  <li key={link.url}>
                    <Link to={link.url}>{link.title}</Link>
                  </li>
                ))}
              </ul>
            </Fragment>
          ),
      )}
      {code.kind !== 'subject' && <GroupedEntries code={code} />}
      <Prose className="mt-8 border-t border-slate-300 pt-3 text-sm dark:border-slate-700" html={code.provenanceHtml} />
    </article>
  );
}

function CommonCauses({ code }: { code: CodePage }) {
  return (
    <section aria-labelledby="causes" className="mt-6">
      <h2 id="causes" className="text-xl font-semibold">
        Most common causes
      </h2>
      <ol className="mt-2 space-y-4">
        {code.causes.map((cause) => {
          const first = cause.steps[0];
          return (
            <li key={cause.reason} className="rounded border border-slate-300 p-3 dark:border-slate-700">
              <h3 className="font-semibold">
                <Link to={cause.url}>{cause.label}</Link>{' '}
                <span className="text-sm font-normal text-slate-700 dark:text-slate-300">({cause.count})</span>
              </h3>
              {first && (
                <>
                  <p className="mt-1 text-sm font-medium">{first.label}:</p>
                  <ProseList items={first.html} className="mt-1 text-sm" />
                </>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function GroupedEntries({ code }: { code: CodePage }) {
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const groups = code.groups
    .map((group) => ({
      ...group,
      shown: needle
        ? group.entries.filter((entry) => [entry.title, entry.providerName, entry.tag ?? '', entry.reply ?? '', entry.enhanced ?? '', group.label].join(' ').toLowerCase().includes(needle))
        : group.entries,
    }))
    .filter((group) => group.shown.length > 0);
  const shownCount = groups.reduce((sum, group) => sum + group.shown.length, 0);
  const by = code.kind === 'reply' ? 'enhanced code' : 'provider';
  return (
    <section aria-labelledby="entries" className="mt-6">
      <h2 id="entries" className="text-xl font-semibold">
        Bounces with this code ({code.entryCount})
      </h2>
      {code.entryCount === 0 ? (
        <p className="mt-2">No catalogue entries carry this code yet.</p>
      ) : (
        <>
          <label htmlFor={filterId} className="mt-2 block font-medium">
            Filter these bounces
          </label>
          <input
            id={filterId}
            type="search"
            value={filter}
            aria-describedby={`${filterId}-count`}
            onChange={(event) => setFilter(event.target.value)}
            className="mt-1 w-full max-w-md rounded border border-slate-500 bg-white px-3 py-1.5 dark:bg-slate-900"
          />
          <p id={`${filterId}-count`} role="status" className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            {shownCount} of {code.entryCount} shown, in {groups.length} groups by {by}.
          </p>
          <ul aria-label={`Bounces with code ${code.code}, by ${by}`} className="mt-2 space-y-1">
            {groups.map((group) => (
              <li key={group.key}>
                <details open={Boolean(needle) || code.groups.length === 1} className="rounded border border-slate-300 dark:border-slate-700">
                  <summary className="cursor-pointer px-3 py-2">
                    <span className="font-medium">{group.label}</span>{' '}
                    <span className="text-sm text-slate-700 dark:text-slate-300">({group.shown.length})</span>
                  </summary>
                  <div className="px-3 pb-2">
                    <EntryList entries={group.shown} label={`${group.label}: bounces`} showProvider={code.kind === 'reply'} />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

// One code page: the registry meaning, our plain-words note, its class and subject, and its entries.
import { Link } from '@tanstack/react-router';
import type { CodePage } from '../catalogue.ts';
import { EntryList } from './EntryList.tsx';
import { PermanenceBadge } from './PermanenceBadge.tsx';
import { Prose } from './Prose.tsx';

const KIND_LABEL = {
  reply: 'SMTP reply code',
  enhanced: 'Enhanced status code',
  class: 'Enhanced status class',
  subject: 'Enhanced status subject',
} as const;

export function CodeView({ code }: { code: CodePage }) {
  return (
    <article>
      <p className="text-sm">{KIND_LABEL[code.kind]}</p>
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
        <dt className="font-semibold">Defined by</dt>
        <dd>{code.reference ?? 'Not in the standard registries: a provider-specific code.'}</dd>
        {code.classLink && (
          <>
            <dt className="font-semibold">Class</dt>
            <dd>
              <Link to={code.classLink.url}>{code.classLink.title}</Link>
            </dd>
          </>
        )}
        {code.subjectLink && (
          <>
            <dt className="font-semibold">Subject</dt>
            <dd>
              <Link to={code.subjectLink.url}>{code.subjectLink.title}</Link>
            </dd>
          </>
        )}
      </dl>
      {code.noteHtml && <Prose className="mt-4" html={code.noteHtml} />}
      {code.detailLinks.length > 0 && (
        <>
          <h2 className="mt-6 text-xl font-semibold">Codes in this group</h2>
          <ul className="mt-2 grid gap-1 sm:grid-cols-2">
            {code.detailLinks.map((link) => (
              <li key={link.url}>
                <Link to={link.url}>{link.title}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 className="mt-6 text-xl font-semibold">Bounces with this code</h2>
      <EntryList entries={code.entries} label={`Bounces with code ${code.code}`} />
    </article>
  );
}

// Route glue: /codes lists every code with its number, the registry title and a one-line meaning,
// reply codes grouped by class (2xx ... 5xx) and enhanced codes by subject (X.1 address ... X.7 security).
import { createFileRoute, Link } from '@tanstack/react-router';
import { loadLists, type SiteLists } from '../../catalogue.ts';
import { pageHead } from '../../head.ts';

export const Route = createFileRoute('/codes/')({
  loader: loadLists,
  head: () => pageHead('SMTP reply and enhanced status codes', 'Every SMTP reply code and enhanced status code, explained in plain words, with the bounces that carry them.'),
  component: CodesIndex,
});

type CodeItem = SiteLists['codes'][number];

const REPLY_CLASSES = [
  { digit: '2', heading: '2xx: success' },
  { digit: '3', heading: '3xx: waiting for more input' },
  { digit: '4', heading: '4xx: temporary failure (the sender retries)' },
  { digit: '5', heading: '5xx: permanent failure' },
] as const;

/** "5.7.1" -> "7": the subject of an enhanced code (RFC 3463 section 3). */
const subjectOf = (code: string): string => code.split('.')[1] ?? '';

function CodesIndex() {
  const { codes } = Route.useLoaderData();
  const replies = codes.filter((code) => code.kind === 'reply');
  const enhanced = codes.filter((code) => code.kind === 'enhanced');
  const subjects = codes.filter((code) => code.kind === 'subject');
  const classes = codes.filter((code) => code.kind === 'class');
  return (
    <>
      <h1 className="text-2xl font-bold">SMTP codes</h1>
      <p className="mt-2">
        A bounce usually carries a three-digit reply code (RFC 5321) and an enhanced status code of the form class.subject.detail (RFC 3463).
        A first digit of 4 means a temporary problem; 5 means permanent. Jump to{' '}
        <a href="#reply-codes">reply codes</a> or <a href="#enhanced-codes">enhanced status codes</a>.
      </p>
      <h2 id="reply-codes" className="mt-6 text-xl font-semibold">
        Reply codes
      </h2>
      {REPLY_CLASSES.map((group) => {
        const members = replies.filter((code) => code.code[0] === group.digit);
        return members.length === 0 ? null : <CodeGroup key={group.digit} id={`class-${group.digit}`} heading={group.heading} codes={members} />;
      })}
      <h2 id="enhanced-codes" className="mt-8 text-xl font-semibold">
        Enhanced status codes
      </h2>
      <p className="mt-1">
        Classes: {classes.map((code, i) => (
          <span key={code.code}>
            {i > 0 && ', '}
            <Link to="/codes/$code" params={{ code: code.code }}>
              {code.code} {code.title}
            </Link>
          </span>
        ))}
        .
      </p>
      {subjects.map((subject) => {
        const members = enhanced.filter((code) => subjectOf(code.code) === subjectOf(subject.code));
        return (
          <CodeGroup
            key={subject.code}
            id={`subject-${subjectOf(subject.code)}`}
            heading={`X.${subjectOf(subject.code)}: ${subject.title}`}
            headingLink={subject.code}
            codes={members}
          />
        );
      })}
    </>
  );
}

function CodeGroup({ id, heading, headingLink, codes }: { id: string; heading: string; headingLink?: string; codes: CodeItem[] }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="mt-5 text-lg font-semibold">
        {headingLink ? (
          <Link to="/codes/$code" params={{ code: headingLink }}>
            {heading}
          </Link>
        ) : (
          heading
        )}
      </h3>
      <ul className="mt-2 grid gap-x-6 gap-y-2 md:grid-cols-2">
        {codes.map((code) => (
          <li key={code.code}>
            <Link to="/codes/$code" params={{ code: code.code }} className="font-medium">
              <code>{code.code}</code> {code.title}
            </Link>
            {code.count > 0 && <span className="text-sm"> ({code.count} {code.count === 1 ? 'bounce' : 'bounces'})</span>}
            {code.summary && <p className="text-sm text-slate-700 dark:text-slate-300">{code.summary}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

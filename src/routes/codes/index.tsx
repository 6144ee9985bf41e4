// Route glue: /codes lists every reply code, enhanced status code, class and subject.
import { createFileRoute, Link } from '@tanstack/react-router';
import { loadLists } from '../../catalogue.ts';
import { pageHead } from '../../head.ts';

export const Route = createFileRoute('/codes/')({
  loader: loadLists,
  head: () => pageHead('SMTP reply and enhanced status codes', 'Every SMTP reply code and enhanced status code, explained in plain words, with the bounces that carry them.'),
  component: CodesIndex,
});

const GROUPS = [
  { kind: 'reply', heading: 'Reply codes (three digits, such as 550)' },
  { kind: 'class', heading: 'Enhanced status classes' },
  { kind: 'subject', heading: 'Enhanced status subjects' },
  { kind: 'enhanced', heading: 'Enhanced status codes (such as 5.7.1)' },
] as const;

function CodesIndex() {
  const { codes } = Route.useLoaderData();
  return (
    <>
      <h1 className="text-2xl font-bold">SMTP codes</h1>
      <p className="mt-2">
        A bounce usually carries a three-digit reply code (RFC 5321) and an enhanced status code of the form
        class.subject.detail (RFC 3463). A first digit of 4 means a temporary problem; 5 means permanent.
      </p>
      {GROUPS.map((group) => (
        <section key={group.kind} aria-labelledby={`group-${group.kind}`}>
          <h2 id={`group-${group.kind}`} className="mt-6 text-xl font-semibold">
            {group.heading}
          </h2>
          <ul className="mt-2 grid gap-1 sm:grid-cols-2">
            {codes
              .filter((code) => code.kind === group.kind)
              .map((code) => (
                <li key={code.code}>
                  <Link to="/codes/$code" params={{ code: code.code }}>
                    {code.title}
                  </Link>
                  {code.count > 0 && <span className="text-sm"> ({code.count} {code.count === 1 ? 'bounce' : 'bounces'})</span>}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}

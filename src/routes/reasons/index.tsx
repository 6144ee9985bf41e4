// Route glue: /reasons lists the causes of bounces.
import { createFileRoute, Link } from '@tanstack/react-router';
import { loadLists } from '../../catalogue.ts';
import { pageHead } from '../../head.ts';

export const Route = createFileRoute('/reasons/')({
  loader: loadLists,
  head: () => pageHead('Bounces by cause', 'Why emails bounce: unknown addresses, full mailboxes, blocklists, SPF and DMARC failures and more.'),
  component: function ReasonsIndex() {
    const { reasons } = Route.useLoaderData();
    return (
      <>
        <h1 className="text-2xl font-bold">Causes of bounces</h1>
        <ul className="mt-4 grid gap-2 sm:grid-cols-2">
          {reasons.map((reason) => (
            <li key={reason.id}>
              <Link to="/reasons/$reason" params={{ reason: reason.id }}>
                {reason.title}
              </Link>{' '}
              <span className="text-sm">({reason.count})</span>
            </li>
          ))}
        </ul>
      </>
    );
  },
});

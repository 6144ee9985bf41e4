// Route glue: /providers lists every mail provider in the catalogue.
import { createFileRoute, Link } from '@tanstack/react-router';
import { loadLists } from '../../catalogue.ts';
import { pageHead } from '../../head.ts';

export const Route = createFileRoute('/providers/')({
  loader: loadLists,
  head: () => pageHead('Bounces by mail provider', 'Bounce messages of Gmail, Microsoft 365, Outlook.com, Yahoo, iCloud, Rackspace and more, explained.'),
  component: function ProvidersIndex() {
    const { providers } = Route.useLoaderData();
    return (
      <>
        <h1 className="text-2xl font-bold">Mail providers</h1>
        <ul className="mt-4 grid gap-2 sm:grid-cols-2">
          {providers.map((provider) => (
            <li key={provider.key}>
              <Link to="/providers/$provider" params={{ provider: provider.key }}>
                {provider.title}
              </Link>{' '}
              <span className="text-sm">({provider.count})</span>
            </li>
          ))}
        </ul>
      </>
    );
  },
});

// Route glue for one provider: /providers/<key>.
import { createFileRoute, notFound } from '@tanstack/react-router';
import { loadProvider } from '../../catalogue.ts';
import { EntryList } from '../../components/EntryList.tsx';
import { Prose } from '../../components/Prose.tsx';
import { pageHead } from '../../head.ts';

export const Route = createFileRoute('/providers/$provider')({
  loader: async ({ params }) => {
    const provider = await loadProvider(params.provider);
    if (!provider) throw notFound();
    return provider;
  },
  head: ({ loaderData }) => (loaderData ? pageHead(`${loaderData.name}: bounce messages`, loaderData.summary) : {}),
  component: function ProviderRoute() {
    const provider = Route.useLoaderData();
    const links = [
      { href: provider.postmaster, label: 'Postmaster and sender help' },
      { href: provider.delisting, label: 'Delisting (unblock) requests' },
      { href: provider.docs, label: 'Official documentation' },
    ].filter((link): link is { href: string; label: string } => Boolean(link.href));
    return (
      <article>
        <h1 className="text-2xl font-bold">{provider.name}</h1>
        <p className="mt-2 text-lg">{provider.summary}</p>
        {provider.domains.length > 0 && <p className="mt-2 text-sm">Domains: {provider.domains.join(', ')}</p>}
        <Prose className="mt-4" html={provider.bodyHtml} />
        {links.length > 0 && (
          <>
            <h2 className="mt-6 text-xl font-semibold">Where to get help</h2>
            <ul className="mt-2 list-disc pl-6">
              {links.map((link) => (
                <li key={link.href}>
                  <a href={link.href}>{link.label}</a>
                </li>
              ))}
            </ul>
          </>
        )}
        <h2 className="mt-6 text-xl font-semibold">Bounce messages</h2>
        <EntryList entries={provider.entries} label={`${provider.name} bounce messages`} showProvider={false} />
      </article>
    );
  },
});

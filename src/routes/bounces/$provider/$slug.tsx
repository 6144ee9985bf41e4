// Route glue for one catalogue entry: /bounces/<provider>/<slug>.
import { createFileRoute, notFound } from '@tanstack/react-router';
import { loadEntry } from '../../../catalogue.ts';
import { EntryView } from '../../../components/EntryView.tsx';
import { pageHead } from '../../../head.ts';

export const Route = createFileRoute('/bounces/$provider/$slug')({
  loader: async ({ params }) => {
    const entry = await loadEntry(params.provider, params.slug);
    if (!entry) throw notFound();
    return entry;
  },
  head: ({ loaderData }) => (loaderData ? pageHead(loaderData.title, loaderData.summary) : {}),
  component: function EntryRoute() {
    return <EntryView entry={Route.useLoaderData()} />;
  },
});

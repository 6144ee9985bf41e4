// Route glue for one cause: /reasons/<reason id>.
import { createFileRoute, notFound } from '@tanstack/react-router';
import { loadReason } from '../../catalogue.ts';
import { EntryList } from '../../components/EntryList.tsx';
import { pageHead } from '../../head.ts';

export const Route = createFileRoute('/reasons/$reason')({
  loader: async ({ params }) => {
    const reason = await loadReason(params.reason);
    if (!reason) throw notFound();
    return reason;
  },
  head: ({ loaderData }) =>
    loaderData ? pageHead(loaderData.label, `Bounce messages caused by this: ${loaderData.label.toLowerCase()}. What each means and how to fix it.`) : {},
  component: function ReasonRoute() {
    const reason = Route.useLoaderData();
    return (
      <>
        <h1 className="text-2xl font-bold">{reason.label}</h1>
        <p className="mt-2">Every bounce in the catalogue with this cause.</p>
        <EntryList entries={reason.entries} label={reason.label} />
      </>
    );
  },
});

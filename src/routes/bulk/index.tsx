// Route glue: /bulk reads many bounces at once and reports on them. The loader reads the list of cause
// pages, so the report links each cause that has one.
import { createFileRoute } from '@tanstack/react-router';
import { loadLists } from '../../catalogue.ts';
import { BulkPage } from '../../components/bulk/BulkPage.tsx';
import { pageHead } from '../../head.ts';

export const Route = createFileRoute('/bulk/')({
  loader: loadLists,
  head: () => pageHead('Many bounces at once: a private bulk report', 'Drop a folder, an mbox or a zip of bounce messages and see the causes, the domains and the addresses to remove, without uploading anything.'),
  component: function BulkRoute() {
    const { reasons } = Route.useLoaderData();
    return <BulkPage reasonPages={new Set(reasons.map((reason) => reason.id))} />;
  },
});

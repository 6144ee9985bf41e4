// Route glue: /articles lists every remediation guide.
import { createFileRoute } from '@tanstack/react-router';
import { loadLists } from '../../catalogue.ts';
import { ArticleList } from '../../components/ArticleList.tsx';
import { pageHead } from '../../head.ts';

export const Route = createFileRoute('/articles/')({
  loader: loadLists,
  head: () => pageHead('Guides to fix bounces', 'Step-by-step guides: DNS records, SPF, DKIM, DMARC, blocklist removal, size limits and more.'),
  component: function ArticlesIndex() {
    const { articles } = Route.useLoaderData();
    return (
      <>
        <h1 className="text-2xl font-bold">Guides</h1>
        <ArticleList articles={articles} className="mt-4" />
      </>
    );
  },
});

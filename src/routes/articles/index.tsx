// Route glue: /articles lists every remediation guide.
import { createFileRoute, Link } from '@tanstack/react-router';
import { loadLists } from '../../catalogue.ts';
import { pageHead } from '../../head.ts';

export const Route = createFileRoute('/articles/')({
  loader: loadLists,
  head: () => pageHead('Guides to fix bounces', 'Step-by-step guides: DNS records, SPF, DKIM, DMARC, blocklist removal, size limits and more.'),
  component: function ArticlesIndex() {
    const { articles } = Route.useLoaderData();
    return (
      <>
        <h1 className="text-2xl font-bold">Guides</h1>
        <ul className="mt-4 space-y-3">
          {articles.map((article) => (
            <li key={article.slug}>
              <Link to="/articles/$slug" params={{ slug: article.slug }} className="font-medium">
                {article.title}
              </Link>
              <span className="block text-sm text-slate-700 dark:text-slate-300">{article.summary}</span>
            </li>
          ))}
        </ul>
      </>
    );
  },
});

// Route glue for one remediation guide: /articles/<slug>.
import { createFileRoute, Link, notFound } from '@tanstack/react-router';
import { loadArticle } from '../../catalogue.ts';
import { EntryList } from '../../components/EntryList.tsx';
import { Prose, ProseList } from '../../components/Prose.tsx';
import { pageHead } from '../../head.ts';

export const Route = createFileRoute('/articles/$slug')({
  loader: async ({ params }) => {
    const article = await loadArticle(params.slug);
    if (!article) throw notFound();
    return article;
  },
  head: ({ loaderData }) => (loaderData ? pageHead(loaderData.title, loaderData.summary) : {}),
  component: function ArticleRoute() {
    const article = Route.useLoaderData();
    return (
      <article>
        <p className="text-sm">
          <Link to="/articles">Guides</Link>
        </p>
        <h1 className="mt-1 text-2xl font-bold">{article.title}</h1>
        <p className="mt-2 text-lg">{article.summary}</p>
        <h2 className="mt-6 text-xl font-semibold">Goal</h2>
        <Prose html={`<p>${article.goalHtml}</p>`} />
        <h2 className="mt-6 text-xl font-semibold">Steps</h2>
        <ProseList items={article.stepsHtml} className="mt-2" />
        <h2 className="mt-6 text-xl font-semibold">Check that it worked</h2>
        <ProseList items={article.checkHtml} ordered={false} className="mt-2" />
        {article.bodyHtml && <Prose className="mt-6" html={article.bodyHtml} />}
        {article.codes.length > 0 && (
          <>
            <h2 className="mt-6 text-xl font-semibold">Codes that lead here</h2>
            <ul className="mt-2 flex flex-wrap gap-3">
              {article.codes.map((code) => (
                <li key={code.url}>
                  <Link to={code.url}>{code.title}</Link>
                </li>
              ))}
            </ul>
          </>
        )}
        <h2 className="mt-6 text-xl font-semibold">Bounces this guide fixes</h2>
        <EntryList entries={article.entries} label="Bounces this guide fixes" />
      </article>
    );
  },
});

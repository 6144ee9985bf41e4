// Guides as links, each with its one-sentence summary.
import { Link } from '@tanstack/react-router';

type ArticleListProps = { articles: readonly { slug: string; title: string; summary: string }[]; className?: string };

export function ArticleList({ articles, className = '' }: ArticleListProps) {
  return (
    <ul className={`space-y-3 ${className}`}>
      {articles.map((article) => (
        <li key={article.slug}>
          <Link to="/articles/$slug" params={{ slug: article.slug }} className="font-medium">
            {article.title}
          </Link>
          <span className="block text-sm text-slate-700 dark:text-slate-300">{article.summary}</span>
        </li>
      ))}
    </ul>
  );
}

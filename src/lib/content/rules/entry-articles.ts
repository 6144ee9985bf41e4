// Every article an entry links to exists in content/articles/.
import { suggest } from '../suggest.ts';
import type { ContentRule } from './rule.ts';

export const entryArticles: ContentRule = {
  name: 'entry-articles',
  check: ({ content }) =>
    content.entries.flatMap(({ path, data }) =>
      data.articles.flatMap((slug, i) => (content.articles.has(slug) ? [] : [`${path}: articles[${i}]: no article "${slug}"${suggest(slug, content.articles.keys())}`])),
    ),
};

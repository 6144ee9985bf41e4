// Derives the data that is not a page: the engine's match table, the public API and everything the paste
// box needs (loaded once, so diagnosing a paste makes no request at all).
import type { DiagnosisData, MatchableEntryData, PublicCatalogue } from './build.ts';
import type { SitePages } from './derive-pages.ts';
import type { ParsedContent } from './parse.ts';

export function deriveData(content: ParsedContent, pages: SitePages, reportBase: string): { match: MatchableEntryData[]; api: PublicCatalogue; diagnosis: DiagnosisData } {
  const match: MatchableEntryData[] = content.entries.map(({ id, data }) => ({
    id,
    texts: data.texts,
    reply: data.reply,
    enhanced: data.enhanced,
    tag: data.tag,
    reason: data.reason,
  }));

  const api: PublicCatalogue = {
    entries: pages.entries.map((page) => ({
      id: page.id,
      url: page.url,
      provider: page.provider,
      reply: page.reply,
      enhanced: page.enhanced,
      tag: page.tag,
      reason: page.reason,
      permanent: page.permanent,
      title: page.title,
      texts: page.texts,
      articles: page.articles.map((article) => article.slug),
    })),
    codes: pages.codes.map((page) => ({ code: page.code, url: page.url })),
    articles: pages.articles.map((page) => ({ slug: page.slug, url: page.url, title: page.title })),
  };

  const publicHosts = new Set<string>();
  for (const { data } of content.providers.values()) for (const host of [...data.domains, ...data.hosts]) publicHosts.add(host.toLowerCase());
  for (const { data } of content.entries) {
    // A host inside a link of a literal text, e.g. "https://postmaster.yahooinc.com/error-codes".
    for (const text of data.texts) for (const url of text.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)) publicHosts.add((url[1] ?? '').toLowerCase());
  }
  const diagnosis: DiagnosisData = {
    match,
    entries: Object.fromEntries(
      pages.entries.map((page) => [
        page.id,
        {
          id: page.id,
          url: page.url,
          title: page.title,
          summary: page.summary,
          permanent: page.permanent,
          reason: page.reason,
          actors: page.actors,
          steps: page.steps,
          tag: page.tag,
          providerName: page.providerName,
        },
      ]),
    ),
    codes: Object.fromEntries(pages.codes.map((page) => [page.code, { url: page.url, title: page.title, summary: page.summary }])),
    publicHosts: [...publicHosts].filter(Boolean).sort(),
    reportBase,
  };
  return { match, api, diagnosis };
}

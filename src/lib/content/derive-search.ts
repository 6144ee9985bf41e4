// Derives the search documents: one per code page, guide (article), cause (reason page), provider and
// entry, so one search finds every kind of page. Guides and causes carry the words people use for their
// subject (./search/topic-words.ts, the guide's headings); codes carry only their number, so a code matches exactly.
import { CAUSE_WORDS, GUIDE_WORDS, PROVIDER_WORDS } from '../search/topic-words.ts';
import type { SearchDocument } from './build.ts';
import type { SitePages } from './derive-pages.ts';

/** Plain text of a little Markdown: "[SPF](/articles/spf) **must**" -> "SPF must". */
const plain = (markdown: string): string => markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_#>]/g, '');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of rendered HTML: tags dropped, entities read ("the sender&#39;s" -> "the sender's"). */
const htmlText = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi, (whole, dec?: string, hex?: string, name?: string) => {
      const point = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : undefined;
      if (point !== undefined) return point <= 0x10ffff ? String.fromCodePoint(point) : whole;
      return ENTITIES[(name ?? '').toLowerCase()] ?? whole;
    });

/** The headings of an article body, e.g. "## What SPF is" -> "What SPF is". */
const headings = (html: string): string[] => [...html.matchAll(/<h[2-4][^>]*>(.*?)<\/h[2-4]>/g)].map((m) => htmlText(m[1] ?? ''));

export function deriveSearchDocuments(pages: SitePages): SearchDocument[] {
  const none = { provider: '', codes: [], tag: null, texts: [], keywords: [] };
  // A provider's own code (not in the registry) carried by one entry: search shows that entry right after the code page.
  const soleEntry = (page: SitePages['codes'][number]): string | undefined => (page.registered || page.entryCount !== 1 ? undefined : page.groups[0]?.entries[0]?.id);
  const codes: SearchDocument[] = pages.codes
    .filter((page) => page.kind === 'reply' || page.kind === 'enhanced')
    .map((page) => {
      const answeredBy = soleEntry(page);
      return { ...none, id: `code:${page.code}`, kind: 'code', url: page.url, title: `${page.code}: ${page.title}`, summary: page.summary, codes: [page.code], ...(answeredBy ? { answeredBy } : {}) };
    });
  const guides: SearchDocument[] = pages.articles.map((page) => ({
    ...none,
    id: `guide:${page.slug}`,
    kind: 'guide',
    url: page.url,
    title: page.title,
    summary: page.summary,
    texts: [plain(htmlText(page.goalHtml)), ...headings(page.bodyHtml)],
    keywords: [page.slug.replace(/-/g, ' '), ...(GUIDE_WORDS[page.slug] ?? [])],
  }));
  const causes: SearchDocument[] = pages.reasons.map((page) => ({
    ...none,
    id: `cause:${page.id}`,
    kind: 'cause',
    url: page.url,
    title: page.label,
    summary: `${String(page.entries.length)} bounce messages with this cause`,
    keywords: CAUSE_WORDS[page.id] ?? [],
  }));
  const providers: SearchDocument[] = pages.providers
    .filter((page) => page.key !== 'generic')
    .map((page) => ({ ...none, id: `provider:${page.key}`, kind: 'provider', url: page.url, title: page.name, summary: page.summary, provider: page.name, keywords: [page.key, ...page.domains, ...(PROVIDER_WORDS[page.key] ?? [])] }));
  const entries: SearchDocument[] = pages.entries.map((page) => ({
    id: page.id,
    kind: 'entry',
    url: page.url,
    title: page.title,
    summary: page.summary,
    provider: page.providerName,
    codes: [page.reply, page.enhanced].filter((code): code is string => Boolean(code)),
    tag: page.tag,
    texts: page.texts,
    keywords: [],
  }));
  return [...codes, ...guides, ...causes, ...providers, ...entries];
}

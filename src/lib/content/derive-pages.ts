// Derives the site's pages from checked content: entry, article, code, provider and reason pages and the
// lists that index them. Runs only after every content rule passed, so references here always resolve.
// Code pages follow RFC 5321 section 4.2.3 (reply codes) and RFC 3463 / the IANA registry (enhanced codes).
import { listAudiences } from './audiences.ts';
import type { ArticlePage, CodeCause, CodeGroup, CodePage, EntryPage, EntrySummary, LinkRef, ProviderPage, ReasonPage, SiteLists } from './build.ts';
import { buildReportUrl } from '../feedback/report-url.ts';
import { codeTitle, type CodeIndex } from './code-index.ts';
import { renderBlock, renderInline } from './markdown.ts';
import type { ParsedContent, ParsedEntry } from './parse.ts';
import { isPermanent } from './permanence.ts';
import { classKey, codeKind, detailKey, subjectKey } from './registry.ts';
import { articleUrl, codeUrl, entryUrl, providerUrl, reasonUrl } from './urls.ts';
import { AUDIENCES, AUDIENCE_LABELS, REASONS, REASON_LABELS, type Audience } from './vocabulary.ts';

export type SitePages = {
  entries: EntryPage[];
  articles: ArticlePage[];
  codes: CodePage[];
  providers: ProviderPage[];
  reasons: ReasonPage[];
  lists: SiteLists;
};

/** Orders codes as a person reads them: reply codes, then enhanced by class, subject and detail. */
export function compareCodes(a: string, b: string): number {
  const key = (code: string): number[] => code.split(/[.-]/).map((part) => (part === 'x' ? -1 : Number.parseInt(part, 10) || 0));
  const [ka, kb] = [key(a), key(b)];
  if (ka.length !== kb.length) return ka.length - kb.length;
  for (let i = 0; i < ka.length; i++) {
    const d = (ka[i] ?? 0) - (kb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** Every page of the site, known before pages are derived, so the links rule can check against it. */
export function listRoutes(content: ParsedContent, codes: CodeIndex): string[] {
  const reasons = new Set(content.entries.map((entry) => entry.data.reason));
  return [
    '/',
    '/codes',
    '/articles',
    '/providers',
    '/reasons',
    '/bulk',
    ...content.entries.map((entry) => entryUrl(entry.id)),
    ...[...codes.keys].sort(compareCodes).map(codeUrl),
    ...[...content.articles.keys()].map(articleUrl),
    ...[...content.providers.keys()].map(providerUrl),
    ...REASONS.filter((id) => reasons.has(id)).map(reasonUrl),
  ];
}

function stepsOf(entry: ParsedEntry): EntryPage['steps'] {
  return AUDIENCES.filter((audience) => entry.data.steps[audience]).map((audience) => ({
    audience,
    label: AUDIENCE_LABELS[audience],
    html: (entry.data.steps[audience] ?? []).map(renderInline),
  }));
}

export function derivePages(content: ParsedContent, codes: CodeIndex, reportBase: string): SitePages {
  const { entries, articles, providers } = content;
  const providerName = (key: string): string => providers.get(key)?.data.name ?? key;
  const summaries = new Map<string, EntrySummary>();
  for (const { id, provider, data } of entries) {
    summaries.set(id, {
      id,
      url: entryUrl(id),
      title: data.title,
      summary: data.summary,
      provider,
      providerName: providerName(provider),
      reply: data.reply,
      enhanced: data.enhanced,
      tag: data.tag,
      reason: data.reason,
      permanent: isPermanent(data),
    });
  }
  const summaryOf = (id: string): EntrySummary => summaries.get(id) as EntrySummary;
  const codePages = deriveCodePages(content, codes, summaryOf, reportBase);
  const codeLink = (code: string): LinkRef => ({ url: codeUrl(code), title: `${code}: ${codeTitle(codes, code)}` });

  const entryPages: EntryPage[] = entries.map((entry) => {
    const { id, data, body } = entry;
    const summary = summaryOf(id);
    const related = entries
      .filter((other) => other.id !== id && other.data.reason === data.reason && (other.provider === summary.provider || other.data.enhanced === data.enhanced))
      .slice(0, 6)
      .map((other) => summaryOf(other.id));
    return {
      ...summary,
      texts: data.texts,
      origin: data.origin,
      actors: data.actors,
      ...(data.docs ? { docs: data.docs } : {}),
      sources: data.sources,
      ...(data.reviewed ? { reviewed: data.reviewed } : {}),
      bodyHtml: renderBlock(body),
      reasonLabel: REASON_LABELS[data.reason],
      actorsText: listAudiences(data.actors),
      steps: stepsOf(entry),
      confirmHtml: renderInline(data.confirm),
      articles: data.articles.map((slug) => {
        const article = articles.get(slug);
        return { slug, url: articleUrl(slug), title: article?.data.title ?? slug, summary: article?.data.summary ?? '' };
      }),
      codes: [data.reply, data.enhanced].filter((code): code is string => Boolean(code)).map(codeLink),
      related,
      provenanceHtml: renderProvenance(data.sources, data.reviewed, buildReportUrl(reportBase, { pageUrl: summary.url, pageTitle: summary.title })),
    };
  });

  const articlePages: ArticlePage[] = [...articles.values()].map(({ slug, data, body }) => {
    const linking = entries.filter((entry) => entry.data.articles.includes(slug));
    const linked = [...new Set(linking.flatMap((entry) => [entry.data.reply, entry.data.enhanced]).filter((c): c is string => Boolean(c)))];
    return {
      slug,
      url: articleUrl(slug),
      title: data.title,
      summary: data.summary,
      goalHtml: renderInline(data.goal),
      stepsHtml: data.steps.map(renderInline),
      checkHtml: data.check.map(renderInline),
      bodyHtml: renderBlock(body),
      codes: linked.sort(compareCodes).map(codeLink),
      entries: linking.map((entry) => summaryOf(entry.id)),
    };
  });

  const providerPages: ProviderPage[] = [...providers.values()].map(({ key, data, body }) => ({
    key,
    url: providerUrl(key),
    name: data.name,
    summary: data.summary,
    domains: data.domains,
    ...(data.postmaster ? { postmaster: data.postmaster } : {}),
    ...(data.delisting ? { delisting: data.delisting } : {}),
    ...(data.docs ? { docs: data.docs } : {}),
    bodyHtml: renderBlock(body),
    entries: entries.filter((entry) => entry.provider === key).map((entry) => summaryOf(entry.id)),
  }));

  const reasonPages: ReasonPage[] = REASONS.map((id) => ({
    id,
    url: reasonUrl(id),
    label: REASON_LABELS[id],
    entries: entries.filter((entry) => entry.data.reason === id).map((entry) => summaryOf(entry.id)),
  })).filter((page) => page.entries.length > 0);

  const lists: SiteLists = {
    entryCount: entryPages.length,
    codes: codePages.map((page) => ({ code: page.code, url: page.url, title: page.title, kind: page.kind, count: page.entryCount, summary: page.summary })),
    articles: articlePages.map((page) => ({ slug: page.slug, url: page.url, title: page.title, summary: page.summary })),
    providers: providerPages.map((page) => ({ key: page.key, url: page.url, title: page.name, count: page.entries.length })),
    reasons: reasonPages.map((page) => ({ id: page.id, url: page.url, title: page.label, count: page.entries.length })),
  };
  return { entries: entryPages, articles: articlePages, codes: codePages, providers: providerPages, reasons: reasonPages, lists };
}

const KIND_LABELS = { reply: 'SMTP reply code', enhanced: 'Enhanced status code', class: 'Enhanced status class', subject: 'Enhanced status subject' } as const;
const REGISTRY_PAGES = { reply: 'https://www.rfc-editor.org/rfc/rfc5321#section-4.2.3', other: 'https://www.iana.org/assignments/smtp-enhanced-status-codes/' } as const;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The sources, last review and "This answer is wrong" block of a page, as build-time HTML shown through
 * Prose (our own content, escaped here), so it adds no script to entry and code pages.
 */
export function renderProvenance(sources: readonly string[], reviewed: string | null | undefined, reportUrl: string): string {
  const [year = '', month = '1', day = '1'] = (reviewed ?? '').split('-');
  const when = reviewed ? `<time datetime="${escapeHtml(reviewed)}">${String(Number(day))} ${MONTHS[Number(month) - 1] ?? ''} ${year}</time>` : 'not yet';
  // "https://github.com/fm/smtp-codes/blob/..." is shown as "github.com/fm/smtp-codes"; other links by host.
  const label = (source: string): string => {
    const [, host = source, repo = ''] = /^https:\/\/([^/]+)(\/[^/]+\/[^/#]+)?/.exec(source) ?? [];
    return host === 'github.com' ? host + repo : host;
  };
  const from = sources.length
    ? sources.map((source) => (source.startsWith('https://') ? `<a href="${escapeHtml(source)}">${escapeHtml(label(source))}</a>` : escapeHtml(source))).join('; ')
    : 'not yet checked against a published source';
  return [
    `<p><strong>Last reviewed:</strong> ${when}</p>`,
    `<p><strong>Facts from:</strong> ${from}</p>`,
    `<p><a href="${escapeHtml(reportUrl)}">This answer is wrong</a> (a prefilled report on the project's issue tracker, with only this page's address)</p>`,
  ].join('');
}

/** How many causes a code page explains with steps; the rest are counted in its groups. */
const CAUSES_SHOWN = 3;

function deriveCodePages(content: ParsedContent, codes: CodeIndex, summaryOf: (id: string) => EntrySummary, reportBase: string): CodePage[] {
  const sorted = [...codes.keys].sort(compareCodes);
  const present = new Set(sorted);
  const link = (code: string): LinkRef => ({ url: codeUrl(code), title: `${code}: ${codeTitle(codes, code)}` });
  const linkIfPresent = (code: string): LinkRef | null => (present.has(code) ? link(code) : null);
  const providerName = (key: string): string => content.providers.get(key)?.data.name ?? key;
  return sorted.map((code) => {
    const kind = codeKind(code);
    const registryKey = kind === 'enhanced' ? detailKey(code) : code;
    const note = content.notes.get(code) ?? content.notes.get(registryKey);
    const registry = codes.registered.get(registryKey);
    let listed: ParsedEntry[];
    if (kind === 'reply') listed = content.entries.filter((entry) => entry.data.reply === code);
    else if (kind === 'enhanced') listed = content.entries.filter((entry) => entry.data.enhanced === code);
    else if (kind === 'class') {
      listed = content.entries.filter((entry) => !entry.data.reply && !entry.data.enhanced && (isPermanent(entry.data) ? '5' : '4') === code[0]);
    } else listed = [];
    const classDigit = code[0];
    const details =
      kind === 'subject'
        ? sorted.filter((other) => codeKind(other) === 'enhanced' && other.startsWith('5.') && subjectKey(other) === code)
        : kind === 'class' && classDigit !== 'x'
          ? sorted.filter((other) => codeKind(other) === 'reply' && other[0] === classDigit)
          : [];
    const partner = (entry: ParsedEntry): string | null => (kind === 'reply' ? entry.data.enhanced : kind === 'enhanced' ? entry.data.reply : null);
    const related = [...new Set(listed.map(partner).filter((other): other is string => Boolean(other)))].sort(compareCodes).map(link);
    return {
      code,
      url: codeUrl(code),
      kind,
      title: codeTitle(codes, code),
      registered: Boolean(registry),
      reference: registry?.reference ?? null,
      summary: note?.summary ?? '',
      noteHtml: note ? renderBlock(note.body) : '',
      permanent: kind === 'subject' ? null : code[0] === '5' ? true : code[0] === '4' ? false : null,
      classLink: kind === 'reply' || kind === 'enhanced' ? linkIfPresent(classKey(code)) : null,
      subjectLink: kind === 'enhanced' ? linkIfPresent(subjectKey(code)) : null,
      detailLinks: details.map(link),
      related,
      kindLabel: KIND_LABELS[kind],
      provenanceHtml: renderProvenance(
        registry ? [kind === 'reply' ? REGISTRY_PAGES.reply : REGISTRY_PAGES.other] : [],
        listed.map((entry) => entry.data.reviewed ?? '').sort().at(-1) || null,
        buildReportUrl(reportBase, { pageUrl: codeUrl(code), pageTitle: `${code}: ${codeTitle(codes, code)}` }),
      ),
      actorsText: listed.length ? listAudiences(commonActors(listed)) : '',
      causes: deriveCauses(listed, summaryOf),
      entryCount: listed.length,
      groups: groupEntries(listed, kind, summaryOf, (key) => (kind === 'reply' ? link(key).title : providerName(key)), link),
    };
  });
}

/** The audiences that most often head an entry's actors, most frequent first (at most two). */
function commonActors(entries: readonly ParsedEntry[]): Audience[] {
  const counts = new Map<Audience, number>();
  for (const entry of entries) {
    const first = entry.data.actors[0];
    if (first) counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([audience]) => audience);
}

/** The commonest reasons among a code's entries, each shown with a typical entry's steps (a generic one when there is). */
function deriveCauses(entries: readonly ParsedEntry[], summaryOf: (id: string) => EntrySummary): CodeCause[] {
  const byReason = new Map<string, ParsedEntry[]>();
  for (const entry of entries) byReason.set(entry.data.reason, [...(byReason.get(entry.data.reason) ?? []), entry]);
  return [...byReason.values()]
    .sort((a, b) => b.length - a.length)
    .slice(0, CAUSES_SHOWN)
    .flatMap((group) => {
      const example = group.find((entry) => entry.provider === 'generic') ?? group[0];
      if (!example) return [];
      const reason = example.data.reason;
      const summary = summaryOf(example.id);
      return [{ reason, label: REASON_LABELS[reason], url: reasonUrl(reason), count: group.length, example: { url: summary.url, title: summary.title }, steps: stepsOf(example) }];
    });
}

function groupEntries(
  entries: readonly ParsedEntry[],
  kind: string,
  summaryOf: (id: string) => EntrySummary,
  labelOf: (key: string) => string,
  link: (code: string) => LinkRef,
): CodeGroup[] {
  const keyOf = (entry: ParsedEntry): string => (kind === 'reply' ? (entry.data.enhanced ?? '') : entry.provider);
  const groups = new Map<string, ParsedEntry[]>();
  for (const entry of entries) groups.set(keyOf(entry), [...(groups.get(keyOf(entry)) ?? []), entry]);
  return [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length || compareCodes(a[0], b[0]) || a[0].localeCompare(b[0]))
    .map(([key, members]) => ({
      key,
      label: key === '' ? 'No enhanced code' : labelOf(key),
      url: kind === 'reply' && key ? link(key).url : kind === 'reply' ? null : providerUrl(key),
      entries: members.map((entry) => summaryOf(entry.id)),
    }));
}

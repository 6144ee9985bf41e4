// The content step: validates every content file and every cross-reference, then derives the data the
// site reads (one JSON file per page, the search documents, the engine's match table, the public API).
// Pure: takes file sources, returns errors and outputs; scripts/build-content.ts does the file system.
// Code pages follow RFC 5321 section 4.2.3 (reply codes) and RFC 3463 / the IANA registry (enhanced codes).
import { marked } from 'marked';
import type { z } from 'zod';
import { listAudiences } from './audiences.ts';
import { splitFrontMatter } from './front-matter.ts';
import {
  classKey,
  codeKind,
  detailKey,
  parseRegistryCsv,
  registryCodeToPageKey,
  subjectKey,
  type CodeKind,
} from './registry.ts';
import {
  articleSchema,
  codeNoteSchema,
  entrySchema,
  providerSchema,
  SLUG,
  type ArticleFrontMatter,
  type EntryFrontMatter,
  type ProviderFrontMatter,
} from './schema.ts';
import { AUDIENCES, AUDIENCE_LABELS, PROVIDERS, REASONS, REASON_LABELS, type Audience, type Provider, type Reason } from './vocabulary.ts';

export type SourceFile = { path: string; source: string };

export type EntrySummary = {
  id: string;
  url: string;
  title: string;
  summary: string;
  provider: Provider;
  providerName: string;
  reply: string | null;
  enhanced: string | null;
  tag: string | null;
  reason: Reason;
  permanent: boolean;
};

export type LinkRef = { url: string; title: string };

export type EntryPage = EntrySummary &
  Pick<EntryFrontMatter, 'texts' | 'origin' | 'actors' | 'docs'> & {
    bodyHtml: string;
    reasonLabel: string;
    /** Who has to act, in words, as one phrase: "The sender, or the recipient's mail admin". */
    actorsText: string;
    steps: { audience: Audience; label: string; html: string[] }[];
    confirmHtml: string;
    articles: (LinkRef & { slug: string; summary: string })[];
    codes: LinkRef[];
    related: EntrySummary[];
  };

export type ArticlePage = Pick<ArticleFrontMatter, 'title' | 'summary'> & {
  slug: string;
  url: string;
  goalHtml: string;
  stepsHtml: string[];
  checkHtml: string[];
  bodyHtml: string;
  codes: LinkRef[];
  entries: EntrySummary[];
};

export type CodePage = {
  code: string;
  url: string;
  kind: CodeKind;
  title: string;
  registered: boolean;
  reference: string | null;
  summary: string;
  noteHtml: string;
  permanent: boolean | null;
  classLink: LinkRef | null;
  subjectLink: LinkRef | null;
  detailLinks: LinkRef[];
  entries: EntrySummary[];
};

export type ProviderPage = Pick<ProviderFrontMatter, 'name' | 'summary' | 'postmaster' | 'delisting' | 'docs' | 'domains'> & {
  key: Provider;
  url: string;
  bodyHtml: string;
  entries: EntrySummary[];
};

export type ReasonPage = { id: Reason; url: string; label: string; entries: EntrySummary[] };

export type SearchDocument = {
  id: string;
  url: string;
  title: string;
  summary: string;
  provider: string;
  codes: string[];
  tag: string | null;
  texts: string[];
};

export type MatchableEntryData = Pick<EntryFrontMatter, 'texts' | 'reply' | 'enhanced' | 'tag' | 'reason'> & {
  id: string;
};

/** Everything the paste box needs, loaded once so that diagnosing a paste makes no request at all. */
export type DiagnosisData = {
  match: MatchableEntryData[];
  entries: Record<string, Pick<EntryPage, 'id' | 'url' | 'title' | 'summary' | 'permanent' | 'reason' | 'actors' | 'steps' | 'tag' | 'providerName'> & {
    articles: LinkRef[];
  }>;
  codes: Record<string, { url: string; title: string; summary: string }>;
  /** Host names that are public facts (providers, blocklists, help sites): kept when a share link is redacted. */
  publicHosts: string[];
};

export type SiteLists = {
  entryCount: number;
  codes: (LinkRef & { code: string; kind: CodeKind; count: number })[];
  articles: (LinkRef & { slug: string; summary: string })[];
  providers: (LinkRef & { key: Provider; count: number })[];
  reasons: (LinkRef & { id: Reason; count: number })[];
};

export type PublicCatalogue = {
  entries: {
    id: string;
    url: string;
    provider: Provider;
    reply: string | null;
    enhanced: string | null;
    tag: string | null;
    reason: Reason;
    permanent: boolean;
    title: string;
    texts: string[];
    articles: string[];
  }[];
  codes: { code: string; url: string }[];
  articles: { slug: string; url: string; title: string }[];
};

export type BuildOutput = {
  entries: EntryPage[];
  articles: ArticlePage[];
  codes: CodePage[];
  providers: ProviderPage[];
  reasons: ReasonPage[];
  lists: SiteLists;
  search: SearchDocument[];
  match: MatchableEntryData[];
  api: PublicCatalogue;
  diagnosis: DiagnosisData;
  routes: string[];
};

export type BuildResult = { errors: string[]; output: BuildOutput | null };

type Registries = { replyCsv: string; enhancedCsv: string };

const renderBlock = (markdown: string): string => marked.parse(markdown, { async: false, gfm: true });
const renderInline = (markdown: string): string => marked.parseInline(markdown, { async: false, gfm: true });

export const entryUrl = (id: string): string => `/bounces/${id}`;
export const codeUrl = (code: string): string => `/codes/${code}`;
export const articleUrl = (slug: string): string => `/articles/${slug}`;
export const providerUrl = (key: string): string => `/providers/${key}`;
export const reasonUrl = (id: string): string => `/reasons/${id}`;

/** Edit distance, for "did you mean" hints on broken references. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length] ?? 0;
}

function suggest(value: string, candidates: Iterable<string>): string {
  let best = '';
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(value, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best && bestDistance <= Math.max(2, value.length / 3) ? ` (did you mean ${best}?)` : '';
}

function formatIssues(path: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${path}: ${issue.path.length ? formatPath(issue.path) : 'front matter'}: ${issue.message}`);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`))
    .join('');
}

const fileName = (path: string): string => path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/, '');

/** Normalises a literal text for duplicate detection: case and runs of white space do not count. */
const normaliseText = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

type ParsedEntry = { path: string; id: string; provider: Provider; slug: string; data: EntryFrontMatter; body: string; permanent: boolean };
type ParsedArticle = { path: string; slug: string; data: ArticleFrontMatter; body: string };
type ParsedProvider = { path: string; key: Provider; data: ProviderFrontMatter; body: string };

export function buildContent(files: readonly SourceFile[], registries: Registries): BuildResult {
  const errors: string[] = [];
  const entries: ParsedEntry[] = [];
  const articles = new Map<string, ParsedArticle>();
  const providers = new Map<Provider, ParsedProvider>();
  const notes = new Map<string, { path: string; summary: string; body: string }>();
  const isProvider = (key: string): key is Provider => (PROVIDERS as readonly string[]).includes(key);

  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const parts = file.path.split('/');
    const name = fileName(file.path);
    const kind = parts[1];
    if (!file.path.endsWith('.md') || name === 'README') continue;
    const slugOk = SLUG.test(name);
    const split = splitFrontMatter(file.source);
    if (!split.ok) {
      errors.push(`${file.path}: ${split.error}`);
      continue;
    }
    if (kind === 'bounces') {
      const provider = parts[2] ?? '';
      if (parts.length !== 4) {
        errors.push(`${file.path}: path: entries live in content/bounces/<provider>/<slug>.md`);
        continue;
      }
      if (!isProvider(provider)) {
        errors.push(`${file.path}: provider: no provider "${provider}"${suggest(provider, PROVIDERS)}`);
        continue;
      }
      if (!slugOk) errors.push(`${file.path}: file name: "${name}" is not a kebab-case slug`);
      const parsed = entrySchema.safeParse(split.data);
      if (!parsed.success) {
        errors.push(...formatIssues(file.path, parsed.error));
        continue;
      }
      const permanent = derivePermanence(file.path, parsed.data, errors);
      entries.push({ path: file.path, id: `${provider}/${name}`, provider, slug: name, data: parsed.data, body: split.body, permanent });
    } else if (kind === 'articles') {
      if (!slugOk) errors.push(`${file.path}: file name: "${name}" is not a kebab-case slug`);
      const parsed = articleSchema.safeParse(split.data);
      if (!parsed.success) errors.push(...formatIssues(file.path, parsed.error));
      else articles.set(name, { path: file.path, slug: name, data: parsed.data, body: split.body });
    } else if (kind === 'providers') {
      if (!isProvider(name)) {
        errors.push(`${file.path}: file name: no provider "${name}" in PROVIDERS${suggest(name, PROVIDERS)}`);
        continue;
      }
      const parsed = providerSchema.safeParse(split.data);
      if (!parsed.success) errors.push(...formatIssues(file.path, parsed.error));
      else providers.set(name, { path: file.path, key: name, data: parsed.data, body: split.body });
    } else if (kind === 'codes') {
      const parsed = codeNoteSchema.safeParse(split.data);
      if (!parsed.success) errors.push(...formatIssues(file.path, parsed.error));
      else notes.set(name, { path: file.path, summary: parsed.data.summary, body: split.body });
    } else {
      errors.push(`${file.path}: path: unknown content folder "${kind ?? ''}"`);
    }
  }

  // Cross-references of entries.
  const textOwners = new Map<string, string>();
  for (const entry of entries) {
    const { data, path } = entry;
    data.articles.forEach((slug, i) => {
      if (!articles.has(slug)) errors.push(`${path}: articles[${i}]: no article "${slug}"${suggest(slug, articles.keys())}`);
    });
    if (!providers.has(entry.provider)) {
      errors.push(`${path}: provider: no profile content/providers/${entry.provider}.md for this entry's folder`);
    }
    for (const audience of Object.keys(data.steps) as Audience[]) {
      if (!data.actors.includes(audience)) errors.push(`${path}: steps.${audience}: "${audience}" is not listed in actors`);
    }
    data.actors.forEach((audience, i) => {
      if (!data.steps[audience]) errors.push(`${path}: actors[${i}]: no steps for "${audience}"`);
    });
    data.texts.forEach((text, i) => {
      const key = normaliseText(text);
      const owner = textOwners.get(key);
      if (owner) errors.push(`${path}: texts[${i}]: the same literal text is already claimed by ${owner}`);
      else textOwners.set(key, path);
    });
  }

  // Code pages: every registered code, plus every code used by an entry.
  const replyRows = parseRegistryCsv(registries.replyCsv);
  const enhancedRows = parseRegistryCsv(registries.enhancedCsv);
  const registered = new Map<string, { title: string; reference: string }>();
  for (const row of replyRows) registered.set(row.code, { title: row.title, reference: row.reference });
  for (const row of enhancedRows) registered.set(registryCodeToPageKey(row.code), { title: row.title, reference: row.reference });

  const codeKeys = new Set<string>();
  for (const row of replyRows) codeKeys.add(row.code);
  for (const row of enhancedRows) {
    const key = registryCodeToPageKey(row.code);
    const kind = codeKind(key);
    if (kind === 'class' || kind === 'subject') codeKeys.add(key);
    else {
      codeKeys.add(`4${key.slice(1)}`);
      codeKeys.add(`5${key.slice(1)}`);
    }
  }
  for (const { data } of entries) {
    if (data.reply) codeKeys.add(data.reply);
    if (data.enhanced) codeKeys.add(data.enhanced);
  }
  for (const [key, note] of notes) {
    const known = codeKeys.has(key) || registered.has(key) || codeKeys.has(`5${key.slice(1)}`);
    if (!known) errors.push(`${note.path}: file name: no code "${key}" in the registries or the catalogue${suggest(key, registered.keys())}`);
  }

  if (errors.length) return { errors, output: null };

  // Derived data.
  const providerName = (key: Provider): string => providers.get(key)?.data.name ?? key;
  const summaries = new Map<string, EntrySummary>();
  for (const { id, provider, data, permanent } of entries) {
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
      permanent,
    });
  }
  const summaryOf = (id: string): EntrySummary => summaries.get(id) as EntrySummary;

  const codePages = buildCodePages([...codeKeys], registered, notes, entries, summaryOf);
  const codeTitles = new Map(codePages.map((page) => [page.code, page.title]));
  const codeLink = (code: string): LinkRef => ({ url: codeUrl(code), title: `${code}: ${codeTitles.get(code) ?? ''}` });

  const entryPages: EntryPage[] = entries.map(({ id, data, body }) => {
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
      bodyHtml: renderBlock(body),
      reasonLabel: REASON_LABELS[data.reason],
      actorsText: listAudiences(data.actors),
      steps: AUDIENCES.filter((audience) => data.steps[audience]).map((audience) => ({
        audience,
        label: AUDIENCE_LABELS[audience],
        html: (data.steps[audience] ?? []).map(renderInline),
      })),
      confirmHtml: renderInline(data.confirm),
      articles: data.articles.map((slug) => {
        const article = articles.get(slug) as ParsedArticle;
        return { slug, url: articleUrl(slug), title: article.data.title, summary: article.data.summary };
      }),
      codes: [data.reply, data.enhanced].filter((code): code is string => Boolean(code)).map(codeLink),
      related,
    };
  });

  const articlePages: ArticlePage[] = [...articles.values()].map(({ slug, data, body }) => {
    const linking = entries.filter((entry) => entry.data.articles.includes(slug));
    const codes = [...new Set(linking.flatMap((entry) => [entry.data.reply, entry.data.enhanced]).filter((c): c is string => Boolean(c)))]
      .sort(compareCodes)
      .map(codeLink);
    return {
      slug,
      url: articleUrl(slug),
      title: data.title,
      summary: data.summary,
      goalHtml: renderInline(data.goal),
      stepsHtml: data.steps.map(renderInline),
      checkHtml: data.check.map(renderInline),
      bodyHtml: renderBlock(body),
      codes,
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

  // Reachability: every entry must be listed on a provider page and on at least one code page.
  const onCodePage = new Set(codePages.flatMap((page) => page.entries.map((entry) => entry.id)));
  for (const entry of entries) {
    if (!onCodePage.has(entry.id)) errors.push(`${entry.path}: reply/enhanced: the entry is not listed on any code page`);
  }

  const routes = [
    '/',
    '/codes',
    '/articles',
    '/providers',
    '/reasons',
    '/bulk',
    ...entryPages.map((page) => page.url),
    ...codePages.map((page) => page.url),
    ...articlePages.map((page) => page.url),
    ...providerPages.map((page) => page.url),
    ...reasonPages.map((page) => page.url),
  ];

  // Dead internal links in rendered Markdown.
  const routeSet = new Set(routes);
  const checkLinks = (path: string, html: string): void => {
    for (const match of html.matchAll(/href="([^"]*)"/g)) {
      const href = match[1] ?? '';
      if (href.startsWith('/') && !routeSet.has(href.split('#')[0] ?? '')) {
        errors.push(`${path}: body: link to "${href}" goes to no page${suggest(href, routeSet)}`);
      } else if (/^http:/i.test(href)) {
        errors.push(`${path}: body: link to "${href}" must use https`);
      }
    }
  };
  entryPages.forEach((page, i) => {
    const path = entries[i]?.path ?? page.id;
    checkLinks(path, [page.bodyHtml, page.confirmHtml, ...page.steps.flatMap((step) => step.html)].join('\n'));
  });
  for (const page of articlePages) {
    checkLinks(`content/articles/${page.slug}.md`, [page.bodyHtml, page.goalHtml, ...page.stepsHtml, ...page.checkHtml].join('\n'));
  }
  for (const page of providerPages) checkLinks(`content/providers/${page.key}.md`, page.bodyHtml);
  for (const note of notes.values()) checkLinks(note.path, renderBlock(note.body));

  if (errors.length) return { errors, output: null };

  const lists: SiteLists = {
    entryCount: entryPages.length,
    codes: codePages.map((page) => ({ code: page.code, url: page.url, title: page.title, kind: page.kind, count: page.entries.length })),
    articles: articlePages.map((page) => ({ slug: page.slug, url: page.url, title: page.title, summary: page.summary })),
    providers: providerPages.map((page) => ({ key: page.key, url: page.url, title: page.name, count: page.entries.length })),
    reasons: reasonPages.map((page) => ({ id: page.id, url: page.url, title: page.label, count: page.entries.length })),
  };

  const search: SearchDocument[] = entryPages.map((page) => ({
    id: page.id,
    url: page.url,
    title: page.title,
    summary: page.summary,
    provider: page.providerName,
    codes: [page.reply, page.enhanced].filter((code): code is string => Boolean(code)),
    tag: page.tag,
    texts: page.texts,
  }));

  const match: MatchableEntryData[] = entries.map(({ id, data }) => ({
    id,
    texts: data.texts,
    reply: data.reply,
    enhanced: data.enhanced,
    tag: data.tag,
    reason: data.reason,
  }));

  const api: PublicCatalogue = {
    entries: entryPages.map((page) => ({
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
    codes: codePages.map((page) => ({ code: page.code, url: page.url })),
    articles: articlePages.map((page) => ({ slug: page.slug, url: page.url, title: page.title })),
  };

  const publicHosts = new Set<string>();
  for (const { data } of providers.values()) for (const host of [...data.domains, ...data.hosts]) publicHosts.add(host.toLowerCase());
  for (const { data } of entries) {
    for (const text of data.texts) for (const url of text.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)) publicHosts.add((url[1] ?? '').toLowerCase());
  }
  const diagnosis: DiagnosisData = {
    match,
    entries: Object.fromEntries(
      entryPages.map((page) => [
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
          articles: page.articles.map(({ url, title }) => ({ url, title })),
        },
      ]),
    ),
    codes: Object.fromEntries(codePages.map((page) => [page.code, { url: page.url, title: page.title, summary: page.summary }])),
    publicHosts: [...publicHosts].filter(Boolean).sort(),
  };

  return {
    errors,
    output: { entries: entryPages, articles: articlePages, codes: codePages, providers: providerPages, reasons: reasonPages, lists, search, match, api, diagnosis, routes },
  };
}

function derivePermanence(path: string, data: EntryFrontMatter, errors: string[]): boolean {
  const classes = [data.reply, data.enhanced].filter((code): code is string => Boolean(code)).map((code) => code[0]);
  if (classes.length === 0) {
    if (!data.permanence) {
      errors.push(`${path}: permanence: an entry with no reply or enhanced code must say temporary or permanent`);
      return true;
    }
    return data.permanence === 'permanent';
  }
  if (data.permanence) errors.push(`${path}: permanence: derived from the code; remove this field`);
  if (classes.length === 2 && classes[0] !== classes[1]) {
    errors.push(`${path}: enhanced: class ${classes[1] ?? ''} does not agree with reply code ${data.reply ?? ''}`);
  }
  return classes[0] === '5';
}

/** Orders codes as a person reads them: reply codes, then enhanced by class, subject and detail. */
export function compareCodes(a: string, b: string): number {
  const key = (code: string): number[] =>
    code.split(/[.-]/).map((part) => (part === 'x' ? -1 : Number.parseInt(part, 10) || 0));
  const [ka, kb] = [key(a), key(b)];
  if (ka.length !== kb.length) return ka.length - kb.length;
  for (let i = 0; i < ka.length; i++) {
    const d = (ka[i] ?? 0) - (kb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

function buildCodePages(
  keys: string[],
  registered: Map<string, { title: string; reference: string }>,
  notes: Map<string, { summary: string; body: string }>,
  entries: readonly ParsedEntry[],
  summaryOf: (id: string) => EntrySummary,
): CodePage[] {
  const sorted = keys.sort(compareCodes);
  const titleOf = (code: string): string => {
    const kind = codeKind(code);
    if (kind === 'enhanced') {
      const registry = registered.get(detailKey(code));
      return registry ? registry.title || 'No title in the registry' : 'Provider-specific status';
    }
    return registered.get(code)?.title ?? (kind === 'reply' ? 'Non-standard reply code' : 'Status');
  };
  const link = (code: string): LinkRef => ({ url: codeUrl(code), title: `${code}: ${titleOf(code)}` });
  const present = new Set(sorted);
  const linkIfPresent = (code: string): LinkRef | null => (present.has(code) ? link(code) : null);
  return sorted.map((code) => {
    const kind = codeKind(code);
    const registryKey = kind === 'enhanced' ? detailKey(code) : code;
    const note = notes.get(code) ?? notes.get(registryKey);
    const registry = registered.get(registryKey);
    let listed: ParsedEntry[];
    if (kind === 'reply') listed = entries.filter((entry) => entry.data.reply === code);
    else if (kind === 'enhanced') listed = entries.filter((entry) => entry.data.enhanced === code);
    else if (kind === 'class') {
      listed = entries.filter((entry) => !entry.data.reply && !entry.data.enhanced && (entry.permanent ? '5' : '4') === code[0]);
    } else listed = [];
    const classDigit = code[0];
    const details =
      kind === 'subject'
        ? sorted.filter((other) => codeKind(other) === 'enhanced' && other.startsWith('5.') && subjectKey(other) === code)
        : kind === 'class' && classDigit !== 'x'
          ? sorted.filter((other) => codeKind(other) === 'reply' && other[0] === classDigit)
          : [];
    return {
      code,
      url: codeUrl(code),
      kind,
      title: titleOf(code),
      registered: Boolean(registry),
      reference: registry?.reference ?? null,
      summary: note?.summary ?? '',
      noteHtml: note ? renderBlock(note.body) : '',
      permanent: kind === 'subject' ? null : code[0] === '5' ? true : code[0] === '4' ? false : null,
      classLink: kind === 'reply' || kind === 'enhanced' ? linkIfPresent(classKey(code)) : null,
      subjectLink: kind === 'enhanced' ? linkIfPresent(subjectKey(code)) : null,
      detailLinks: details.map(link),
      entries: listed.map((entry) => summaryOf(entry.id)),
    };
  });
}

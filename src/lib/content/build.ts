// The content step: parses every content file, runs the content rules (./rules/, one module per check),
// then derives the data the site reads (pages, search documents, the engine's match table, the public
// API). Pure: takes file sources, returns errors and outputs; scripts/build-content.ts does the file system.
// Code pages follow RFC 5321 section 4.2.3 (reply codes) and RFC 3463 / the IANA registry (enhanced codes).
import { indexCodes, type Registries } from './code-index.ts';
import { deriveData } from './derive-data.ts';
import { derivePages, listRoutes, type SitePages } from './derive-pages.ts';
import { deriveSearchDocuments } from './derive-search.ts';
import { parseContent, type SourceFile } from './parse.ts';
import type { CodeKind } from './registry.ts';
import { CONTENT_RULES } from './rules/all.ts';
import type { ArticleFrontMatter, EntryFrontMatter, ProviderFrontMatter } from './schema.ts';
import type { Audience, Reason } from './vocabulary.ts';

export type { SourceFile } from './parse.ts';
export { compareCodes } from './derive-pages.ts';

export type EntrySummary = {
  id: string;
  url: string;
  title: string;
  summary: string;
  provider: string;
  providerName: string;
  reply: string | null;
  enhanced: string | null;
  tag: string | null;
  reason: Reason;
  permanent: boolean;
};

export type LinkRef = { url: string; title: string };

export type EntryPage = EntrySummary &
  Pick<EntryFrontMatter, 'texts' | 'origin' | 'actors' | 'docs' | 'sources' | 'reviewed'> & {
    bodyHtml: string;
    reasonLabel: string;
    /** Who has to act, in words, as one phrase: "The sender, or the recipient's mail admin". */
    actorsText: string;
    steps: { audience: Audience; label: string; html: string[] }[];
    confirmHtml: string;
    articles: (LinkRef & { slug: string; summary: string })[];
    codes: LinkRef[];
    related: EntrySummary[];
    /** Sources, last review and the "This answer is wrong" report link, as build-time HTML. */
    provenanceHtml: string;
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
  /** Codes seen together with this one in the catalogue: enhanced codes of a reply code and back. */
  related: LinkRef[];
  /** "SMTP reply code", "Enhanced status code" ... */
  kindLabel: string;
  /** Where its definition comes from (the registry or RFC), its entries' newest review, and the report link, as build-time HTML. */
  provenanceHtml: string;
  /** Who usually has to act, in words, from the entries that carry the code. */
  actorsText: string;
  /** The most common causes among its entries, each with the steps of a typical entry. */
  causes: CodeCause[];
  entryCount: number;
  /** Its entries grouped: by enhanced code on a reply-code page, by provider on an enhanced-code page. */
  groups: CodeGroup[];
};

export type CodeCause = { reason: Reason; label: string; url: string; count: number; example: LinkRef; steps: EntryPage['steps'] };
export type CodeGroup = { key: string; label: string; url: string | null; entries: EntrySummary[] };

export type ProviderPage = Pick<ProviderFrontMatter, 'name' | 'summary' | 'postmaster' | 'delisting' | 'docs' | 'domains'> & {
  key: string;
  url: string;
  bodyHtml: string;
  entries: EntrySummary[];
};

export type ReasonPage = { id: Reason; url: string; label: string; entries: EntrySummary[] };

/** What a search result is: a code page, a guide (article), a cause (reason page), a provider or an entry. */
export type SearchKind = 'code' | 'guide' | 'cause' | 'provider' | 'entry';

export type SearchDocument = {
  id: string;
  kind: SearchKind;
  url: string;
  title: string;
  summary: string;
  provider: string;
  codes: string[];
  tag: string | null;
  texts: string[];
  /** Other words that name the page (a guide's subject, a provider's domains); indexed like the title. */
  keywords: string[];
  /** On a code page of a provider's own code that one entry carries (5.7.520): that entry's id, shown right after the code page. */
  answeredBy?: string;
};

export type MatchableEntryData = Pick<EntryFrontMatter, 'texts' | 'reply' | 'enhanced' | 'tag' | 'reason'> & {
  id: string;
};

/** What the paste box shows of a catalogue entry, keyed by its id. */
export type DiagnosisEntry = Pick<EntryPage, 'id' | 'url' | 'title' | 'summary' | 'permanent' | 'reason' | 'actors' | 'steps' | 'tag' | 'providerName'>;
/** What the paste box shows of a code page, keyed by its code. */
export type DiagnosisCode = { url: string; title: string; summary: string };

/** Everything the paste box needs, loaded once so that diagnosing a paste makes no request at all. */
export type DiagnosisData = {
  match: MatchableEntryData[];
  entries: Record<string, DiagnosisEntry>;
  codes: Record<string, DiagnosisCode>;
  /** Host names that are public facts (providers, blocklists, help sites): kept when a share link is redacted. */
  publicHosts: string[];
  /** Where "This answer is wrong" reports go: the new-issue address set at build time. */
  reportBase: string;
};

export type SiteLists = {
  entryCount: number;
  codes: (LinkRef & { code: string; kind: CodeKind; count: number; summary: string })[];
  articles: (LinkRef & { slug: string; summary: string })[];
  providers: (LinkRef & { key: string; count: number })[];
  reasons: (LinkRef & { id: Reason; count: number })[];
};

export type PublicCatalogue = {
  entries: {
    id: string;
    url: string;
    provider: string;
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

/** The pages (see derive-pages.ts) and the data derived from them. */
export type BuildOutput = SitePages & {
  search: SearchDocument[];
  match: MatchableEntryData[];
  api: PublicCatalogue;
  diagnosis: DiagnosisData;
  routes: string[];
};

export type BuildResult = { errors: string[]; output: BuildOutput | null };

/** Where "This answer is wrong" reports go unless the build names another tracker (REPORT_URL). */
export const DEFAULT_REPORT_URL = 'https://github.com/bouncedoc/bouncedoc/issues/new';

export function buildContent(files: readonly SourceFile[], registries: Registries, reportBase = DEFAULT_REPORT_URL): BuildResult {
  const parsed = parseContent(files);
  const codes = indexCodes(registries, parsed.content);
  const routes = new Set(listRoutes(parsed.content, codes));
  const context = { content: parsed.content, codes, routes };
  const errors = [...parsed.errors, ...CONTENT_RULES.flatMap((rule) => rule.check(context))];
  if (errors.length) return { errors, output: null };
  const pages = derivePages(parsed.content, codes, reportBase);
  const search = deriveSearchDocuments(pages);
  const { match, api, diagnosis } = deriveData(parsed.content, pages, reportBase);
  return { errors, output: { ...pages, search, match, api, diagnosis, routes: [...routes] } };
}

// The one place the app reads generated catalogue data (written by scripts/build-content.ts).
// Every page's data is its own lazily loaded chunk, so a page loads only what it shows.
import type {
  ArticlePage,
  CodePage,
  EntryPage,
  ProviderPage,
  ReasonPage,
  SearchDocument,
  SiteLists,
} from './lib/content/build.ts';

type Loader<T> = Record<string, () => Promise<T>>;

const entries = import.meta.glob<EntryPage>('./generated/entries/*.json', { import: 'default' });
const codes = import.meta.glob<CodePage>('./generated/codes/*.json', { import: 'default' });
const articles = import.meta.glob<ArticlePage>('./generated/articles/*.json', { import: 'default' });
const providers = import.meta.glob<ProviderPage>('./generated/providers/*.json', { import: 'default' });
const reasons = import.meta.glob<ReasonPage>('./generated/reasons/*.json', { import: 'default' });

async function loadFrom<T>(loaders: Loader<T>, folder: string, key: string): Promise<T | null> {
  const load = loaders[folder === '.' ? `./generated/${key}.json` : `./generated/${folder}/${key}.json`];
  return load ? load() : null;
}

export const loadEntry = (provider: string, slug: string): Promise<EntryPage | null> =>
  loadFrom(entries, 'entries', `${provider}--${slug}`);
export const loadCode = (code: string): Promise<CodePage | null> => loadFrom(codes, 'codes', code.toLowerCase());
export const loadArticle = (slug: string): Promise<ArticlePage | null> => loadFrom(articles, 'articles', slug);
export const loadProvider = (key: string): Promise<ProviderPage | null> => loadFrom(providers, 'providers', key);
export const loadReason = (id: string): Promise<ReasonPage | null> => loadFrom(reasons, 'reasons', id);

const lists = import.meta.glob<SiteLists>('./generated/lists.json', { import: 'default' });
const searchDocuments = import.meta.glob<SearchDocument[]>('./generated/search.json', { import: 'default' });

export const loadLists = async (): Promise<SiteLists> => (await loadFrom(lists, '.', 'lists')) ?? missing('lists');
export const loadSearchDocuments = async (): Promise<SearchDocument[]> =>
  (await loadFrom(searchDocuments, '.', 'search')) ?? missing('search');

function missing(name: string): never {
  throw new Error(`The generated catalogue has no ${name}.json: run npm run content.`);
}

export type { ArticlePage, CodePage, EntryPage, EntrySummary, ProviderPage, ReasonPage, SearchDocument, SiteLists } from './lib/content/build.ts';

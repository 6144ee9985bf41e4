// The one place the app reads generated catalogue data (written by scripts/build-content.ts into
// public/data/). Each page fetches only its own JSON file, so no page pays for the whole catalogue.
// Prerendering and tests swap the reader for one that reads the files from disk.
import type {
  ArticlePage,
  CodePage,
  DiagnosisData,
  EntryPage,
  ProviderPage,
  ReasonPage,
  SearchDocument,
  SiteLists,
} from './lib/content/build.ts';
import { unpackDiagnosisData } from './lib/content/diagnosis-data.ts';
import type { StoredDiagnosisData } from './lib/content/diagnosis-data.ts';
import type { ReasonGuides } from './lib/content/reason-guides.ts';

export type DataReader = (path: string) => Promise<unknown>;

declare const __DATA_VERSION__: string;
/** The data's version, set at build time: URLs carry it so caches never mix two deploys' data. */
export const DATA_VERSION = typeof __DATA_VERSION__ === 'string' ? __DATA_VERSION__ : 'dev';

/** Reads /data/<path>?v=<version> from the site itself; null when the file does not exist. */
const fetchData: DataReader = async (path) => {
  const response = await fetch(`/data/${path}?v=${DATA_VERSION}`);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`Could not load ${path}: HTTP ${String(response.status)}`);
  return response.json();
};

let readData: DataReader = fetchData;

export function setDataReader(reader: DataReader): void {
  readData = reader;
}

/** A key from a URL, e.g. "5.7.1" or "g17-message-too-large"; anything else cannot name a page. */
const SAFE_KEY = /^[a-z0-9][a-z0-9.-]*$/i;

async function load<T>(folder: string, key: string): Promise<T | null> {
  if (!SAFE_KEY.test(key) || key.includes('..')) return null;
  return (await readData(`${folder}/${key}.json`)) as T | null;
}

export const loadEntry = (provider: string, slug: string): Promise<EntryPage | null> =>
  SAFE_KEY.test(provider) ? load('entries', `${provider}--${slug}`) : Promise.resolve(null);
export const loadCode = (code: string): Promise<CodePage | null> => load('codes', code.toLowerCase());
export const loadArticle = (slug: string): Promise<ArticlePage | null> => load('articles', slug);
export const loadProvider = (key: string): Promise<ProviderPage | null> => load('providers', key);
export const loadReason = (id: string): Promise<ReasonPage | null> => load('reasons', id);

export async function loadLists(): Promise<SiteLists> {
  return (await readData('lists.json')) as SiteLists;
}

export async function loadSearchDocuments(): Promise<SearchDocument[]> {
  return (await readData('search.json')) as SearchDocument[];
}

export async function loadDiagnosisData(): Promise<DiagnosisData> {
  return unpackDiagnosisData((await readData('diagnosis.json')) as StoredDiagnosisData);
}

/** The guide for every reason (content/reasons/), the paste box's answer when no entry matches with confidence. */
export async function loadReasonGuides(): Promise<ReasonGuides> {
  return (await readData('reason-guides.json')) as ReasonGuides;
}

export type { ReasonGuides } from './lib/content/reason-guides.ts';
export type { ArticlePage, DiagnosisData, CodePage, EntryPage, EntrySummary, ProviderPage, ReasonPage, SearchDocument, SearchKind, SiteLists } from './lib/content/build.ts';

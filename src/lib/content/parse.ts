// Reads content files into typed records: front matter checked by the schema, the file name as the id,
// the folder as the kind. Problems are returned as `file: field: problem` lines; the checks that look
// across files (references, duplicate texts, links) are rules of their own under ./rules/.
import type { z } from 'zod';
import { splitFrontMatter } from './front-matter.ts';
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

export type SourceFile = { path: string; source: string };

export type ParsedEntry = { path: string; id: string; provider: string; slug: string; data: EntryFrontMatter; body: string };
export type ParsedArticle = { path: string; slug: string; data: ArticleFrontMatter; body: string };
export type ParsedProvider = { path: string; key: string; data: ProviderFrontMatter; body: string };
export type ParsedNote = { path: string; code: string; summary: string; body: string };

export type ParsedContent = {
  entries: ParsedEntry[];
  articles: Map<string, ParsedArticle>;
  providers: Map<string, ParsedProvider>;
  notes: Map<string, ParsedNote>;
};

export const fileName = (path: string): string => path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/, '');

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('');
}

export function formatIssues(path: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${path}: ${issue.path.length ? formatPath(issue.path) : 'front matter'}: ${issue.message}`);
}

/** Parses every file; a file that fails its schema is reported and left out, so later rules see only valid data. */
export function parseContent(files: readonly SourceFile[]): { errors: string[]; content: ParsedContent } {
  const errors: string[] = [];
  const content: ParsedContent = { entries: [], articles: new Map(), providers: new Map(), notes: new Map() };
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const parts = file.path.split('/');
    const name = fileName(file.path);
    const kind = parts[1];
    if (!file.path.endsWith('.md') || name === 'README') continue;
    const split = splitFrontMatter(file.source);
    if (!split.ok) {
      errors.push(`${file.path}: ${split.error}`);
      continue;
    }
    if ((kind === 'bounces' || kind === 'articles' || kind === 'providers') && !SLUG.test(name)) {
      errors.push(`${file.path}: file name: "${name}" is not a kebab-case slug`);
      continue;
    }
    if (kind === 'bounces') {
      const provider = parts[2] ?? '';
      if (parts.length !== 4) {
        errors.push(`${file.path}: path: entries live in content/bounces/<provider>/<slug>.md`);
        continue;
      }
      const parsed = entrySchema.safeParse(split.data);
      if (!parsed.success) errors.push(...formatIssues(file.path, parsed.error));
      else content.entries.push({ path: file.path, id: `${provider}/${name}`, provider, slug: name, data: parsed.data, body: split.body });
    } else if (kind === 'articles') {
      const parsed = articleSchema.safeParse(split.data);
      if (!parsed.success) errors.push(...formatIssues(file.path, parsed.error));
      else content.articles.set(name, { path: file.path, slug: name, data: parsed.data, body: split.body });
    } else if (kind === 'providers') {
      const parsed = providerSchema.safeParse(split.data);
      if (!parsed.success) errors.push(...formatIssues(file.path, parsed.error));
      else content.providers.set(name, { path: file.path, key: name, data: parsed.data, body: split.body });
    } else if (kind === 'codes') {
      const parsed = codeNoteSchema.safeParse(split.data);
      if (!parsed.success) errors.push(...formatIssues(file.path, parsed.error));
      else content.notes.set(name, { path: file.path, code: name, summary: parsed.data.summary, body: split.body });
    } else {
      errors.push(`${file.path}: path: unknown content folder "${kind ?? ''}"`);
    }
  }
  return { errors, content };
}

// Markdown of our own content files, rendered at build time. Raw HTML is refused by the no-raw-html rule;
// the renderer also escapes any that slips through, so a tag can never reach the page as markup.
// Links are read from the token tree (not from the HTML) so the links rule sees what the author wrote.
import { Marked, type Token, type Tokens } from 'marked';
import type { ParsedContent } from './parse.ts';
import { articleUrl, codeUrl, entryUrl, providerUrl } from './urls.ts';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const marked = new Marked({ gfm: true, renderer: { html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text) } });

export const renderBlock = (markdown: string): string => marked.parse(markdown, { async: false });
export const renderInline = (markdown: string): string => marked.parseInline(markdown, { async: false });

/** One Markdown field of a content file: where it is, and the page it is shown on (for relative links). */
export type MarkdownField = { path: string; field: string; markdown: string; inline: boolean; pageUrl: string };

export function listMarkdownFields(content: ParsedContent): MarkdownField[] {
  const fields: MarkdownField[] = [];
  const add = (path: string, pageUrl: string, field: string, markdown: string, inline: boolean): void => {
    fields.push({ path, field, markdown, inline, pageUrl });
  };
  for (const entry of content.entries) {
    const url = entryUrl(entry.id);
    add(entry.path, url, 'body', entry.body, false);
    add(entry.path, url, 'confirm', entry.data.confirm, true);
    for (const [audience, steps] of Object.entries(entry.data.steps)) steps.forEach((step, i) => add(entry.path, url, `steps.${audience}[${i}]`, step, true));
  }
  for (const article of content.articles.values()) {
    const url = articleUrl(article.slug);
    add(article.path, url, 'body', article.body, false);
    add(article.path, url, 'goal', article.data.goal, true);
    article.data.steps.forEach((step, i) => add(article.path, url, `steps[${i}]`, step, true));
    article.data.check.forEach((step, i) => add(article.path, url, `check[${i}]`, step, true));
  }
  for (const provider of content.providers.values()) add(provider.path, providerUrl(provider.key), 'body', provider.body, false);
  for (const note of content.notes.values()) add(note.path, codeUrl(note.code), 'body', note.body, false);
  return fields;
}

/** Every token of a Markdown text, nested ones included (a link inside a list item inside a quote). */
export function walkTokens(field: Pick<MarkdownField, 'markdown' | 'inline'>): Token[] {
  const all: Token[] = [];
  const tokens = field.inline ? marked.Lexer.lexInline(field.markdown, marked.defaults) : marked.lexer(field.markdown);
  void marked.walkTokens(tokens, (token) => {
    all.push(token);
  });
  return all;
}

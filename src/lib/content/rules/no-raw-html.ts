// Content Markdown may not carry raw HTML: a tag in a content file (a <meta http-equiv="refresh">, a
// <script>, an <iframe>) would reach every visitor through the page's one HTML sink. Markdown syntax
// covers everything the pages need; the renderer escapes HTML too, this rule names the file and field.
import { listMarkdownFields, walkTokens } from '../markdown.ts';
import type { ContentRule } from './rule.ts';

export const noRawHtml: ContentRule = {
  name: 'no-raw-html',
  check: ({ content }) =>
    listMarkdownFields(content).flatMap((field) =>
      walkTokens(field)
        .filter((token) => token.type === 'html')
        .map((token) => `${field.path}: ${field.field}: raw HTML is not allowed (${JSON.stringify(token.raw.trim().slice(0, 60))}); write Markdown instead`),
    ),
};

// Links in content go to https pages or to pages of this site that exist. Relative links ("../spf",
// "g17-message-too-large") are resolved against the page that shows the field, as a browser would;
// anything else (http:, javascript:, data:, mailto:) is refused.
import { listMarkdownFields, walkTokens } from '../markdown.ts';
import { suggest } from '../suggest.ts';
import type { ContentRule } from './rule.ts';

/** A scheme at the start of a link, e.g. "https:", "javascript:", "mailto:". */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** An https address with a host, e.g. "https://senders.yahooinc.com/error-codes". */
const HTTPS_URL = /^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i;

/** Resolves a link against the page that shows it, as a browser would: "../spf" on /articles/dkim -> /articles/spf. */
export function resolvePath(href: string, pageUrl: string): string {
  const path = href.replace(/[?#].*$/, '');
  if (path === '') return pageUrl;
  const segments = path.startsWith('/') ? [] : pageUrl.split('/').slice(1, -1);
  for (const part of path.split('/')) {
    if (part === '..') segments.pop();
    else if (part !== '.' && part !== '') segments.push(part);
  }
  return `/${segments.join('/')}`;
}

/** The problem with one link on the page at `pageUrl`, or null when it is fine. */
export function checkLink(href: string, pageUrl: string, routes: ReadonlySet<string>): string | null {
  if (SCHEME.test(href) || href.startsWith('//')) {
    return HTTPS_URL.test(href) ? null : `link "${href}" must use https (or be a page of this site)`;
  }
  const path = resolvePath(href, pageUrl);
  return routes.has(path) ? null : `link "${href}" goes to no page${suggest(path, routes)}`;
}

export const links: ContentRule = {
  name: 'links',
  check: ({ content, routes }) =>
    listMarkdownFields(content).flatMap((field) =>
      walkTokens(field).flatMap((token) => {
        if (token.type !== 'link' && token.type !== 'image') return [];
        const problem = checkLink(String(token.href), field.pageUrl, routes);
        return problem ? [`${field.path}: ${field.field}: ${problem}`] : [];
      }),
    ),
};

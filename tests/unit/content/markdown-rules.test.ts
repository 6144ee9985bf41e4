// Content cannot inject: raw HTML in any Markdown field is refused (and escaped if it ever got through),
// and links go only to https pages or to pages of this site that exist, relative links included.
import { describe, expect, it } from 'vitest';
import { renderBlock } from '../../../src/lib/content/markdown.ts';
import { codeNotes } from '../../../src/lib/content/rules/code-notes.ts';
import { checkLink, links, resolvePath } from '../../../src/lib/content/rules/links.ts';
import { noRawHtml } from '../../../src/lib/content/rules/no-raw-html.ts';
import { makeContext, makeEntry } from './rule-fixture.ts';

describe('noRawHtml', () => {
  it('accepts plain Markdown', () => {
    expect(noRawHtml.check(makeContext())).toEqual([]);
  });
  it('names the file and field of raw HTML, block or inline', () => {
    const context = makeContext((content) => {
      content.entries = [makeEntry('x', { steps: { sender: ['Click <b>Send</b>.'] } }, '<meta http-equiv="refresh" content="0;url=https://evil.example">')];
    });
    expect(noRawHtml.check(context)).toEqual([
      'content/bounces/rackspace/x.md: body: raw HTML is not allowed ("<meta http-equiv=\\"refresh\\" content=\\"0;url=https://evil.examp"); write Markdown instead',
      'content/bounces/rackspace/x.md: steps.sender[0]: raw HTML is not allowed ("<b>"); write Markdown instead',
      'content/bounces/rackspace/x.md: steps.sender[0]: raw HTML is not allowed ("</b>"); write Markdown instead',
    ]);
  });
  it('escapes raw HTML when rendering', () => {
    expect(renderBlock('<script>alert(1)</script>')).not.toContain('<script');
  });
});

describe('links', () => {
  it('accepts https links and existing internal pages', () => {
    expect(links.check(makeContext())).toEqual([]);
  });
  it('refuses http, javascript and dead internal links, relative ones resolved against the page', () => {
    const context = makeContext((content) => {
      content.entries = [makeEntry('x', {}, '[a](http://example.com) [b](javascript:alert(1)) [c](../../articles/message-size-limit) [d](g17-message-too-large)')];
    });
    expect(links.check(context)).toEqual([
      'content/bounces/rackspace/x.md: body: link "http://example.com" must use https (or be a page of this site)',
      'content/bounces/rackspace/x.md: body: link "javascript:alert(1)" must use https (or be a page of this site)',
      'content/bounces/rackspace/x.md: body: link "../../articles/message-size-limit" goes to no page (did you mean /articles/message-size-limits?)',
    ]);
  });
  it('resolves relative links as a browser does', () => {
    expect(resolvePath('../spf', '/articles/dkim')).toBe('/spf');
    expect(resolvePath('spf#record', '/articles/dkim')).toBe('/articles/spf');
    expect(resolvePath('/codes/550?x=1', '/articles/dkim')).toBe('/codes/550');
    expect(checkLink('https://senders.yahooinc.com/error-codes', '/', new Set())).toBeNull();
  });
});

describe('codeNotes', () => {
  it('accepts a note for a known code', () => {
    expect(codeNotes.check(makeContext())).toEqual([]);
  });
  it('refuses a note for a code with no page', () => {
    const context = makeContext((content) => {
      content.notes.set('559', { path: 'content/codes/559.md', code: '559', summary: 'x', body: '' });
    });
    expect(codeNotes.check(context)).toEqual(['content/codes/559.md: file name: no code "559" in the registries or the catalogue (did you mean 550?)']);
  });
});

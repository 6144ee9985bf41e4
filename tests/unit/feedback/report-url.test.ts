// The "This answer is wrong" report: it names the page, carries only what the person chose to add, and a
// bounce only after the share-link redaction removed its addresses and IPs.
import { describe, expect, it } from 'vitest';
import { buildBounceReportUrl } from '../../../src/lib/feedback/report-bounce.ts';
import { buildReportUrl } from '../../../src/lib/feedback/report-url.ts';

const BASE = 'https://github.com/example/bouncedoc/issues/new';

function bodyOf(url: string): string {
  return decodeURIComponent(/[?&]body=([^&]*)/.exec(url)?.[1] ?? '');
}

describe('buildReportUrl', () => {
  it('prefills the title and the page, and nothing else when nothing was added', () => {
    const url = buildReportUrl(BASE, { pageUrl: '/codes/550', pageTitle: '550: Mailbox unavailable' });
    expect(url.startsWith(`${BASE}?title=Wrong%20answer%3A%20550`)).toBe(true);
    expect(bodyOf(url)).toBe('Page: /codes/550\nAnswer shown: 550: Mailbox unavailable\n\nWhat is wrong:\n(not given)');
  });

  it('redacts an included bounce as share links are', () => {
    const bounce = '550 5.1.1 <jane.doe@customer.example>: Recipient address rejected from [203.0.113.7]';
    const body = bodyOf(buildBounceReportUrl(BASE, { pageUrl: '/', pageTitle: 'x', note: 'It was a typo' }, bounce, []));
    expect(body).toContain('It was a typo');
    expect(body).toContain('550 5.1.1');
    expect(body).not.toContain('jane.doe');
    expect(body).not.toContain('203.0.113.7');
  });

  it('appends to a base address that already has a query', () => {
    expect(buildReportUrl('https://tracker.example/new?labels=content', { pageUrl: '/', pageTitle: 'x' })).toMatch(/^https:\/\/tracker\.example\/new\?labels=content&title=/);
  });
});

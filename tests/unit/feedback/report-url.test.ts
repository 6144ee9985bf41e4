// The "This answer is wrong" report: it names the page, carries only what the person chose to add, and a
// bounce only after the share-link redaction removed its addresses and IPs.
import { describe, expect, it } from 'vitest';
import { buildBounceReportUrl, redactForReport } from '../../../src/lib/feedback/report-bounce.ts';
import { buildReportBody, buildReportUrl, REPORT_BODY_LIMIT, REPORT_ENCODED_LIMIT } from '../../../src/lib/feedback/report-url.ts';

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

describe('buildReportBody', () => {
  it('adds the answer and the codes only when they are given', () => {
    const body = buildReportBody({ pageUrl: '/', pageTitle: 'The mailbox is full', diagnosis: ['The mailbox is full (mailboxfull, permanent, exact match)'], codes: ['552', '5.2.2'] });
    expect(body).toContain('The diagnosis shown:\n- The mailbox is full (mailboxfull, permanent, exact match)');
    expect(body).toContain('Codes found: 552, 5.2.2');
    expect(buildReportBody({ pageUrl: '/', pageTitle: 'x', diagnosis: [], codes: [] })).not.toMatch(/diagnosis shown|Codes found/);
  });

  it('cuts a long bounce at a line end to fit the address, keeping the closing fence', () => {
    const bounce = Array.from({ length: 800 }, (_, line) => `line ${String(line)}: 550 5.1.1 rejected`).join('\n');
    const body = buildReportBody({ pageUrl: '/', pageTitle: 'x', redactedBounce: bounce });
    expect(body.length).toBeLessThanOrEqual(REPORT_BODY_LIMIT);
    expect(encodeURIComponent(body).length).toBeLessThanOrEqual(REPORT_ENCODED_LIMIT);
    expect(body).toMatch(/rejected\n\[… cut here to fit the report\]\n```$/);
    expect(body).toContain('line 0: 550 5.1.1 rejected');
  });
});

describe('redactForReport', () => {
  it('drops the returned original message and starts a long bounce a few lines above its main code', () => {
    const filler = Array.from({ length: 300 }, (_, line) => `Received: from relay${String(line)}.example.net by mx.example.net`).join('\n');
    const text = `${filler}\n\nFinal-Recipient: rfc822; jane@customer.example\nStatus: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full\n`;
    const redacted = redactForReport({ text, publicHosts: [], focus: '5.2.2' });
    expect(redacted).toMatch(/^\[… \d+ lines above left out\]/);
    expect(redacted).toContain('552 5.2.2 Mailbox full');
    expect(redacted).not.toContain('jane@customer.example');
  });
});

// The bulk report's aggregation: every bounce counted once by cause, recipients grouped by domain and
// by refusing provider with totals that add up, codes ranked, the timeline only when dates span days,
// and non-bounces and unreadable files counted apart rather than lost.
import { describe, expect, it } from 'vitest';
import { buildReport, buildTimeline, NO_DOMAIN, NO_PROVIDER } from '../../../src/lib/bulk/build-report.ts';
import { message, recipient } from './report-fixtures.ts';

describe('buildReport', () => {
  const messages = [
    message({ source: 'a.eml' }),
    message({ source: 'b.eml', recipients: [recipient({ address: 'bob@example.org', provider: 'Microsoft' })] }),
    message({
      source: 'c.eml',
      reason: 'mailboxfull',
      permanent: false,
      replyCode: '452',
      enhancedCode: '4.2.2',
      actors: ['recipient', 'sender'],
      recipients: [recipient({ address: 'cy@example.com', reason: 'mailboxfull', permanent: false, replyCode: '452', enhancedCode: '4.2.2' })],
    }),
    message({ source: 'd.eml', category: 'auto-reply', kind: 'vacation', reason: 'vacation', recipients: [] }),
    message({ source: 'e.eml', category: 'complaint', kind: 'feedback', reason: 'feedback', recipients: [] }),
    message({ source: 'f.eml', category: 'other', kind: 'notice', reason: 'undefined', recipients: [] }),
  ];
  const report = buildReport(messages, [{ source: 'g.bin', problem: 'binary file' }]);

  it('counts every message once in the totals', () => {
    expect(report.totals).toEqual({ messages: 6, bounces: 3, autoReplies: 1, complaints: 1, other: 1, unreadable: 1, failedRecipients: 3, toRemove: 2 });
  });

  it('groups bounces by cause, largest first, with shares that add up to one', () => {
    expect(report.causes.map((row) => [row.reason, row.count, row.permanent, row.temporary])).toEqual([
      ['userunknown', 2, 2, 0],
      ['mailboxfull', 1, 0, 1],
    ]);
    expect(report.causes.reduce((sum, row) => sum + row.share, 0)).toBeCloseTo(1);
    expect(report.causes[0]?.actors[0]).toBe('sender');
    expect(report.causes[0]?.firstStep).toMatch(/\w/);
  });

  it('groups failed recipients by domain and by provider, totals equal to the recipients', () => {
    expect(report.domains.map((row) => [row.key, row.count])).toEqual([
      ['example.com', 2],
      ['example.org', 1],
    ]);
    expect(report.providers.map((row) => [row.key, row.count])).toEqual([
      ['Google', 2],
      ['Microsoft', 1],
    ]);
    expect(report.domains.reduce((sum, row) => sum + row.count, 0)).toBe(report.totals.failedRecipients);
  });

  it('names the groups of recipients without a domain or a refusing host', () => {
    const bare = buildReport([message({ recipients: [recipient({ address: '', domain: null, provider: null })] })], []);
    expect(bare.domains[0]?.key).toBe(NO_DOMAIN);
    expect(bare.providers[0]?.key).toBe(NO_PROVIDER);
  });

  it('ranks codes by the bounces that gave them', () => {
    expect(report.codes.map((row) => [row.code, row.count])).toEqual([
      ['550 5.1.1', 2],
      ['452 4.2.2', 1],
    ]);
  });

  it('lists non-bounces and unreadable files rather than dropping them', () => {
    expect(report.notBounces.map((item) => [item.source, item.category])).toEqual([
      ['d.eml', 'auto-reply'],
      ['e.eml', 'complaint'],
      ['f.eml', 'other'],
    ]);
    expect(report.skipped).toEqual([{ source: 'g.bin', problem: 'binary file' }]);
  });

  it('marks the permanent address failures for removal, and nothing temporary', () => {
    expect(report.recipients.filter((row) => row.remove).map((row) => row.address)).toEqual(['ann@example.com', 'bob@example.org']);
  });

  it('gives an empty report for no input', () => {
    const empty = buildReport([], []);
    expect(empty.totals.messages).toBe(0);
    expect(empty.causes).toEqual([]);
    expect(empty.timeline).toBeNull();
  });
});

describe('buildTimeline', () => {
  it('is null when every date falls on one day', () => {
    expect(buildTimeline(['2025-03-04T01:00:00Z', '2025-03-04T23:00:00Z'])).toBeNull();
  });

  it('counts per day and fills the days without bounces with zero', () => {
    expect(buildTimeline(['2025-03-04T01:00:00Z', '2025-03-06T10:00:00Z', '2025-03-06T11:00:00Z'])).toEqual({
      unit: 'day',
      points: [
        { period: '2025-03-04', count: 1 },
        { period: '2025-03-05', count: 0 },
        { period: '2025-03-06', count: 2 },
      ],
    });
  });

  it('counts per month over long spans', () => {
    const timeline = buildTimeline(['2024-01-15T00:00:00Z', '2024-06-01T00:00:00Z']);
    expect(timeline?.unit).toBe('month');
    expect(timeline?.points.map((point) => point.period)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
  });

  it('counts per year over spans of more than three years', () => {
    const timeline = buildTimeline(['2019-05-01T00:00:00Z', '2023-02-01T00:00:00Z', '2023-03-01T00:00:00Z']);
    expect(timeline).toEqual({
      unit: 'year',
      points: [
        { period: '2019', count: 1 },
        { period: '2020', count: 0 },
        { period: '2021', count: 0 },
        { period: '2022', count: 0 },
        { period: '2023', count: 2 },
      ],
    });
  });

  it('ignores unreadable dates', () => {
    expect(buildTimeline(['not a date'])).toBeNull();
  });
});

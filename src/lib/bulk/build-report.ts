// Builds the bulk report from the records of many diagnosed messages: totals, bounces by cause, by
// recipient domain and by refusing provider, top codes, a timeline, and the failed recipients. Pure and
// linear in the number of messages, so 10,000 messages aggregate in milliseconds on the page.
import type { Audience, Reason } from '../content/vocabulary.ts';
import { REASON_LABELS } from '../content/vocabulary.ts';
import { firstStepFor } from './first-steps.ts';
import { shouldRemove } from './removal.ts';
import type { BulkMessage, BulkRecipient, MessageCategory, SkippedItem } from './summarize-message.ts';

export type CauseRow = {
  reason: Reason;
  label: string;
  /** Bounce messages with this cause. */
  count: number;
  share: number;
  permanent: number;
  temporary: number;
  /** Who acts, most often first across these bounces. */
  actors: Audience[];
  firstStep: string;
};

/** A group of failed recipients: a recipient domain or the provider that refused. */
export type GroupRow = { key: string; count: number; share: number; permanent: number };

export type CodeRow = { code: string; count: number; share: number };

export type TimelinePoint = { period: string; count: number };
export type Timeline = { unit: 'day' | 'month' | 'year'; points: TimelinePoint[] };

export type FailedRecipient = BulkRecipient & { date: string | null; source: string; remove: boolean };

export type Totals = {
  messages: number;
  bounces: number;
  autoReplies: number;
  complaints: number;
  other: number;
  unreadable: number;
  failedRecipients: number;
  toRemove: number;
};

export type BulkReport = {
  totals: Totals;
  causes: CauseRow[];
  domains: GroupRow[];
  providers: GroupRow[];
  codes: CodeRow[];
  timeline: Timeline | null;
  recipients: FailedRecipient[];
  /** Messages read that are not bounces (auto-replies, complaints, others), with what they are. */
  notBounces: { source: string; category: MessageCategory; kind: string }[];
  skipped: SkippedItem[];
};

/** Group names for failed recipients without a domain or a known refusing host. */
export const NO_DOMAIN = '(no address found)';
export const NO_PROVIDER = '(not stated in the bounce)';
/** Up to this many days the timeline counts per day; up to MONTHLY_SPAN_LIMIT months per month; longer per year. */
const DAILY_SPAN_LIMIT = 92;
const MONTHLY_SPAN_LIMIT = 36;
const DAY_MS = 86_400_000;

const share = (count: number, total: number): number => (total === 0 ? 0 : count / total);
const byCountThenKey = <T extends { count: number }>(key: (row: T) => string) => (a: T, b: T): number => b.count - a.count || key(a).localeCompare(key(b));

function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function rankActors(messages: readonly BulkMessage[]): Audience[] {
  const weight = new Map<Audience, number>();
  for (const message of messages) message.actors.forEach((actor, position) => weight.set(actor, (weight.get(actor) ?? 0) + (position === 0 ? 2 : 1)));
  return [...weight.entries()].sort((a, b) => b[1] - a[1]).map(([actor]) => actor);
}

function buildCauses(bounces: readonly BulkMessage[]): CauseRow[] {
  return [...countBy(bounces, (message) => message.reason)]
    .map(([reason, messages]) => ({
      reason: reason as Reason,
      label: REASON_LABELS[reason as Reason],
      count: messages.length,
      share: share(messages.length, bounces.length),
      permanent: messages.filter((message) => message.permanent === true).length,
      temporary: messages.filter((message) => message.permanent === false).length,
      actors: rankActors(messages),
      firstStep: firstStepFor(reason as Reason),
    }))
    .sort(byCountThenKey((row) => row.reason));
}

function buildGroups(recipients: readonly FailedRecipient[], keyOf: (recipient: FailedRecipient) => string): GroupRow[] {
  return [...countBy(recipients, keyOf)]
    .map(([key, group]) => ({
      key,
      count: group.length,
      share: share(group.length, recipients.length),
      permanent: group.filter((recipient) => recipient.permanent === true).length,
    }))
    .sort(byCountThenKey((row) => row.key));
}

/** "550 5.1.1", "5.7.1", "421": the codes a bounce gave, as one label. */
export const codeLabel = (message: Pick<BulkMessage, 'replyCode' | 'enhancedCode'>): string | null =>
  [message.replyCode, message.enhancedCode].filter((code) => code !== null).join(' ') || null;

function buildCodes(bounces: readonly BulkMessage[], limit: number): CodeRow[] {
  const withCodes = bounces.filter((message) => codeLabel(message) !== null);
  return [...countBy(withCodes, (message) => codeLabel(message) ?? '')]
    .map(([code, messages]) => ({ code, count: messages.length, share: share(messages.length, bounces.length) }))
    .sort(byCountThenKey((row) => row.code))
    .slice(0, limit);
}

/** Bounces per day (per month or year over long spans), gaps filled with zero; null unless the dates span days. */
export function buildTimeline(dates: readonly string[]): Timeline | null {
  const times = dates.map((date) => Date.parse(date)).filter((time) => !Number.isNaN(time));
  if (times.length === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const time of times) {
    first = Math.min(first, time);
    last = Math.max(last, time);
  }
  const firstDay = Math.floor(first / DAY_MS);
  const lastDay = Math.floor(last / DAY_MS);
  if (firstDay === lastDay) return null;
  const start = new Date(first);
  const end = new Date(last);
  const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth() + 1;
  const unit = lastDay - firstDay + 1 <= DAILY_SPAN_LIMIT ? 'day' : months <= MONTHLY_SPAN_LIMIT ? 'month' : 'year';
  const periodOf = (time: number): string => new Date(time).toISOString().slice(0, { day: 10, month: 7, year: 4 }[unit]);
  const counts = new Map<string, number>();
  for (const time of times) counts.set(periodOf(time), (counts.get(periodOf(time)) ?? 0) + 1);
  const points: TimelinePoint[] = [];
  const cursor = new Date(Date.UTC(start.getUTCFullYear(), unit === 'year' ? 0 : start.getUTCMonth(), unit === 'day' ? start.getUTCDate() : 1));
  while (cursor.getTime() <= last) {
    points.push({ period: periodOf(cursor.getTime()), count: counts.get(periodOf(cursor.getTime())) ?? 0 });
    if (unit === 'day') cursor.setUTCDate(cursor.getUTCDate() + 1);
    else if (unit === 'month') cursor.setUTCMonth(cursor.getUTCMonth() + 1);
    else cursor.setUTCFullYear(cursor.getUTCFullYear() + 1);
  }
  return { unit, points };
}

/** The whole report. `codeLimit` caps the top-codes list (10). */
export function buildReport(messages: readonly BulkMessage[], skipped: readonly SkippedItem[], codeLimit = 10): BulkReport {
  const bounces = messages.filter((message) => message.category === 'bounce');
  const recipients: FailedRecipient[] = bounces.flatMap((message) =>
    message.recipients.map((recipient) => ({ ...recipient, date: message.date, source: message.source, remove: shouldRemove(recipient) })),
  );
  const notBounces = messages.filter((message) => message.category !== 'bounce').map(({ source, category, kind }) => ({ source, category, kind }));
  return {
    totals: {
      messages: messages.length,
      bounces: bounces.length,
      autoReplies: notBounces.filter((message) => message.category === 'auto-reply').length,
      complaints: notBounces.filter((message) => message.category === 'complaint').length,
      other: notBounces.filter((message) => message.category === 'other').length,
      unreadable: skipped.length,
      failedRecipients: recipients.length,
      toRemove: new Set(recipients.filter((recipient) => recipient.remove).map((recipient) => recipient.address.toLowerCase())).size,
    },
    causes: buildCauses(bounces),
    domains: buildGroups(recipients, (recipient) => recipient.domain ?? NO_DOMAIN),
    providers: buildGroups(recipients, (recipient) => recipient.provider ?? NO_PROVIDER),
    codes: buildCodes(bounces, codeLimit),
    timeline: buildTimeline(bounces.flatMap((message) => (message.date === null ? [] : [message.date]))),
    recipients,
    notBounces,
    skipped: [...skipped],
  };
}

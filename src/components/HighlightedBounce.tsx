// The pasted text shown back, read-only, with every finding (reply code, enhanced code, tag, blocklist)
// inside a <mark> that links to its page. It comes after the verdict, folded to the lines around the
// codes and expandable. The marks are one tab stop (arrow keys move between them), and at most
// MARK_LIMIT are drawn, so a code-dense paste neither floods the keyboard nor stalls the page.
// The text is rendered as text only: it is untrusted.
import { Link } from '@tanstack/react-router';
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { DiagnosisData } from '../catalogue.ts';
import type { Finding } from '../lib/bounce/types.ts';
import { foldAroundFindings } from '../lib/verdict/fold-text.ts';

/** How much of a long text is shown when expanded; the diagnosis still reads all of it. */
const SHOWN = 200_000;
/** At most this many codes are marked; the rest are counted. */
export const MARK_LIMIT = 200;

type HighlightedBounceProps = {
  label: string;
  text: string;
  findings: readonly Finding[];
  data: DiagnosisData | null;
  primary: string | null;
  preferredEntries: readonly string[];
  /** Findings the diagnosis counted but did not pass on (a very code-dense paste); added to the unmarked count. */
  uncounted?: number;
};

/** Where a finding's mark links: its code page, the entry with its tag, or the blocklist guide; a search otherwise. */
export function findingPage(finding: Finding, data: DiagnosisData | null, preferredEntries: readonly string[]): string | null {
  if (finding.kind === 'reply' || finding.kind === 'enhanced') return data?.codes[finding.value] ? `/codes/${finding.value}` : null;
  if (finding.kind === 'tag') {
    const tag = finding.value.toLowerCase();
    const ids = [...preferredEntries, ...Object.keys(data?.entries ?? {})];
    const id = ids.find((candidate) => data?.entries[candidate]?.tag?.toLowerCase() === tag);
    return id ? `/bounces/${id}` : null;
  }
  return /spamhaus/i.test(finding.value) ? '/articles/spamhaus-removal' : '/articles/blocklists';
}

const KIND_NAME = { reply: 'reply code', enhanced: 'enhanced status code', tag: 'provider tag', blocklist: 'blocklist' } as const;

/** Moves focus between the marks with the arrow keys, Home and End (one tab stop for all of them). */
function moveBetweenMarks(event: KeyboardEvent<HTMLElement>): void {
  const target = event.target as HTMLElement;
  if (!target.matches('a[data-mark]')) return;
  const marks = [...event.currentTarget.querySelectorAll<HTMLElement>('a[data-mark]')];
  const at = marks.indexOf(target);
  const next =
    event.key === 'ArrowRight' || event.key === 'ArrowDown'
      ? Math.min(at + 1, marks.length - 1)
      : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
        ? Math.max(at - 1, 0)
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? marks.length - 1
            : null;
  if (next === null) return;
  event.preventDefault();
  for (const mark of marks) mark.tabIndex = -1;
  const chosen = marks[next];
  if (chosen) {
    chosen.tabIndex = 0;
    chosen.focus();
  }
}

export function HighlightedBounce({ label, text, findings, data, primary, preferredEntries, uncounted = 0 }: HighlightedBounceProps) {
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  const shown = text.length > SHOWN ? text.slice(0, SHOWN) : text;
  const sorted = findings.filter((f) => f.end <= shown.length && f.start < f.end).sort((a, b) => a.start - b.start);
  const marked = sorted.slice(0, MARK_LIMIT);
  const unmarked = sorted.length - marked.length + Math.max(0, uncounted);
  const primaryFinding = marked.find((finding) => finding.value === primary) ?? marked[0] ?? null;
  const folded = foldAroundFindings(shown, marked, primaryFinding);
  const segments = expanded || !folded.folded ? [{ start: 0, end: shown.length }] : folded.segments;

  const parts: ReactNode[] = [];
  let first = true;
  segments.forEach((segment, index) => {
    if (segment.start > 0) parts.push(<Gap key={`gap-${String(segment.start)}`} text={'⋯\n'} />);
    let at = segment.start;
    for (const finding of marked) {
      if (finding.start < at || finding.end > segment.end) continue;
      if (finding.start > at) parts.push(shown.slice(at, finding.start));
      const isPrimary = finding === primaryFinding;
      parts.push(
        <mark key={finding.start} data-kind={finding.kind} {...(isPrimary ? { 'data-primary': '' } : {})}>
          <FindingLink page={findingPage(finding, data, preferredEntries)} value={finding.value} title={`${KIND_NAME[finding.kind]} ${finding.value}`} tabIndex={first ? 0 : -1}>
            {shown.slice(finding.start, finding.end)}
          </FindingLink>
        </mark>,
      );
      first = false;
      at = finding.end;
    }
    parts.push(shown.slice(at, segment.end));
    if (index === segments.length - 1 && segment.end < shown.length) parts.push(<Gap key="gap-end" text={'\n⋯'} />);
  });

  return (
    <figure className="mt-6">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2">
        <span id={`${id}-label`} className="font-semibold">
          {label}
        </span>
        {folded.folded && (
          <button type="button" aria-expanded={expanded} aria-controls={`${id}-text`} onClick={() => setExpanded((now) => !now)} className="button-quiet text-sm">
            {expanded ? 'Show only the lines with codes' : `Show the whole text (${String(folded.lineCount)} lines)`}
          </button>
        )}
      </figcaption>
      <pre
        id={`${id}-text`}
        aria-label={label}
        tabIndex={expanded ? 0 : undefined}
        onKeyDown={moveBetweenMarks}
        className={`mt-1 rounded-lg border border-slate-300 bg-slate-50 p-3 font-mono text-sm whitespace-pre-wrap break-words dark:border-slate-700 dark:bg-slate-900 ${expanded ? 'max-h-96 overflow-auto' : ''}`}
      >
        {parts}
      </pre>
      {marked.length > 1 && <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Tab reaches the first code; the arrow keys move between codes.</p>}
      {unmarked > 0 && (
        <p className="mt-1 text-sm">
          The first {MARK_LIMIT} codes are marked; {unmarked.toLocaleString('en')} more are not.
        </p>
      )}
      {text.length > SHOWN && (
        <p className="mt-1 text-sm">Showing the first {Math.round(SHOWN / 1000)} KB of {Math.round(text.length / 1000)} KB; the diagnosis read all of it.</p>
      )}
    </figure>
  );
}

/** Where folded lines were left out. */
function Gap({ text }: { text: string }) {
  return (
    <span className="text-slate-600 select-none dark:text-slate-400" aria-hidden="true">
      {text}
    </span>
  );
}

function FindingLink({ page, value, title, tabIndex, children }: { page: string | null; value: string; title: string; tabIndex: number; children: ReactNode }) {
  // No prefetch: a code page fetched on hover would tell the server which codes the paste holds.
  return page ? (
    <Link to={page} title={title} tabIndex={tabIndex} data-mark="" preload={false}>
      {children}
    </Link>
  ) : (
    <Link to="/" search={{ q: value }} title={title} tabIndex={tabIndex} data-mark="" preload={false}>
      {children}
    </Link>
  );
}

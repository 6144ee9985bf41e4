// The pasted text shown back, read-only, with every finding (reply code, enhanced code, tag, blocklist)
// inside a <mark> that links to its page. The text is rendered as text only: it is untrusted.
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, type ReactNode } from 'react';
import type { DiagnosisData } from '../catalogue.ts';
import type { Finding } from '../lib/bounce/types.ts';

/** How much of a long text is shown; the diagnosis still reads all of it. */
const SHOWN = 200_000;

type HighlightedBounceProps = {
  label: string;
  text: string;
  findings: readonly Finding[];
  data: DiagnosisData | null;
  primary: string | null;
  preferredEntries: readonly string[];
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

export function HighlightedBounce({ label, text, findings, data, primary, preferredEntries }: HighlightedBounceProps) {
  const container = useRef<HTMLPreElement>(null);
  const shown = text.length > SHOWN ? text.slice(0, SHOWN) : text;
  const visible = [...findings].filter((f) => f.end <= shown.length && f.start < f.end).sort((a, b) => a.start - b.start);

  // Scroll the line that matters (the first failed recipient's code) into view inside the box.
  useEffect(() => {
    const box = container.current;
    const mark = box?.querySelector<HTMLElement>('mark[data-primary]') ?? box?.querySelector<HTMLElement>('mark');
    if (box && mark) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
  }, [text, findings]);

  const parts: ReactNode[] = [];
  let at = 0;
  let primaryMarked = false;
  for (const finding of visible) {
    if (finding.start < at) continue;
    if (finding.start > at) parts.push(shown.slice(at, finding.start));
    const isPrimary = !primaryMarked && finding.value === primary;
    if (isPrimary) primaryMarked = true;
    parts.push(
      <mark key={finding.start} data-kind={finding.kind} {...(isPrimary ? { 'data-primary': '' } : {})}>
        <FindingLink page={findingPage(finding, data, preferredEntries)} value={finding.value} title={`${KIND_NAME[finding.kind]} ${finding.value}`}>
          {shown.slice(finding.start, finding.end)}
        </FindingLink>
      </mark>,
    );
    at = finding.end;
  }
  parts.push(shown.slice(at));

  return (
    <figure className="mt-3">
      <figcaption className="font-medium">{label}</figcaption>
      <pre
        ref={container}
        tabIndex={0}
        aria-label={label}
        className="mt-1 max-h-80 overflow-auto rounded border border-slate-300 bg-slate-50 p-3 font-mono text-sm whitespace-pre-wrap break-words dark:border-slate-700 dark:bg-slate-900"
      >
        {parts}
      </pre>
      {text.length > SHOWN && (
        <p className="mt-1 text-sm">Showing the first {Math.round(SHOWN / 1000)} KB of {Math.round(text.length / 1000)} KB; the diagnosis read all of it.</p>
      )}
    </figure>
  );
}

function FindingLink({ page, value, title, children }: { page: string | null; value: string; title: string; children: ReactNode }) {
  return page ? (
    <Link to={page} title={title}>
      {children}
    </Link>
  ) : (
    <Link to="/" search={{ q: value }} title={title}>
      {children}
    </Link>
  );
}

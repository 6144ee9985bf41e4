// One search over every kind of page: codes, guides, causes, providers and bounce messages, in one ranked
// list that says each result's kind. The query lives in the URL (?q=) exactly as typed, so a search can be
// shared. Keyboard: type, Enter opens the first result, ArrowDown into the results, arrows between them.
import { Link, useNavigate } from '@tanstack/react-router';
import { useId, useMemo, useRef, type KeyboardEvent } from 'react';
import type { SearchKind } from '../catalogue.ts';
import { useSearcher } from '../hooks/useSearcher.ts';
import { Highlight } from './Highlight.tsx';

type SearchBoxProps = { query: string; onQueryChange: (query: string) => void };

const KIND_LABELS: Record<SearchKind, string> = {
  code: 'Code',
  guide: 'Guide',
  cause: 'Cause',
  provider: 'Provider',
  entry: 'Bounce message',
};

/** How many results are shown: enough to choose from, few enough to stay on the first screen. */
const RESULTS_SHOWN = 7;

export function SearchBox({ query, onQueryChange }: SearchBoxProps) {
  const inputId = useId();
  const navigate = useNavigate();
  const listRef = useRef<HTMLUListElement>(null);
  const searcher = useSearcher(query.trim().length > 0);
  const hits = useMemo(() => (searcher ? searcher(query, RESULTS_SHOWN) : []), [searcher, query]);
  const nearest = useMemo(() => (searcher && hits.length === 0 ? searcher.nearest(query) : []), [searcher, hits, query]);
  const trimmed = query.trim();

  const focusResult = (index: number): void => {
    const links = listRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-result]');
    if (!links?.length) return;
    links[Math.max(0, Math.min(index, links.length - 1))]?.focus();
  };
  const onInputKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusResult(0);
    } else if (event.key === 'Escape') {
      onQueryChange('');
    }
  };
  const onListKey = (event: KeyboardEvent<HTMLUListElement>): void => {
    const links = [...(listRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-result]') ?? [])];
    const current = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusResult(current + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (current <= 0) document.getElementById(inputId)?.focus();
      else focusResult(current - 1);
    }
  };

  return (
    <section aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`} className="sr-only">
        Search
      </h2>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          const first = hits[0];
          if (first) void navigate({ to: first.doc.url });
        }}
      >
        <label htmlFor={inputId} className="block font-medium">
          Search codes, guides, causes and bounce messages
        </label>
        <input
          id={inputId}
          type="search"
          value={query}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          placeholder="550 5.7.1, TSS04, SPF, mailbox full…"
          aria-describedby={`${inputId}-status`}
          onChange={(event) => onQueryChange(event.target.value)}
          onKeyDown={onInputKey}
          className="mt-1 w-full rounded border border-slate-500 bg-white px-3 py-2 text-base dark:bg-slate-900"
        />
      </form>
      <p id={`${inputId}-status`} role="status" className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        {trimmed.length === 0
          ? 'A code (550, 5.7.1), a provider tag (G17, TSS04), a provider or a few words.'
          : !searcher
            ? 'Loading the search…'
            : hits.length === 0
              ? `Nothing matches “${trimmed}”.`
              : `${String(hits.length)} ${hits.length === 1 ? 'result' : 'results'}: Enter opens the first, the down arrow moves through them.`}
      </p>
      {hits.length > 0 && (
        <ul ref={listRef} aria-label="Search results" data-query={query} className="mt-1 divide-y divide-slate-200 dark:divide-slate-800" onKeyDown={onListKey}>
          {hits.map((hit) => (
            <li key={hit.doc.id} className="py-1.5 sm:flex sm:items-baseline sm:gap-2">
              <span className="block text-xs font-semibold tracking-wide text-slate-700 uppercase sm:w-28 sm:shrink-0 dark:text-slate-300">{KIND_LABELS[hit.doc.kind]}</span>
              <span className="block min-w-0">
                <Link data-result="" to={hit.doc.url} className="font-medium">
                  {hit.doc.title}
                </Link>
                {hit.doc.kind === 'entry' && hit.matched ? (
                  <span className="block truncate text-sm text-slate-700 dark:text-slate-300">
                    <Highlight text={hit.matched.text} ranges={hit.matched.ranges} />
                  </span>
                ) : (
                  hit.doc.summary && <span className="block truncate text-sm text-slate-700 dark:text-slate-300">{hit.doc.summary}</span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {searcher && trimmed.length > 0 && hits.length === 0 && (
        <div className="mt-1 text-sm">
          {nearest.length > 0 && (
            <p>
              Nearest codes and tags:{' '}
              {nearest.map((suggestion, i) => (
                <span key={suggestion.url + suggestion.label}>
                  {i > 0 && ', '}
                  <Link to={suggestion.url}>{suggestion.label}</Link>
                </span>
              ))}
            </p>
          )}
          <p className="mt-1">Paste the whole bounce message in the box below instead: the diagnosis reads every code and line in it.</p>
        </div>
      )}
    </section>
  );
}
